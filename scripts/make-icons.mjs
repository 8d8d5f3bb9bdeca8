// Draws Follower Pulse's icons — a white pulse line on a blue rounded square, with an amber
// (syncing) or red (error) badge for the tray — and writes them as PNGs with node:zlib alone.
// The PNGs are committed; run this again only to change the artwork:
//   node scripts/make-icons.mjs              writes resources/ and build/
//   node scripts/make-icons.mjs --preview F  also writes a contact sheet (enlarged) to F
// Shapes are signed distance fields, antialiased analytically: crisp at 16 px, smooth at 512.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));

const BLUE_TOP = [59, 130, 246];
const BLUE_BOTTOM = [29, 78, 216];
const WHITE = [255, 255, 255];
const BADGE = { syncing: [245, 158, 11], error: [220, 38, 38] };

// The pulse: flat, a sharp beat up and down, a small echo, flat again (y grows downwards). The
// flat parts sit at 9/16 so that a 2 px line covers whole pixels at 16 and 32 px.
const PULSE = [
  [0.13, 0.5625],
  [0.33, 0.5625],
  [0.43, 0.3],
  [0.55, 0.76],
  [0.64, 0.47],
  [0.71, 0.5625],
  [0.87, 0.5625],
];

/** RGBA pixels of one icon. `variant`: idle | syncing | error; `badge`: draw the tray badge. */
export function drawIcon(size, variant, { badge = variant !== 'idle', margin = 0 } = {}) {
  const px = 1 / size;
  // Whole pixels where pixels show (tray sizes), a bolder line where they do not.
  const stroke = (size >= 128 ? 0.072 : Math.max(0.0625, 2 * px)) / 2;
  // The live dot at the end of the line would only be a blob at 16 px.
  const dotRadius = size > 16 ? stroke * 1.8 : 0;
  const [endX, endY] = PULSE[PULSE.length - 1];
  const badgeRadius = size <= 16 ? 0.25 : 0.24;
  const ring = Math.max(0.05, 1.1 * px);
  // In the corner, but inside the canvas: a clipped badge looks like a rendering bug.
  const badgeCenter = [1 - badgeRadius - ring * 0.5, 1 - badgeRadius - ring * 0.5];
  const out = new Uint8ClampedArray(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const u = (x + 0.5) * px;
      const v = (y + 0.5) * px;
      const cover = (distance) => Math.min(1, Math.max(0, 0.5 - distance / px));
      let color = [0, 0, 0];
      let alpha = 0;
      const paint = (rgb, a) => {
        const outA = a + alpha * (1 - a);
        if (outA === 0) return;
        color = color.map((c, i) => (rgb[i] * a + c * alpha * (1 - a)) / outA);
        alpha = outA;
      };
      const square = roundedSquare(u, v, margin, 0.22 * (1 - 2 * margin));
      paint(mix(BLUE_TOP, BLUE_BOTTOM, v), cover(square));
      const line = Math.min(polylineDistance(u, v, PULSE) - stroke, circle(u, v, endX, endY, dotRadius));
      paint(WHITE, cover(line) * cover(square));
      if (badge) {
        const d = circle(u, v, badgeCenter[0], badgeCenter[1], badgeRadius);
        // A ring of the background's white separates the badge from the line under it.
        paint(WHITE, cover(d - ring));
        paint(BADGE[variant], cover(d));
        if (variant === 'error' && size >= 32) paint(WHITE, cover(exclamation(u, v, badgeCenter, badgeRadius)));
        if (variant === 'syncing' && size >= 32) paint(WHITE, cover(circle(u, v, badgeCenter[0], badgeCenter[1], badgeRadius * 0.38)));
      }
      out.set([...color.map(Math.round), Math.round(alpha * 255)], (y * size + x) * 4);
    }
  }
  return out;
}

function mix(a, b, t) {
  return a.map((c, i) => c + (b[i] - c) * t);
}

function circle(u, v, cx, cy, r) {
  return Math.hypot(u - cx, v - cy) - r;
}

function roundedSquare(u, v, margin, radius) {
  const half = 0.5 - margin;
  const qx = Math.abs(u - 0.5) - (half - radius);
  const qy = Math.abs(v - 0.5) - (half - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

function segmentDistance(u, v, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.min(1, Math.max(0, ((u - ax) * dx + (v - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(u - (ax + t * dx), v - (ay + t * dy));
}

function polylineDistance(u, v, points) {
  let best = Infinity;
  for (let i = 1; i < points.length; i++) best = Math.min(best, segmentDistance(u, v, points[i - 1], points[i]));
  return best;
}

function exclamation(u, v, [cx, cy], r) {
  const w = r * 0.13;
  const bar = segmentDistance(u, v, [cx, cy - r * 0.5], [cx, cy + r * 0.08]) - w;
  return Math.min(bar, circle(u, v, cx, cy + r * 0.45, w * 1.1));
}

// ---- PNG ------------------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An 8-bit RGBA PNG (no filtering: icons are tiny, deflate does the rest). */
export function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

// ---- files ----------------------------------------------------------------------------------

/** Every icon the app and the installer use: [path relative to the repo, size, variant, options]. */
export const ICONS = [
  ...['idle', 'syncing', 'error'].flatMap((variant) => [
    // Windows and macOS trays: 16 px, Electron picks @2x on high-DPI screens.
    [`resources/tray-${variant}.png`, 16, variant],
    [`resources/tray-${variant}@2x.png`, 32, variant],
    // Linux panels draw larger icons.
    [`resources/tray-${variant}-32.png`, 32, variant],
    [`resources/tray-${variant}-32@2x.png`, 64, variant],
  ]),
  // The window icon on Linux, and the installer/app icon electron-builder converts per platform.
  ['resources/icon.png', 256, 'idle', { margin: 0.06 }],
  ['build/icon.png', 512, 'idle', { margin: 0.06 }],
];

// Enlarged tray sizes on a light and a dark taskbar colour, and the app icon.
function contactSheet(scale) {
  const cell = 64 * scale + 16;
  const rows = [16, 32, 64, 16, 32];
  const variants = ['idle', 'syncing', 'error'];
  const width = cell * variants.length + 512 + 16;
  const height = Math.max(cell * rows.length, 512);
  const sheet = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let y = cell * 3; y < height; y++) {
    for (let x = 0; x < cell * variants.length; x++) sheet.set([32, 32, 32, 255], (y * width + x) * 4);
  }
  const blit = (pixels, size, ox, oy, factor) => {
    for (let y = 0; y < size * factor; y++) {
      for (let x = 0; x < size * factor; x++) {
        const s = (Math.floor(y / factor) * size + Math.floor(x / factor)) * 4;
        const d = ((oy + y) * width + ox + x) * 4;
        const a = pixels[s + 3] / 255;
        for (let i = 0; i < 3; i++) sheet[d + i] = pixels[s + i] * a + sheet[d + i] * (1 - a);
      }
    }
  };
  rows.forEach((size, r) => variants.forEach((variant, c) => blit(drawIcon(size, variant), size, c * cell + 8, r * cell + 8, Math.floor((64 * scale) / size))));
  blit(drawIcon(512, 'idle', { margin: 0.06 }), 512, cell * variants.length + 16, 0, 1);
  return encodePng(width, height, sheet);
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  for (const [file, size, variant, options] of ICONS) {
    const target = join(root, file);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, encodePng(size, size, drawIcon(size, variant, options)));
    console.log(`wrote ${file} (${size}×${size})`);
  }
  const preview = process.argv.indexOf('--preview');
  if (preview !== -1 && process.argv[preview + 1]) {
    writeFileSync(process.argv[preview + 1], contactSheet(2));
    console.log(`wrote preview ${process.argv[preview + 1]}`);
  }
}
