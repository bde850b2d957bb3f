// Minifies the wasm-bindgen JS glue of a release build and updates its
// integrity hash in index.html; then the inline first-paint script and the
// language files. Trunk's own minifier gives up on the glue (it stops at
// `export default` and leaves the file as it is), and the glue is part of
// every first visit: minified, it is about 2 KB smaller gzipped.
// Runs from scripts/post-build.mjs, before anything reads the built files.
//   node scripts/minify.mjs [dir]
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { minify } from 'terser';
import { attributes, integrity as integrityOf } from './dist-files.mjs';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist';
const release = (process.env.TRUNK_PROFILE ?? 'release') === 'release';
const htmlPath = join(dir, 'index.html');
let html = await readFile(htmlPath, 'utf8');
const preload = [...html.matchAll(/<link\b[^>]*>/g)]
  .map((m) => ({ tag: m[0], ...attributes(m[0]) }))
  .find((link) => link.rel === 'modulepreload');
if (!preload?.href) throw new Error('minify.mjs: no JS module preload in index.html');
const file = preload.href.replace(/^\.\//, '');

if (release) {
  const source = await readFile(join(dir, file), 'utf8');
  const { code } = await minify(source, { module: true, compress: true, mangle: true });
  await writeFile(join(dir, file), code);
  const [algorithm] = (preload.integrity ?? 'sha384-').split('-');
  const integrity = integrityOf(code, algorithm);
  // Every place index.html names this file's integrity (the preload, and the
  // loader if it carries one) gets the new hash.
  html = html.split(preload.integrity).join(integrity);
  console.log(`minify.mjs: ${file} ${source.length} -> ${code.length} bytes`);

  // The inline first-paint script (scripts/first-paint.js, put in by the
  // prerender step) is in every page load, comments and all: minified, it
  // is about 1 KB smaller gzipped. Its CSP hash is computed afterwards, by
  // headers.mjs, from the final index.html.
  const inline = /(<script data-mc-first-paint>)([\s\S]*?)(<\/script>)/;
  const found = inline.exec(html);
  if (!found) throw new Error('minify.mjs: no <script data-mc-first-paint> in index.html');
  const script = await minify(found[2], { compress: true, mangle: true });
  html = html.replace(inline, (_, open, _body, close) => open + script.code + close);
  console.log(`minify.mjs: the first-paint script ${found[2].length} -> ${script.code.length} bytes`);
  await writeFile(htmlPath, html);

  // The language files are written indented for people editing them; a
  // first visit fetches two of them (the interface's and the section's),
  // and the indentation is about 0.1 KB of each after compression.
  let before = 0;
  let after = 0;
  const locales = join(dir, 'locales');
  for (const name of (await readdir(locales)).filter((f) => f.endsWith('.json'))) {
    const text = await readFile(join(locales, name), 'utf8');
    const compact = JSON.stringify(JSON.parse(text));
    await writeFile(join(locales, name), compact);
    before += text.length;
    after += compact.length;
  }
  console.log(`minify.mjs: the language files ${before} -> ${after} bytes`);
}
