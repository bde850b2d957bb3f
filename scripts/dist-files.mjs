// What a first visit downloads, read from the built index.html: shared by the
// size check, the benchmark and the headers generator.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash } from 'node:crypto';

/** Inline <script> bodies of index.html, as the browser hashes them for CSP. */
export function inlineScripts(html) {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
}

export function cspHash(source) {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}

/** The Content-Security-Policy for this build of index.html. */
export function contentSecurityPolicy(html) {
  const hashes = inlineScripts(html).map(cspHash).join(' ');
  return [
    "default-src 'none'",
    `script-src 'self' ${hashes} 'wasm-unsafe-eval'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * The files of a first visit, by kind: the page, its stylesheet, the JS glue,
 * the WASM module, and the default language's text.
 */
export async function firstLoadFiles(dir) {
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:href|src)="\.\/([^"]+)"/g)].map((m) => m[1]);
  const wasmInScript = [...html.matchAll(/'\.\/([^']+\.wasm)'/g)].map((m) => m[1]);
  const files = [...new Set([...refs, ...wasmInScript])];
  const kind = (f) =>
    f.endsWith('.css') ? 'CSS' : f.endsWith('.js') ? 'JS' : f.endsWith('.wasm') ? 'WASM' : 'other';
  return [
    { kind: 'HTML', file: 'index.html' },
    ...files.map((file) => ({ kind: kind(file), file })),
    { kind: 'content', file: 'locales/en.json' },
  ];
}

/** Every script and preload element of index.html, with its integrity value. */
export function integrityTargets(html) {
  const tags = [...html.matchAll(/<(?:script|link)\b[^>]*>/g)].map((m) => m[0]);
  return tags
    .filter((tag) => /<script\b[^>]*\bsrc=/.test(tag) || /\brel="(?:modulepreload|preload|stylesheet)"/.test(tag))
    .map((tag) => ({
      tag,
      url: (tag.match(/\b(?:src|href)="\.\/([^"]+)"/) ?? [])[1],
      integrity: (tag.match(/\bintegrity="([^"]+)"/) ?? [])[1],
    }));
}
