// What a first visit downloads, read from the built index.html: shared by the
// size check, the benchmark and the headers generator.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash } from 'node:crypto';

/** Extensions of the files worth compressing (text, JS, WASM). */
export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.webmanifest', '.svg', '.txt']);

export const isCompressible = (file) => COMPRESSIBLE.has(file.slice(file.lastIndexOf('.')));

/**
 * A precompressed copy written by scripts/compress.mjs (`x.wasm.br`,
 * `x.wasm.gz`): the same file for a host to send, not a file of the app.
 */
export const isCompressedCopy = (file) => /\.(?:br|gz)$/.test(file) && isCompressible(file.slice(0, -3));

/**
 * Whether a file's name carries a hash of its content (Trunk's CSS, the
 * WASM modules, the JS glue and chunk loader of scripts/wasm-build.mjs): a
 * new content gets a new name, so such a file can be cached for good and
 * the service worker may take it from the HTTP cache.
 */
export const isHashed = (file) => /-[0-9a-f]{16}(?:_bg)?\.(?:css|js|wasm)$/.test(file);

/** Inline <script> bodies of index.html, as the browser hashes them for CSP. */
export function inlineScripts(html) {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
}

/** Inline <style> bodies of index.html (the stylesheet, see inline-css.mjs). */
export function inlineStyles(html) {
  return [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
}

/** A subresource integrity value for `bytes` (`sha384-…` unless told). */
export function integrity(bytes, algorithm = 'sha384') {
  return `${algorithm}-${createHash(algorithm).update(bytes).digest('base64')}`;
}

export function cspHash(source) {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}

/** The Content-Security-Policy for this build of index.html. */
export function contentSecurityPolicy(html) {
  const hashes = inlineScripts(html).map(cspHash).join(' ');
  const styles = inlineStyles(html).map((s) => ` ${cspHash(s)}`).join('');
  return [
    "default-src 'none'",
    `script-src 'self' ${hashes} 'wasm-unsafe-eval'`,
    `style-src 'self'${styles}`,
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The attributes of one start tag, quoted or not (the build is minified). */
export function attributes(tag) {
  const attrs = {};
  const body = tag.replace(/^<\w+/, '').replace(/\/?>$/, '');
  for (const m of body.matchAll(/([^\s=]+)(?:=(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    attrs[m[1].toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
  }
  return attrs;
}

const startTags = (html, name) => [...html.matchAll(new RegExp(`<${name}\\b[^>]*>`, 'g'))].map((m) => m[0]);
const local = (url) => (url && url.startsWith('./') ? url.slice(2) : null);

/**
 * The files of a first visit, by kind: the page, its stylesheet, the JS glue,
 * the WASM module, the web app manifest and the icon Chromium fetches with it
 * to check that the app can be installed, and the default language's text.
 * (The service worker then downloads the rest in the background: see
 * `precacheFiles`.)
 */
export async function firstLoadFiles(dir) {
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  // Safari fetches the apple-touch-icon only when the page is added to the
  // Home Screen; every other link (stylesheet, preloads, the manifest that
  // browsers read on load) is part of the first visit.
  const links = startTags(html, 'link').filter((tag) => attributes(tag).rel !== 'apple-touch-icon');
  const refs = [
    ...links.map((tag) => local(attributes(tag).href)),
    ...startTags(html, 'script').map((tag) => local(attributes(tag).src)),
    ...[...html.matchAll(/'\.\/([^']+\.(?:js|wasm))'/g)].map((m) => m[1]),
  ].filter(Boolean);
  const kind = (f) =>
    f.endsWith('.css')
      ? 'CSS'
      : f.endsWith('.js')
        ? 'JS'
        : f.endsWith('.wasm')
          ? 'WASM'
          : f.endsWith('.webmanifest')
            ? 'manifest'
            : 'other';
  return [
    { kind: 'HTML', file: 'index.html' },
    ...[...new Set(refs)].map((file) => ({ kind: kind(file), file })),
    ...(await installIcon(dir)),
    { kind: 'content', file: 'locales/en.json' },
  ];
}

/**
 * The WASM files each split point needs (scripts/wasm-build.mjs), read from
 * the split loader's source: `{ desk: ['split_desk-….wasm', 'chunk_4-….wasm'], … }`.
 * The loader names each shared chunk after a comment listing the splits
 * that need it.
 */
export function splitFiles(loaderSource) {
  const files = {};
  const add = (name, file) => (files[name] ??= []).push(file);
  for (const m of loaderSource.matchAll(/\/\* ([\w, ]+) \*\/\s*const __chunk_\d+ = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)) {
    for (const name of m[1].split(',')) add(name.trim(), m[2]);
  }
  for (const m of loaderSource.matchAll(/new URL\("\.\/(split_(\w+)-[0-9a-f]+\.wasm)"/g)) add(m[2], m[1]);
  return files;
}

/**
 * What the first visit of each section downloads besides the first load
 * (`firstLoadFiles`): its content file, and for a page split out of the main
 * module its WASM chunks. `client` marks the sections a client opens
 * first, which the budget is about; the desk is the clinic staff's, the
 * session link and the photos are opened from aftercare, and the Privacy
 * page fetches its actions' chunk when one is used, or on opening once
 * photos are kept.
 */
export async function sectionFiles(dir) {
  const loader = (await readdir(dir)).find((f) => /^__wasm_split-[0-9a-f]+\.js$/.test(f));
  const splits = loader ? splitFiles(await readFile(join(dir, loader), 'utf8')) : {};
  const care = 'locales/en.aftercare.json';
  return [
    { name: 'home', client: true, files: [] },
    { name: 'faq', client: true, files: ['locales/en.faq.json'] },
    { name: 'check', client: true, files: ['locales/en.check.json'] },
    { name: 'aftercare', client: true, files: [care] },
    { name: 'privacy', client: true, files: [] },
    { name: 'privacy tools', client: false, files: splits.privacy ?? [] },
    { name: 'photos', client: false, files: [care, ...(splits.photos ?? [])] },
    { name: 'session link', client: false, files: [care, ...(splits.session_link ?? [])] },
    { name: 'desk', client: false, files: [care, ...(splits.desk ?? [])] },
  ];
}

/** Chromium's install check fetches one icon: the smallest of 144 px or more. */
async function installIcon(dir) {
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.webmanifest'), 'utf8').catch(() => '{}'));
  const icons = (manifest.icons ?? [])
    .filter((icon) => (icon.purpose ?? 'any').split(' ').includes('any'))
    .map((icon) => ({ file: icon.src, size: parseInt(icon.sizes, 10) }))
    .filter((icon) => icon.size >= 144)
    .sort((a, b) => a.size - b.size);
  return icons.slice(0, 1).map(({ file }) => ({ kind: 'icon', file }));
}

/** The files sw.js keeps for offline use, as the worker names them. */
export async function precacheFiles(dir) {
  const source = await readFile(join(dir, 'sw.js'), 'utf8');
  const list = source.match(/^const PRECACHE = (\[.*\]);$/m);
  if (!list) throw new Error('sw.js has no PRECACHE list');
  return JSON.parse(list[1]).map((path) => (path === './' ? 'index.html' : path));
}

/**
 * `html` with `crossorigin` on every element that has an `integrity`
 * attribute and lacks it. In a document with an opaque origin (an iframe
 * with `sandbox="allow-scripts"`) every request is cross-origin, and the
 * browser refuses a resource checked by integrity unless it was fetched
 * with CORS, which `crossorigin` asks for. Same-origin pages load them
 * as before (`anonymous` still sends same-origin credentials).
 */
export function withCrossorigin(html) {
  return html.replace(/<(?:link|script)\b[^>]*>/g, (tag) => {
    const attrs = attributes(tag);
    if (attrs.integrity === undefined || attrs.crossorigin !== undefined) return tag;
    return tag.replace(/(?:\s+\/)?>$/, ' crossorigin>');
  });
}

/** Every script with a source and every preload or stylesheet link, with its integrity. */
export function integrityTargets(html) {
  const scripts = startTags(html, 'script').filter((tag) => attributes(tag).src !== undefined);
  const links = startTags(html, 'link').filter((tag) =>
    ['modulepreload', 'preload', 'stylesheet'].includes(attributes(tag).rel),
  );
  return [...scripts, ...links].map((tag) => {
    const attrs = attributes(tag);
    return { tag, url: local(attrs.src ?? attrs.href), integrity: attrs.integrity, crossorigin: attrs.crossorigin };
  });
}
