// A second static server for a test: its own origin, on a free port.
import { spawn } from 'node:child_process';

/**
 * Serves `dir` at `base` with scripts/serve.mjs (with `extra` arguments, such
 * as `['--cors', '1']`); resolves once it listens. With `['--log', '1']`,
 * `requests` lists what reached the server, as `GET /care/x.wasm 200`.
 */
export async function startServer(dir, base, extra = []) {
  const server = spawn('node', ['scripts/serve.mjs', '--dir', dir, '--port', '0', '--base', base, ...extra]);
  const requests = [];
  let pending = '';
  const url = await new Promise((resolve, reject) => {
    server.stdout.on('data', (data) => {
      const lines = (pending + String(data)).split('\n');
      pending = lines.pop();
      for (const line of lines) {
        const served = /served at (\S+)/.exec(line);
        if (served) resolve(served[1]);
        else if (line) requests.push(line);
      }
    });
    server.on('exit', (code) => reject(new Error(`server exited: ${code}`)));
  });
  return { url, requests, stop: () => server.kill() };
}
