// Paints the static shell without waiting for the stylesheet: copies into
// index.html, as an inline <style>, the rules of the built stylesheet that
// the shell's markup can use, and moves the stylesheet's <link> to the end of
// <body>, where it no longer blocks the first paint of what comes before it.
// The whole stylesheet still loads (with its integrity check) and styles the
// app; the inline copy only styles the shell until then. headers.mjs adds
// the inline style's hash to the Content-Security-Policy. Runs as a step of
// post-build.mjs on the staging folder, or by hand on dist/. It also gives
// every integrity-checked element `crossorigin` (Trunk writes none on the
// stylesheet), so that the app is styled in a sandboxed iframe too:
//   node scripts/critical-css.mjs [dir]
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { attributes, withCrossorigin } from './dist-files.mjs';

/**
 * Splits CSS text into its top-level rules: `{ prelude, body }` where body is
 * the text between the braces. Quotes and nested blocks are respected.
 */
export function splitRules(css) {
  const rules = [];
  let start = 0;
  let depth = 0;
  let quote = null;
  let open = -1;
  for (let i = 0; i < css.length; i += 1) {
    const c = css[i];
    if (quote) {
      if (c === '\\') i += 1;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '/' && css[i + 1] === '*') {
      i = css.indexOf('*/', i + 2);
      if (i < 0) break;
      i += 1;
      if (depth === 0) start = i + 1;
    } else if (c === '{') {
      if (depth === 0) open = i;
      depth += 1;
    } else if (c === '}') {
      depth -= 1;
      if (depth === 0) {
        rules.push({ prelude: css.slice(start, open).trim(), body: css.slice(open + 1, i) });
        start = i + 1;
      }
    } else if (c === ';' && depth === 0) {
      // A statement such as @charset or @import: kept as it is.
      rules.push({ prelude: css.slice(start, i + 1).trim(), body: null });
      start = i + 1;
    }
  }
  return rules;
}

/** A selector list split at its top-level commas (not those in `:is(...)`). */
export function splitSelectors(prelude) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < prelude.length; i++) {
    const c = prelude[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(prelude.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(prelude.slice(start));
  return parts.map((part) => part.trim());
}

/** The class names used in a piece of markup. */
export function classNames(html) {
  const names = new Set();
  // Quoted or not: the release build's minifier drops the quotes of a
  // single class (`<body class=mc-page-body>`).
  for (const m of html.matchAll(/\bclass=(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
    const value = m[1] ?? m[2] ?? m[3];
    for (const name of value.split(/\s+/)) if (name) names.add(name);
  }
  return names;
}

/**
 * The rules of `css` that can apply to markup using only `classes`: a
 * selector is kept when every class it names is one of them. Grouping
 * at-rules (@media, @supports) keep the rules inside them that qualify.
 */
export function criticalRules(css, classes) {
  const applies = (selector) =>
    [...selector.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].every((m) => classes.has(m[1]));
  const out = [];
  for (const { prelude, body } of splitRules(css)) {
    if (body === null) continue;
    if (/^@(media|supports)\b/.test(prelude)) {
      const inner = criticalRules(body, classes);
      if (inner) out.push(`${prelude}{${inner}}`);
    } else if (prelude.startsWith('@')) {
      // @font-face, @keyframes and the like: the shell uses none.
      continue;
    } else {
      const selectors = splitSelectors(prelude).filter(applies);
      if (selectors.length > 0) out.push(`${selectors.join(',')}{${body}}`);
    }
  }
  return out.join('');
}

/** index.html with the shell's rules inline and the stylesheet moved to the end of <body>. */
export function inlineCritical(html, css) {
  // Already done (the step was run again on the same folder).
  if (html.includes('<style data-mc-shell>')) return html;
  const link = [...html.matchAll(/<link\b[^>]*>/g)].find((m) => attributes(m[0]).rel === 'stylesheet');
  if (!link) throw new Error('critical-css.mjs: no stylesheet link in index.html');
  // The shell and the first screens the build wrote (prerender's
  // <template>s in <head>): whichever shows first is styled at once.
  const critical = criticalRules(css, classNames(html));
  if (!critical) throw new Error('critical-css.mjs: no rule of the stylesheet applies to the shell');
  const withoutLink = html.replace(link[0], `<style data-mc-shell>${critical}</style>`);
  return withoutLink.replace('</body>', `${link[0]}</body>`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist';
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  const href = [...html.matchAll(/<link\b[^>]*>/g)]
    .map((m) => attributes(m[0]))
    .find((a) => a.rel === 'stylesheet')?.href;
  if (!href) throw new Error('critical-css.mjs: no stylesheet link in index.html');
  const css = await readFile(join(dir, href.replace(/^\.\//, '')), 'utf8');
  await writeFile(join(dir, 'index.html'), withCrossorigin(inlineCritical(html, css)));
}
