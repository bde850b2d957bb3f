// The bytes a host sends for a file of a build: its .gz/.br copy, or the
// file compressed here when the build wrote none (a host compressing on the
// fly gets about the same). Shared by check-dist.mjs (which also checks the
// copies) and bench.mjs.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { brotli, gzip } from './compress.mjs';
import { isCompressible } from './dist-files.mjs';

/**
 * A `sent(file)` for the build in `dir`, remembering each answer; with
 * `failures`, a copy that is not its file's, or a missing copy that would
 * save bytes, is pushed there.
 */
export function sentSizes(dir, failures = null) {
  const sizes = new Map();
  return async function sent(file) {
    if (!sizes.has(file)) {
      const bytes = await readFile(join(dir, file));
      const size = { gzip: bytes.length, brotli: bytes.length };
      if (isCompressible(file)) {
        for (const [encoding, ext, compress, decompress] of [
          ['gzip', '.gz', gzip, gunzipSync],
          ['brotli', '.br', brotli, brotliDecompressSync],
        ]) {
          const copy = await readFile(join(dir, file + ext)).catch(() => null);
          if (failures && copy && !decompress(copy).equals(bytes)) failures.push(`${file}${ext} is not a copy of ${file}`);
          const packed = copy ?? compress(bytes);
          if (failures && !copy && packed.length < bytes.length) failures.push(`${file} has no ${ext} copy`);
          size[encoding] = Math.min(packed.length, bytes.length);
        }
      }
      sizes.set(file, size);
    }
    return sizes.get(file);
  };
}
