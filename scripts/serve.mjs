// A small static server for dist/, behaving like a real host: the build's
// brotli or gzip copy of a file when the browser accepts it (as nginx's
// `brotli_static`/`gzip_static` do), correct content types, and the app
// under a sub-path.
// Used by scripts/start.sh, the end-to-end tests and the benchmark.
//
//   node scripts/serve.mjs --dir dist --port 8080 --base /care/
//
// `--cors 1` also sends `Access-Control-Allow-Origin: *` with every file, as
// a host must for the app in an iframe with `sandbox="allow-scripts"` (see
// docs/HOSTING.md). `--log 1` prints a line per request answered,
// `<method> <path> <status>`, for tests that count what reached the server.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { isCompressible } from './dist-files.mjs';
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
const log = args.log === '1';
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

/** The encodings `header` (Accept-Encoding) accepts, `q=0` excluded. */
function accepted(header = '') {
  const names = new Set();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) names.add(name);
  }
  return names;
}

/**
 * The build's precompressed copy of `file` for `encoding` (scripts/compress.mjs),
 * if there is one at least as new as the file: a file changed by hand (as
 * the update tests do) is never answered with its old copy.
 */
async function compressedCopy(file, encoding, info) {
  const copy = `${file}.${encoding === 'br' ? 'br' : 'gz'}`;
  try {
    const copyInfo = await stat(copy);
    return copyInfo.isFile() && copyInfo.mtimeMs >= info.mtimeMs ? copy : null;
  } catch {
    return null;
  }
}

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
  if (log) res.on('finish', () => console.log(`${req.method} ${req.url} ${res.statusCode}`));
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
    const info = await stat(file);
    // Read per request, so that a rebuild (new CSP hash) needs no restart.
    const extraHeaders = await hostHeaders(`/${relative(dir, file).split(sep).join('/')}`);
    const headers = {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control': ext === '.html' ? 'no-cache' : 'public, max-age=0, must-revalidate',
      ...extraHeaders,
      ...corsHeaders,
    };
    let body;
    if (isCompressible(file)) {
      headers.vary = 'Accept-Encoding';
      const encodings = accepted(req.headers['accept-encoding']);
      for (const encoding of ['br', 'gzip']) {
        const copy = encodings.has(encoding) && (await compressedCopy(file, encoding, info));
        if (copy) {
          body = await readFile(copy);
          headers['content-encoding'] = encoding;
          break;
        }
      }
      // A file without copies (a clinic's own clinic.json): gzip on the fly.
      if (!body && encodings.has('gzip')) {
        body = gzipSync(await readFile(file), { level: 9 });
        headers['content-encoding'] = 'gzip';
      }
    }
    body ??= await readFile(file);
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
