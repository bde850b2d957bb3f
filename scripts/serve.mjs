// A small static server for dist/, behaving like a real host: gzip when the
// browser accepts it, correct content types, and the app under a sub-path.
// Used by scripts/start.sh, the end-to-end tests and the benchmark.
//
//   node scripts/serve.mjs --dir dist --port 8080 --base /care/
//
// `--cors 1` also sends `Access-Control-Allow-Origin: *` with every file, as
// a host must for the app in an iframe with `sandbox="allow-scripts"` (see
// docs/HOSTING.md).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => {
    if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
    return pairs;
  }, []),
);
const dir = resolve(args.dir ?? 'dist');
const port = Number(args.port ?? 8080);
const host = args.host ?? '127.0.0.1';
const corsHeaders = args.cors === '1' ? { 'access-control-allow-origin': '*' } : {};
let base = args.base ?? '/';
if (!base.endsWith('/')) base += '/';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.webmanifest', '.svg', '.txt']);

// The headers the build recommends for hosts (dist/_headers, written by
// scripts/headers.mjs), applied as a real host would: each block's headers
// to the paths its pattern matches (`*` matches anything), from the
// published folder's root.
async function hostHeaders(path) {
  const text = await readFile(join(dir, '_headers'), 'utf8').catch(() => '');
  const headers = {};
  let applies = false;
  for (const line of text.split('\n')) {
    if (/^\S/.test(line)) {
      const pattern = line.trim().split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
      applies = new RegExp(`^${pattern.join('.*')}$`).test(path);
    } else if (applies && /^\s+\S+:/.test(line)) {
      const [name, value] = line.trim().split(/:\s*(.*)/s);
      headers[name.toLowerCase()] = value;
    }
  }
  return headers;
}

async function resolveFile(urlPath) {
  let relative = decodeURIComponent(urlPath.slice(base.length));
  if (relative === '' || relative.endsWith('/')) relative += 'index.html';
  const file = normalize(join(dir, relative));
  if (file !== dir && !file.startsWith(dir + sep)) return null;
  try {
    const info = await stat(file);
    return info.isFile() ? file : null;
  } catch {
    return null;
  }
}

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url, `http://${req.headers.host}`);
    if (url.pathname === base.slice(0, -1)) {
      res.writeHead(301, { location: base });
      return res.end();
    }
    const file = url.pathname.startsWith(base) ? await resolveFile(url.pathname) : null;
    if (!file) {
      // With CORS on the 404 too: the app can then tell an absent clinic.json.
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...corsHeaders });
      return res.end('Not found');
    }
    const ext = extname(file);
    let body = await readFile(file);
    // Read per request, so that a rebuild (new CSP hash) needs no restart.
    const extraHeaders = await hostHeaders(`/${relative(dir, file).split(sep).join('/')}`);
    const headers = {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control': ext === '.html' ? 'no-cache' : 'public, max-age=0, must-revalidate',
      ...extraHeaders,
      ...corsHeaders,
    };
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      body = gzipSync(body, { level: 9 });
      headers['content-encoding'] = 'gzip';
      headers.vary = 'Accept-Encoding';
    }
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch (error) {
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Server error');
    console.error(error);
  }
});

// --port 0 picks a free port; the line below says which.
server.listen(port, host, () => {
  console.log(`MicroCare is served at http://${host}:${server.address().port}${base}`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
