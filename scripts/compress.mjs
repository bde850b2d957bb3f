// Writes a brotli (`.br`, quality 11) and a gzip (`.gz`, by Zopfli) copy
// beside each compressible file of the build, for hosts that serve
// precompressed files (nginx `brotli_static`/`gzip_static`, Apache, our
// scripts/serve.mjs; see docs/HOSTING.md). Done once at build time, the
// slowest, smallest settings cost nothing per request: brotli 11 takes the
// WASM about a quarter below gzip 9, and Zopfli (npm @gfx/zopfli, Google's
// gzip-compatible compressor built to WebAssembly) writes gzip streams
// about 5 % smaller than zlib's level 9 (the main WASM: 358.2 to 341.5 KB),
// which any browser inflates as usual; it takes about 10 s on the WASM.
// The last step of scripts/post-build.mjs, when every file is final; by
// hand on a built folder after changing a file:
//   node scripts/compress.mjs [dir]
// A copy is written only when it is smaller than the file.
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import { gzipAsync as zopfli } from '@gfx/zopfli';
import { fileURLToPath } from 'node:url';
import { isCompressedCopy, isCompressible } from './dist-files.mjs';

export const brotli = (bytes) =>
  brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
/** zlib's gzip at level 9: what a host compressing on the fly sends, about. */
export const gzip = (bytes) => gzipSync(bytes, { level: 9 });
/** The build's .gz copies: Zopfli's gzip, smaller than zlib's. */
export const gzipCopy = (bytes) => zopfli(bytes, { numiterations: 15 });

/** Whether `copy` decompresses to `bytes` (false for a damaged copy). */
function holds(copy, decompress, bytes) {
  try {
    return decompress(copy).equals(bytes);
  } catch {
    return false;
  }
}

/**
 * Writes the copies for every compressible file of `dir`; returns how many.
 * A copy already there that holds the file's bytes is kept (Zopfli is
 * slow, and a deployment that changes a few files recompresses only those).
 */
export async function compressDir(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath ?? e.path, e.name)).split(sep).join('/'));
  let written = 0;
  for (const file of files.filter((f) => isCompressible(f) && !isCompressedCopy(f))) {
    const bytes = await readFile(join(dir, file));
    for (const [ext, compress, decompress] of [
      ['.br', brotli, brotliDecompressSync],
      ['.gz', gzipCopy, gunzipSync],
    ]) {
      const copy = join(dir, file + ext);
      const existing = await readFile(copy).catch(() => null);
      if (existing && holds(existing, decompress, bytes)) continue;
      const packed = Buffer.from(await compress(bytes));
      if (packed.length < bytes.length) {
        await writeFile(copy, packed);
        written += 1;
      } else {
        // Never leave an older copy of a file that changed.
        await rm(copy, { force: true });
      }
    }
  }
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.env.TRUNK_PROFILE === 'debug') {
  // `trunk serve` and `trunk build` without --release: Trunk's own server
  // sends files as they are, and brotli 11 on the debug WASM takes 20 s.
  console.log('compress.mjs: skipped (debug build)');
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist';
  const started = Date.now();
  const written = await compressDir(dir);
  console.log(`compress.mjs: ${written} .br and .gz copies in ${Date.now() - started} ms`);
}
