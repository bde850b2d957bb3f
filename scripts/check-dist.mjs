// Checks the release build in dist/: the first-load size budget, in gzip
// and in brotli, the subresource integrity of every script and preload and
// of every WASM chunk, the brotli and gzip copies, and that sw.js keeps
// every file. Fails (exit 1) on any; prints the sizes either way.
//   node scripts/check-dist.mjs [dist]
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import {
  firstLoadFiles,
  integrityTargets,
  isCompressedCopy,
  precacheFiles,
  sectionFiles,
} from './dist-files.mjs';
import { sentSizes } from './sent-size.mjs';

import { BUDGET_BROTLI_BYTES, BUDGET_GZIP_BYTES } from './budget.mjs';

const dir = process.argv[2] ?? 'dist';
const failures = [];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

// The bytes a host sends for `file`: the build's .gz/.br copy (checked
// against the file), or the file compressed here when it has none (a host
// compressing on the fly gets about the same).
const sent = sentSizes(dir, failures);

const files = await firstLoadFiles(dir);
const totals = {};
const total = { gzip: 0, brotli: 0 };
for (const { kind, file } of files) {
  const size = await sent(file);
  totals[kind] ??= { gzip: 0, brotli: 0 };
  for (const encoding of ['gzip', 'brotli']) {
    totals[kind][encoding] += size[encoding];
    total[encoding] += size[encoding];
  }
}
const row = (name, size) => `  ${name.padEnd(13)} ${kb(size.gzip).padStart(9)} ${kb(size.brotli).padStart(9)}`;
console.log(`First load (every section):  ${'gzip'.padStart(9)} ${'brotli'.padStart(9)}`);
for (const [kind, size] of Object.entries(totals)) console.log(row(kind, size));
console.log(row('total', total));

// Each section's first visit: the first load, its content file and, for a
// split page, its chunks. The budget holds for every client section.
console.log('First visit of a section (gzip, brotli):');
const largest = { gzip: 0, brotli: 0 };
for (const section of await sectionFiles(dir)) {
  const size = { ...total };
  for (const file of section.files) {
    const extra = await sent(file);
    size.gzip += extra.gzip;
    size.brotli += extra.brotli;
  }
  console.log(`${row(section.name, size)}${section.client ? '' : '  (not a client first load)'}`);
  if (section.client) {
    largest.gzip = Math.max(largest.gzip, size.gzip);
    largest.brotli = Math.max(largest.brotli, size.brotli);
  }
}
console.log(`Budget for a client section: ${kb(BUDGET_GZIP_BYTES)} gzip, ${kb(BUDGET_BROTLI_BYTES)} brotli`);
if (largest.gzip > BUDGET_GZIP_BYTES) {
  failures.push(`a client section's first load is ${kb(largest.gzip)} gzipped, over the ${kb(BUDGET_GZIP_BYTES)} budget`);
}
if (largest.brotli > BUDGET_BROTLI_BYTES) {
  failures.push(`a client section's first load is ${kb(largest.brotli)} in brotli, over the ${kb(BUDGET_BROTLI_BYTES)} budget`);
}

const html = await readFile(join(dir, 'index.html'), 'utf8');
const targets = integrityTargets(html);
if (targets.length === 0) failures.push('index.html has no script or preload to check');
for (const { tag, url, integrity, crossorigin } of targets) {
  if (!url || !integrity) {
    failures.push(`no integrity attribute: ${tag}`);
    continue;
  }
  // Without it, a sandboxed iframe (opaque origin) refuses the file.
  if (crossorigin === undefined) failures.push(`integrity without crossorigin: ${tag}`);
  const [algorithm, expected] = integrity.split(/-(.*)/s);
  const actual = createHash(algorithm).update(await readFile(join(dir, url))).digest('base64');
  if (actual !== expected) failures.push(`integrity of ${url} does not match the file`);
}
console.log(`Subresource integrity: ${targets.length} elements checked`);

// The WASM chunks, fetched later by the split loader (scripts/wasm-build.mjs):
// each one's fetch carries its integrity (the loader itself is checked by
// its modulepreload above), and every WASM file is either the one
// index.html preloads or a chunk the loader fetches.
const all = (await readdir(dir)).sort();
const loaders = all.filter((f) => /^__wasm_split-[0-9a-f]+\.js$/.test(f));
if (loaders.length !== 1) failures.push(`expected one __wasm_split-*.js loader, found ${loaders.length}`);
const fetched = new Set();
for (const loader of loaders) {
  const source = await readFile(join(dir, loader), 'utf8');
  for (const m of source.matchAll(/fetch\(new URL\("\.\/([^"]+)", import\.meta\.url\)(?:, \{ integrity: "([^"]+)" \})?\)/g)) {
    const [, file, integrity] = m;
    fetched.add(file);
    if (!integrity) {
      failures.push(`${loader} fetches ${file} without integrity`);
      continue;
    }
    const [algorithm, expected] = integrity.split(/-(.*)/s);
    const actual = await readFile(join(dir, file)).then(
      (bytes) => createHash(algorithm).update(bytes).digest('base64'),
      () => null,
    );
    if (actual !== expected) failures.push(`integrity of chunk ${file} in ${loader} does not match the file`);
  }
}
const preloaded = new Set(targets.map((t) => t.url));
for (const file of all.filter((f) => f.endsWith('.wasm'))) {
  if (!preloaded.has(file) && !fetched.has(file)) failures.push(`${file} is neither preloaded nor fetched by the loader`);
}
console.log(`WASM chunks: ${fetched.size}, each checked by integrity when fetched`);

// The offline copy: sw.js must list every file of the app, and only those.
const HOST_FILES = new Set(['_headers', 'nginx-headers.conf', 'sw.js']);
const built = (await readdir(dir, { recursive: true, withFileTypes: true }))
  .filter((e) => e.isFile())
  .map((e) => relative(dir, join(e.parentPath ?? e.path, e.name)).split(sep).join('/'))
  .filter((file) => !HOST_FILES.has(file))
  // The .br/.gz copies are the same files, for hosts that send them.
  .filter((file) => !isCompressedCopy(file));
for (const file of (await readdir(dir, { recursive: true })).map((f) => f.split(sep).join('/'))) {
  if (isCompressedCopy(file) && !built.includes(file.slice(0, -3)) && !HOST_FILES.has(file.slice(0, -3))) {
    failures.push(`${file} is a copy of a file the build lacks`);
  }
}
const precached = await precacheFiles(dir).catch((error) => {
  failures.push(error.message);
  return [];
});
for (const file of built) if (!precached.includes(file)) failures.push(`sw.js does not keep ${file} for offline use`);
for (const file of precached) if (!built.includes(file)) failures.push(`sw.js lists ${file}, which the build lacks`);
const offline = { gzip: 0, brotli: 0 };
for (const file of precached.filter((f) => built.includes(f))) {
  const size = await sent(file);
  offline.gzip += size.gzip;
  offline.brotli += size.brotli;
}
console.log(
  `Offline copy (sw.js, downloaded in the background after the first load): ${precached.length} files, ${kb(offline.gzip)} gzip, ${kb(offline.brotli)} brotli`,
);

if (failures.length) {
  for (const failure of failures) console.error(`FAIL: ${failure}`);
  process.exit(1);
}
console.log('dist check passed');
