// Draws the app and tray icons (a power-button mark) into resources/. Run once after a
// design change: `node resources/generate-icons.mjs`. No dependencies: PNG and ICO by hand.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

const here = import.meta.dirname;
const PINK = [229, 124, 216];
const PLUM = [44, 19, 56];

/** Coverage of the power mark at (x, y) in unit space: a ring open at the top and a bar. */
function markCoverage(x, y, { radius, stroke, barTop }) {
  const dx = x - 0.5;
  const dy = y - 0.5;
  const distance = Math.hypot(dx, dy);
  const angleFromTop = Math.abs(Math.atan2(dx, -dy));
  const onRing = Math.abs(distance - radius) <= stroke / 2 && angleFromTop > (38 * Math.PI) / 180;
  const onBar = Math.abs(dx) <= stroke / 2 && y >= barTop && y <= 0.5;
  return onRing || onBar;
}

/** Renders size×size RGBA with 4×4 supersampling; paint(x, y) answers [r, g, b, a] or null. */
function render(size, paint) {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const color = paint((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!color) continue;
          for (let i = 0; i < 3; i++) sum[i] += color[i] * color[3];
          sum[3] += color[3];
        }
      }
      const offset = (py * size + px) * 4;
      const alpha = sum[3] / (samples * samples);
      for (let i = 0; i < 3; i++) pixels[offset + i] = sum[3] ? Math.round(sum[i] / sum[3]) : 0;
      pixels[offset + 3] = Math.round(alpha * 255);
    }
  }
  return pixels;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An ICO holding PNG images (Windows Vista and later). */
function ico(images) {
  const header = Buffer.alloc(6 + images.length * 16);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, index) => {
    const entry = 6 + index * 16;
    header[entry] = size >= 256 ? 0 : size;
    header[entry + 1] = size >= 256 ? 0 : size;
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(data.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.data)]);
}

const colored = (x, y) => {
  if (markCoverage(x, y, { radius: 0.22, stroke: 0.075, barTop: 0.2 })) return [...PLUM, 1];
  return Math.hypot(x - 0.5, y - 0.5) <= 0.47 ? [...PINK, 1] : null;
};
const template = (x, y) => (markCoverage(x, y, { radius: 0.33, stroke: 0.13, barTop: 0.08 }) ? [0, 0, 0, 1] : null);

const coloredPng = (size) => png(size, render(size, colored));
const write = (name, data) => {
  const file = path.join(here, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, data);
  console.log(`wrote ${path.relative(process.cwd(), file)} (${data.length} bytes)`);
};

// Tray states: a badge at the bottom right. In color (Windows, Linux): amber for changes
// waiting, red for a failed change; offline greys the whole icon. As a template (macOS, black
// and alpha only): a ring for waiting, a filled dot for failed, the mark faded for offline.
const GREY = [138, 138, 138];
const BADGES = { pending: [245, 165, 36], failed: [217, 43, 43], running: [45, 166, 8] };
const inBadge = (x, y, radius) => Math.hypot(x - 0.8, y - 0.8) <= radius;
// A timer running: a "play" triangle in the badge's place (template), or a green dot (color).
const inPlay = (x, y) => x >= 0.68 && x <= 0.96 && Math.abs(y - 0.8) <= (0.96 - x) * 0.58;
const coloredState = (state) => (x, y) => {
  if (state !== 'offline' && inBadge(x, y, 0.2)) return [...BADGES[state], 1];
  if (state !== 'offline' && inBadge(x, y, 0.27)) return null;
  const base = colored(x, y);
  if (!base || state !== 'offline') return base;
  return base[0] === PLUM[0] ? [60, 60, 60, 1] : [...GREY, 1];
};
const templateState = (state) => (x, y) => {
  if (state === 'failed' && inBadge(x, y, 0.2)) return [0, 0, 0, 1];
  if (state === 'pending' && inBadge(x, y, 0.2)) return inBadge(x, y, 0.11) ? null : [0, 0, 0, 1];
  if (state === 'running') return inPlay(x, y) ? [0, 0, 0, 1] : inBadge(x, y, 0.29) ? null : template(x, y);
  if (state !== 'offline' && inBadge(x, y, 0.29)) return null;
  const base = template(x, y);
  return base && state === 'offline' ? [0, 0, 0, 0.4] : base;
};

write('icon.png', coloredPng(512));
write('tray/trayTemplate.png', png(16, render(16, template)));
write('tray/trayTemplate@2x.png', png(32, render(32, template)));
write('tray/tray.png', coloredPng(22));
write('tray/tray@2x.png', coloredPng(44));
write('tray/tray.ico', ico([16, 24, 32, 48].map((size) => ({ size, data: coloredPng(size) }))));
for (const state of ['offline', 'pending', 'failed', 'running']) {
  const paint = coloredState(state);
  write(`tray/tray-${state}Template.png`, png(16, render(16, templateState(state))));
  write(`tray/tray-${state}Template@2x.png`, png(32, render(32, templateState(state))));
  write(`tray/tray-${state}.png`, png(22, render(22, paint)));
  write(`tray/tray-${state}@2x.png`, png(44, render(44, paint)));
  write(`tray/tray-${state}.ico`, ico([16, 24, 32, 48].map((size) => ({ size, data: png(size, render(size, paint)) }))));
}
