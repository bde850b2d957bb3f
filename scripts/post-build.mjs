// Trunk's post_build hook. Trunk runs the hooks of one stage at the same
// time, and these steps depend on each other, so they run here in order:
// build the Rust app split into chunks and add its loader to index.html
// (wasm-build.mjs, see there why Trunk does not), write each section's
// first screen per language into index.html (src/bin/prerender.rs, with
// the inline first-paint script), minify the JS glue
// (changes a file and its integrity), inline the stylesheet (changes
// index.html), then write the host headers (CSP of index.html,
// with the inline style's hash), mount.js (hashes of the files) and the
// offline copy's sw.js (hashes every file), and last the brotli and gzip
// copies of the final files (compress.mjs).
import { execFileSync } from 'node:child_process';
import { dirname } from 'node:path';

const root = dirname(dirname(new URL(import.meta.url).pathname));
const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist';
const prerender = () =>
  // Each section's first screen per language, drawn by the app's own
  // components natively (src/bin/prerender.rs), before the steps that
  // hash or read index.html.
  execFileSync('cargo', ['run', '--quiet', '--bin', 'prerender', '--', dir], { cwd: root, stdio: 'inherit' });

for (const step of ['wasm-build.mjs', prerender, 'minify.mjs', 'inline-css.mjs', 'headers.mjs', 'mount.mjs', 'pwa.mjs', 'compress.mjs']) {
  if (typeof step === 'function') {
    step();
    continue;
  }
  execFileSync(process.execPath, [new URL(step, import.meta.url).pathname, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
}
