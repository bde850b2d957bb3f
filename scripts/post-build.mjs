// Trunk's post_build hook. Trunk runs the hooks of one stage at the same
// time, and these steps depend on each other, so they run here in order:
// build the Rust app split into chunks and add its loader to index.html
// (wasm-build.mjs, see there why Trunk does not), minify the JS glue
// (changes a file and its integrity), inline the shell's CSS (changes
// index.html), then write the host headers (CSP of index.html,
// with the inline style's hash), mount.js (hashes of the files) and the
// offline copy's sw.js (hashes every file), and last the brotli and gzip
// copies of the final files (compress.mjs).
import { execFileSync } from 'node:child_process';

for (const step of ['wasm-build.mjs', 'minify.mjs', 'critical-css.mjs', 'headers.mjs', 'mount.mjs', 'pwa.mjs', 'compress.mjs']) {
  execFileSync(process.execPath, [new URL(step, import.meta.url).pathname, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
}
