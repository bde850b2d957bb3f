// Makes the build installable and usable offline: writes the web app
// manifest, its icons and the service worker (sw.js) whose precache list is
// every file of this build. Runs as a Trunk post_build hook on the staging
// folder, or by hand on a built folder (e.g. after changing a file in it):
//   node scripts/pwa.mjs [dir]
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { isCompressedCopy, isHashed } from './dist-files.mjs';

const BRAND = { primary: '#17695f', strong: '#0f4f47', soft: '#e4f2ef', background: '#f7f5f2' };

/** Every icon the manifest or index.html names: file, pixel size, purpose. */
export const ICONS = [
  { file: 'icons/icon-192.png', size: 192, purpose: 'any', plate: false },
  { file: 'icons/icon-512.png', size: 512, purpose: 'any', plate: false },
  { file: 'icons/maskable-512.png', size: 512, purpose: 'maskable', plate: true },
  { file: 'icons/apple-touch-icon.png', size: 180, purpose: null, plate: true },
];

/** Files of a build that are host configuration, not part of the app. */
const NOT_SERVED = new Set(['_headers', 'nginx-headers.conf', 'sw.js']);

/** A clinic may add this file next to index.html; it is cached when present. */
export const OPTIONAL_FILES = ['clinic.json'];

export const MANIFEST = {
  name: 'MicroCare: your microneedling companion',
  short_name: 'MicroCare',
  description:
    'Clear answers about microneedling, a self-check before you book, and aftercare guidance after each session. Everything stays on your device.',
  // Relative to the manifest, so the app installs from whatever folder it is in.
  id: './',
  start_url: './',
  scope: './',
  display: 'standalone',
  theme_color: BRAND.primary,
  background_color: BRAND.background,
  icons: ICONS.filter((icon) => icon.purpose).map(({ file, size, purpose }) => ({
    src: file,
    sizes: `${size}x${size}`,
    type: 'image/png',
    purpose,
  })),
};

// --- PNG icons, drawn here so that no binary file needs to be kept ---

const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

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
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * A PNG of `size` pixels, each pixel's RGBA colour from `paint(x, y)`. Written
 * with a palette (the icons have few colours), which keeps them small.
 */
export function png(size, paint) {
  const colours = new Map();
  const indices = Buffer.alloc(size * (size + 1));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const key = paint(x, y).join(',');
      if (!colours.has(key)) colours.set(key, colours.size);
      indices[y * (size + 1) + 1 + x] = colours.get(key);
    }
  }
  if (colours.size > 256) throw new Error(`icon has ${colours.size} colours, a palette holds 256`);
  const rgba = [...colours.keys()].map((key) => key.split(',').map(Number));
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 3, 0, 0, 0], 8); // 8 bits, palette, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('PLTE', Buffer.from(rgba.flatMap((c) => c.slice(0, 3)))),
    chunk('tRNS', Buffer.from(rgba.map((c) => c[3]))),
    chunk('IDAT', deflateSync(indices, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * The brand mark (a green disc with a light spot, as in the header), either
 * alone on a transparent square, or on a dark full-bleed plate that survives
 * any mask shape (the mark stays inside the central 80 % safe zone).
 */
function drawIcon(size, plate) {
  const disc = plate ? 0.3 : 0.47; // radius, as a fraction of the size
  const [p, s, g] = [rgb(BRAND.primary), rgb(BRAND.soft), rgb(BRAND.strong)];
  const spot = { x: 0.5 - disc * 0.3, y: 0.5 - disc * 0.3, r: disc * 0.36 };
  // Samples per axis, for smooth edges. The 192 px icon is fetched on a first
  // visit (Chromium checks that the app can be installed), so it is kept
  // smaller: 2 x 2 samples still smooth its edges at that size.
  const N = size <= 192 ? 2 : 4;
  return png(size, (px, py) => {
    const sum = [0, 0, 0, 0];
    for (let i = 0; i < N * N; i++) {
      const x = (px + (i % N + 0.5) / N) / size;
      const y = (py + (Math.floor(i / N) + 0.5) / N) / size;
      let colour = plate ? [...g, 255] : [0, 0, 0, 0];
      if (Math.hypot(x - 0.5, y - 0.5) <= disc) colour = [...p, 255];
      if (Math.hypot(x - spot.x, y - spot.y) <= spot.r) colour = [...s, 255];
      for (let c = 0; c < 4; c++) sum[c] += colour[c] * (c < 3 ? colour[3] : 1);
    }
    const alpha = sum[3] / (N * N);
    return alpha === 0 ? [0, 0, 0, 0] : [...sum.slice(0, 3).map((v) => Math.round(v / sum[3])), Math.round(alpha)];
  });
}

// --- The service worker ---

async function listFiles(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath ?? e.path, e.name)).split(sep).join('/'))
    .filter((file) => !NOT_SERVED.has(file))
    // The .br/.gz copies are the same files, sent by hosts that can.
    .filter((file) => !isCompressedCopy(file))
    .sort();
}

/**
 * The service worker for the files in `dir`: its version is a hash of every
 * file's name and content, so any change to the build makes a new worker.
 */
export async function serviceWorker(dir) {
  const files = await listFiles(dir);
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file}\0`).update(await readFile(join(dir, file))).update('\0');
  const version = hash.digest('hex').slice(0, 16);
  // The page itself is cached under its folder's URL, the address people open.
  const precache = files.map((file) => (file === 'index.html' ? './' : file));
  const template = await readFile(fileURLToPath(new URL('service-worker.js', import.meta.url)), 'utf8');
  const header = [
    '// Generated by scripts/pwa.mjs from scripts/service-worker.js: do not edit.',
    `const VERSION = ${JSON.stringify(version)};`,
    `const PRECACHE = ${JSON.stringify(precache)};`,
    `const HASHED = ${JSON.stringify(files.filter(isHashed))};`,
    `const OPTIONAL = ${JSON.stringify(OPTIONAL_FILES)};`,
  ].join('\n');
  return { version, precache, source: `${header}\n${template.replace(/^[\s\S]*?\/\/ --- worker ---\n/, '')}` };
}

export async function writePwaFiles(dir) {
  await mkdir(join(dir, 'icons'), { recursive: true });
  for (const { file, size, plate } of ICONS) await writeFile(join(dir, file), drawIcon(size, plate));
  await writeFile(join(dir, 'manifest.webmanifest'), `${JSON.stringify(MANIFEST, null, 2)}\n`);
  // Last: the worker lists (and hashes) the icons and the manifest too.
  const worker = await serviceWorker(dir);
  await writeFile(join(dir, 'sw.js'), worker.source);
  return worker;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist';
  const { version, precache } = await writePwaFiles(dir);
  console.log(`sw.js: version ${version}, ${precache.length} files precached`);
}
