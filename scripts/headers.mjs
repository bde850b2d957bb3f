// Writes the recommended response headers for hosts, computed from the
// built index.html so that the CSP hash of Trunk's inline loader is always
// right: `_headers` (Netlify, Cloudflare Pages and similar hosts) and
// `nginx-headers.conf` (an nginx snippet). Runs as a Trunk post_build hook
// on the staging folder, or by hand on dist/:
//   node scripts/headers.mjs [dir]
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readdir } from 'node:fs/promises';
import { contentSecurityPolicy, isHashed } from './dist-files.mjs';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist';
const html = await readFile(join(dir, 'index.html'), 'utf8');

export const headers = {
  'Content-Security-Policy': contentSecurityPolicy(html),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // The camera only for the app's own progress photos (never a frame of
  // another site); nothing else.
  'Permissions-Policy': 'camera=(self), microphone=(), geolocation=(), payment=(), usb=()',
};

// The service worker must never be served from an HTTP cache: browsers would
// then find new versions late. (Paths are from the published folder's root.)
export const SERVICE_WORKER_HEADERS = { 'Cache-Control': 'no-cache' };

// A file whose name carries a hash of its content (see isHashed) never
// changes: browsers may keep it for good, and the service worker then
// takes it from the HTTP cache instead of downloading it a second time.
export const HASHED_HEADERS = { 'Cache-Control': 'public, max-age=31536000, immutable' };
const HASHED_PATTERN = '-[0-9a-f]{16}(_bg)?\\.(css|js|wasm)$';
const hashedFiles = (await readdir(dir)).filter(isHashed).sort();

const block = (path, entries) => [path, ...Object.entries(entries).map(([name, value]) => `  ${name}: ${value}`)];
const netlify = [
  ...block('/*', headers),
  ...block('/sw.js', SERVICE_WORKER_HEADERS),
  ...hashedFiles.flatMap((file) => block(`/${file}`, HASHED_HEADERS)),
].join('\n');
await writeFile(join(dir, '_headers'), `${netlify}\n`);

const nginx = [
  '# MicroCare: add inside the location block that serves the app, e.g.',
  '#   location /care/ { ... }',
  '# Generated from this build: rebuild and copy again after every update.',
  ...Object.entries(headers).map(([name, value]) => `add_header ${name} "${value}" always;`),
  '# sw.js (the offline copy) must be revalidated on every visit; files whose',
  '# name carries a hash of their content never change. An empty value sends',
  '# no header, so only these files get one.',
  'set $microcare_cache_control "";',
  `if ($uri ~ "/sw\\.js$") { set $microcare_cache_control "${SERVICE_WORKER_HEADERS['Cache-Control']}"; }`,
  `if ($uri ~ "${HASHED_PATTERN}") { set $microcare_cache_control "${HASHED_HEADERS['Cache-Control']}"; }`,
  'add_header Cache-Control $microcare_cache_control always;',
  '# The build writes a .gz and a .br copy beside each text, JS and WASM file:',
  '# send them as they are (gzip_static is part of nginx; brotli_static needs',
  '# the ngx_brotli module, see docs/HOSTING.md), else compress on the fly.',
  'gzip_static on;',
  '# brotli_static on;',
  'gzip on;',
  'gzip_types text/css text/javascript application/javascript application/json application/wasm application/manifest+json image/svg+xml;',
  '',
].join('\n');
await writeFile(join(dir, 'nginx-headers.conf'), nginx);
