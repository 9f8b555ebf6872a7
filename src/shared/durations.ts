/** "1 h 30 min", "45 min", "—". */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || seconds <= 0) return '';
  const minutes = Math.round(seconds / 60);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/**
 * "1h 30m", "1h30", "90m", "90", "1.5h", "2h" → seconds; null for empty; undefined when
 * unreadable. A number alone is minutes, and so is one after the hours.
 */
export function parseEstimate(text: string): number | null | undefined {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === '') return null;
  const match = /^(?:(\d+(?:[.,]\d+)?)\s*h(?:ours?|rs?)?)?\s*(?:(\d+)\s*(?:m(?:in(?:utes?)?)?)?)?$/.exec(trimmed);
  if (!match || (!match[1] && !match[2])) return undefined;
  const hours = Number((match[1] ?? '0').replace(',', '.'));
  const minutes = Number(match[2] ?? '0');
  return Math.round(hours * 3600 + minutes * 60);
}
