/** WCAG relative luminance of a #rrggbb color. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((start) => {
    const channel = parseInt(hex.slice(start, start + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

const contrast = (a: number, b: number): number => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

/**
 * The OS accent color as the popover uses it, with the text color that reads on it (black or
 * white, whichever contrasts more); null for anything that is not #rrggbb.
 */
export function accentPalette(raw: string | null | undefined): { accent: string; onAccent: string } | null {
  if (!raw || !/^#[0-9a-f]{6}$/i.test(raw)) return null;
  const accent = raw.toLowerCase();
  const light = luminance(accent);
  return { accent, onAccent: contrast(light, 1) >= contrast(light, 0) ? '#ffffff' : '#000000' };
}

/** Electron's `systemPreferences.getAccentColor()` answers "rrggbbaa": the #rrggbb part. */
export function fromSystemAccent(raw: string | null | undefined): string | null {
  return raw && /^[0-9a-f]{6}([0-9a-f]{2})?$/i.test(raw) ? `#${raw.slice(0, 6).toLowerCase()}` : null;
}
