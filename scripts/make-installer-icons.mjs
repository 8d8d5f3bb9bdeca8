// Installer icons for electron-builder, drawn from the same artwork as the app's PNGs
// (scripts/make-icons.mjs) and encoded with pngjs:
//   build/icon.ico     Windows (NSIS, the .exe): 16–256 px PNGs in an ICO container
//   build/icon.icns    macOS (the .app, the dmg): 16–1024 px PNGs in an ICNS container
//   build/icons/NxN.png  Linux (AppImage, deb): one PNG per size, as the desktop file's theme expects
// Both containers may hold PNG data as is (ICO since Windows Vista, ICNS since 10.7). The files
// are committed; run `node scripts/make-installer-icons.mjs` again only to change the artwork.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pngjs from 'pngjs';
import { drawIcon } from './make-icons.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const ICON_OPTIONS = { margin: 0.06 };

export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
export const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512];
// ICNS element types holding PNG data, and the pixel size each stands for.
export const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

const cache = new Map();
/** The app icon at `size` px as PNG bytes. */
export function iconPng(size) {
  if (!cache.has(size)) {
    const png = new pngjs.PNG({ width: size, height: size });
    png.data = Buffer.from(drawIcon(size, 'idle', ICON_OPTIONS).buffer);
    cache.set(size, pngjs.PNG.sync.write(png));
  }
  return cache.get(size);
}

/** ICONDIR + one ICONDIRENTRY per image, then the PNGs (a width or height of 256 is written as 0). */
export function icoFile(sizes) {
  const images = sizes.map(iconPng);
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach((png, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(sizes[i] >= 256 ? 0 : sizes[i], entry);
    header.writeUInt8(sizes[i] >= 256 ? 0 : sizes[i], entry + 1);
    header.writeUInt8(0, entry + 2);
    header.writeUInt8(0, entry + 3);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images]);
}

/** 'icns' + total length, then per element its type, its length (8 + data) and the PNG. */
export function icnsFile(types) {
  const elements = types.map(([type, size]) => {
    const png = iconPng(size);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(elements);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  mkdirSync(join(root, 'build', 'icons'), { recursive: true });
  writeFileSync(join(root, 'build', 'icon.ico'), icoFile(ICO_SIZES));
  writeFileSync(join(root, 'build', 'icon.icns'), icnsFile(ICNS_TYPES));
  for (const size of LINUX_SIZES) writeFileSync(join(root, 'build', 'icons', `${size}x${size}.png`), iconPng(size));
  console.log('wrote build/icon.ico, build/icon.icns and build/icons/*.png');
}
