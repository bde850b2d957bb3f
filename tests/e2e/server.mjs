// A second static server for a test: its own origin, on a free port.
import { spawn } from 'node:child_process';

/**
 * Serves `dir` at `base` with scripts/serve.mjs (with `extra` arguments, such
 * as `['--cors', '1']`); resolves once it listens.
 */
export async function startServer(dir, base, extra = []) {
  const server = spawn('node', ['scripts/serve.mjs', '--dir', dir, '--port', '0', '--base', base, ...extra]);
  const url = await new Promise((resolve, reject) => {
    server.stdout.on('data', (data) => {
      const served = /served at (\S+)/.exec(String(data));
      if (served) resolve(served[1]);
    });
    server.on('exit', (code) => reject(new Error(`server exited: ${code}`)));
  });
  return { url, stop: () => server.kill() };
}
