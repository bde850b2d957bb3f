// Checks the release build in dist/: the first-load size budget and the
// subresource integrity of every script and preload. Fails (exit 1) on
// either; prints the sizes either way.
//   node scripts/check-dist.mjs [dist]
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { firstLoadFiles, integrityTargets, precacheFiles } from './dist-files.mjs';

import { BUDGET_BYTES } from './budget.mjs';

const dir = process.argv[2] ?? 'dist';
const failures = [];

const files = await firstLoadFiles(dir);
const totals = {};
let total = 0;
for (const { kind, file } of files) {
  const gz = gzipSync(await readFile(join(dir, file)), { level: 9 }).length;
  totals[kind] = (totals[kind] ?? 0) + gz;
  total += gz;
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log('First load, gzipped:');
for (const [kind, bytes] of Object.entries(totals)) console.log(`  ${kind.padEnd(8)} ${kb(bytes)}`);
console.log(`  ${'total'.padEnd(8)} ${kb(total)} (budget ${kb(BUDGET_BYTES)})`);
if (total > BUDGET_BYTES) failures.push(`first load is ${kb(total)}, over the ${kb(BUDGET_BYTES)} budget`);

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

// The offline copy: sw.js must list every file of the app, and only those.
const HOST_FILES = new Set(['_headers', 'nginx-headers.conf', 'sw.js']);
const built = (await readdir(dir, { recursive: true, withFileTypes: true }))
  .filter((e) => e.isFile())
  .map((e) => relative(dir, join(e.parentPath ?? e.path, e.name)).split(sep).join('/'))
  .filter((file) => !HOST_FILES.has(file));
const precached = await precacheFiles(dir).catch((error) => {
  failures.push(error.message);
  return [];
});
for (const file of built) if (!precached.includes(file)) failures.push(`sw.js does not keep ${file} for offline use`);
for (const file of precached) if (!built.includes(file)) failures.push(`sw.js lists ${file}, which the build lacks`);
let offline = 0;
for (const file of precached.filter((f) => built.includes(f))) offline += gzipSync(await readFile(join(dir, file)), { level: 9 }).length;
console.log(`Offline copy (sw.js, downloaded in the background after the first load): ${precached.length} files, ${kb(offline)} gzipped`);

if (failures.length) {
  for (const failure of failures) console.error(`FAIL: ${failure}`);
  process.exit(1);
}
console.log('dist check passed');
