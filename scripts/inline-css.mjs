// Puts the whole built stylesheet into index.html, as one inline <style>
// in <head> where Trunk wrote its <link>: the first screens the build wrote
// (src/bin/prerender.rs) and the app are styled from the first paint, with
// no stylesheet request on a first visit and nothing restyled when one
// arrives.
//
// Why all of it rather than the rules the first screens use: that subset was
// already half the stylesheet (13.0 of 25.5 KB), and the page downloaded it
// twice, inline and in the file; one copy is 3.2 KB smaller gzipped (2.7 KB
// in brotli) and one request fewer on a slow phone network (measured in
// docs/BENCHMARKS.md). The hashed CSS file stays in the build for mount.js,
// which styles a clinic's own page with it (scripts/mount.mjs).
//
// headers.mjs adds the inline style's hash to the Content-Security-Policy.
// Runs as a step of post-build.mjs on the staging folder, or by hand on
// dist/. It also gives every integrity-checked element `crossorigin` (so
// that the app starts in a sandboxed iframe too):
//   node scripts/inline-css.mjs [dir]
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { attributes, withCrossorigin } from './dist-files.mjs';

/** The stylesheet `<link>` Trunk wrote into index.html (throws if none). */
export function stylesheetLink(html) {
  const link = [...html.matchAll(/<link\b[^>]*>/g)].find((m) => attributes(m[0]).rel === 'stylesheet');
  if (!link) throw new Error('inline-css.mjs: no stylesheet link in index.html');
  return { tag: link[0], file: attributes(link[0]).href.replace(/^\.\//, '') };
}

/** index.html with the stylesheet's link replaced by its rules, inline. */
export function inlineStylesheet(html, css) {
  if (css.includes('</style')) throw new Error('inline-css.mjs: the stylesheet would close its <style> early');
  return html.replace(stylesheetLink(html).tag, `<style data-mc-stylesheet>${css.trim()}</style>`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist';
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  // Already done (the step was run again on the same folder).
  if (html.includes('<style data-mc-stylesheet>')) process.exit(0);
  const css = await readFile(join(dir, stylesheetLink(html).file), 'utf8');
  await writeFile(join(dir, 'index.html'), withCrossorigin(inlineStylesheet(html, css)));
  console.log(`inline-css.mjs: ${css.length} bytes of CSS inline in index.html`);
}
