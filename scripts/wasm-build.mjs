// Builds the Rust app split into a main WASM module and chunks downloaded
// on demand (src/ui/split.rs), and adds its loader to index.html. The first
// step of scripts/post-build.mjs, Trunk's post_build hook.
//
// Why here and not in Trunk's own Rust pipeline: the split must run on
// cargo's raw output, before wasm-bindgen (it needs the relocations that
// `--emit-relocs` keeps), and Trunk 0.21 runs cargo, wasm-bindgen and
// wasm-opt in one go with no step in between (trunk issue 1022), nor can it
// pass wasm-bindgen's `--keep-lld-exports`, which the chunks need to link to
// the main module. So index.html names the Rust app with `data-trunk-skip`
// and this script does what that pipeline did, in cargo-leptos's `--split`
// order:
//
//   1. cargo build, with `--cfg microcare_split` and `-Clink-args=--emit-relocs`
//      (in target/split/, so that these flags do not invalidate the other
//      builds' cache);
//   2. wasm-split-cli (crate wasm_split_cli_support): the main module, one
//      WASM file per chunk and the JS that loads them (__wasm_split.js);
//   3. wasm-bindgen --target web --keep-lld-exports on the main module;
//   4. wasm-opt (binaryen 132 only, see Trunk.toml) on every WASM file;
//   5. content-hashed names (so every file can be cached for good, and
//      the service worker can take them from the HTTP cache), the loader's
//      chunk fetches checked by integrity, and in index.html what Trunk
//      wrote for its pipeline: a modulepreload of the JS glue and of the
//      chunk loader and a preload of the WASM, each with its integrity,
//      and the inline module script that starts the app.
//
// Trunk still does everything else (CSS, copying, HTML minifying, `trunk
// serve`). Run by hand on a built folder with `node scripts/wasm-build.mjs
// [dir]` (release unless TRUNK_PROFILE=debug).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { integrity } from './dist-files.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NAME = 'microcare';
/** The wasm-opt passes, as Trunk ran them (`-Oz` then these). */
const WASM_OPT = ['-Oz', '--flatten', '--rereloop', '-Oz', '--converge'];
/** Where index.html wants the app's tags: Trunk leaves this element be. */
const MARKER = /<link\b[^>]*\bdata-mc-app\b[^>]*>/;
/**
 * The toolchain that compiles the release WASM (see step 1). Pinned: the
 * flags below are unstable, and the same day's compiler gives the same
 * bytes. scripts/lib.sh reads this line to install it.
 */
const RELEASE_TOOLCHAIN = 'nightly-2026-05-20';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist';
const release = (process.env.TRUNK_PROFILE ?? 'release') === 'release';
const profile = release ? 'release' : 'debug';
const targetDir = join(ROOT, 'target', 'split');
const work = join(targetDir, 'out', profile);

const run = (command, args, options = {}) => {
  console.log(`wasm-build.mjs: ${command} ${args.join(' ')}`);
  execFileSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
};
const shortHash = (...parts) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex').slice(0, 16);
};

// The tools Trunk's pipeline checked for us: the versions Trunk.toml pins
// (wasm-bindgen must match Cargo.lock's; Debian's wasm-opt 108 produces a
// module that fails at start, see README).
const trunkToml = await readFile(join(ROOT, 'Trunk.toml'), 'utf8');
for (const [tool, key] of [['wasm-bindgen', 'wasm_bindgen'], ['wasm-opt', 'wasm_opt']]) {
  const wanted = new RegExp(`^${key} = "([^"]+)"`, 'm').exec(trunkToml)?.[1];
  const found = execFileSync(tool, ['--version'], { encoding: 'utf8' }).trim();
  if (!wanted || !found.split(/[\s()]+/).includes(wanted)) {
    throw new Error(`wasm-build.mjs: ${tool} ${wanted} wanted (Trunk.toml), found "${found}" on PATH`);
  }
}

// 1. cargo. `--config` adds these flags to .cargo/config.toml's (its
// `--cfg erase_components` stays), where RUSTFLAGS would replace them.
//
// The release is compiled by a pinned nightly that rebuilds the standard
// library with the app (`-Zbuild-std`), sized for size rather than speed
// (`optimize_for_size`), with panics that stop at once instead of first
// formatting a message nobody reads (`-Cpanic=immediate-abort`: the
// message, its source location and the formatting code go; a panic was,
// and stays, a trap the browser reports as "unreachable"). Measured in
// docs/BENCHMARKS.md: the main WASM 21.9 KB smaller in gzip and 17.6 KB in
// brotli, for every client's first visit. Only the shipped WASM is built
// this way; everything else (tests, lints, `trunk serve`) uses stable, and
// the end-to-end tests drive this build. scripts/lib.sh installs it.
const nightly = release
  ? {
      toolchain: [`+${RELEASE_TOOLCHAIN}`],
      std: ['-Zbuild-std=std,panic_abort', '-Zbuild-std-features=optimize_for_size'],
      flags: ['-Zunstable-options', '-Cpanic=immediate-abort'],
    }
  : { toolchain: [], std: [], flags: [] };
const rustflags = ['--cfg', 'microcare_split', '-Clink-args=--emit-relocs', ...nightly.flags];
run('cargo', [
  ...nightly.toolchain,
  'build',
  '--target=wasm32-unknown-unknown',
  '--bin',
  NAME,
  ...(release ? ['--release'] : []),
  ...nightly.std,
  `--target-dir=${targetDir}`,
  '--config',
  `target.wasm32-unknown-unknown.rustflags=${JSON.stringify(rustflags)}`,
]);
const built = join(targetDir, 'wasm32-unknown-unknown', profile, `${NAME}.wasm`);

// 2. The split. Its output folder is emptied first: chunk names are stable.
await rm(work, { recursive: true, force: true });
const split = join(work, 'split');
const bindgen = join(work, 'bindgen');
await mkdir(split, { recursive: true });
run('wasm-split-cli', [built, split, '--out-name', NAME]);

// 3. wasm-bindgen on the main module, with the flags the split needs
// (cargo-leptos's: the chunks import lld's exports such as the stack
// pointer and the function table, and find functions by their names).
run('wasm-bindgen', [
  '--target=web',
  '--keep-lld-exports',
  '--no-demangle',
  '--no-typescript',
  `--out-dir=${bindgen}`,
  `--out-name=${NAME}`,
  join(split, `${NAME}.wasm`),
]);
if (existsSync(join(bindgen, 'snippets'))) {
  // Nothing in the app uses inline JS snippets; if a crate starts to, they
  // must be copied and preloaded with integrity like the glue.
  throw new Error('wasm-build.mjs: wasm-bindgen wrote snippets/, which this script does not handle yet');
}

// 4. wasm-opt on every WASM file (the release only, as Trunk did).
const chunks = (await readdir(split)).filter((f) => f.endsWith('.wasm') && f !== `${NAME}.wasm`).sort();
const mainWasm = join(bindgen, `${NAME}_bg.wasm`);
if (release) {
  for (const file of [mainWasm, ...chunks.map((c) => join(split, c))]) {
    run('wasm-opt', [...WASM_OPT, file, '-o', file]);
  }
}

// 5. Hashed names, chunk integrity, and the loader tags.
const out = {};
let loader = await readFile(join(split, '__wasm_split.js'), 'utf8');
for (const chunk of chunks) {
  const bytes = await readFile(join(split, chunk));
  const hashed = chunk.replace(/\.wasm$/, `-${shortHash(bytes)}.wasm`);
  out[hashed] = bytes;
  // The loader fetches each chunk as `fetch(new URL("./<chunk>", import.meta.url))`:
  // the hashed name, and its integrity, so that a chunk is checked like the
  // files index.html names (the loader itself is, by its modulepreload).
  const call = `fetch(new URL("./${chunk}", import.meta.url))`;
  const calls = loader.split(call).length - 1;
  if (calls !== 1) throw new Error(`wasm-build.mjs: expected one fetch of ${chunk} in __wasm_split.js, found ${calls}`);
  loader = loader.replace(
    call,
    `fetch(new URL("./${hashed}", import.meta.url), { integrity: "${integrity(bytes)}" })`,
  );
}
const wasmBytes = await readFile(mainWasm);
const wasmName = `${NAME}-${shortHash(wasmBytes)}_bg.wasm`;
out[wasmName] = wasmBytes;
// The glue imports the loader and the loader imports the glue: one hash of
// both names them.
let glue = await readFile(join(bindgen, `${NAME}.js`), 'utf8');
const pair = shortHash(glue, '\0', loader);
const glueName = `${NAME}-${pair}.js`;
const loaderName = `__wasm_split-${pair}.js`;
/** `text` with every `from` replaced; fails if there is none (a new tool version). */
const replaceAll = (text, from, to, where) => {
  if (!text.includes(from)) throw new Error(`wasm-build.mjs: no ${from} in ${where}`);
  return text.split(from).join(to);
};
// The glue imports the loader once per function the main module imports
// from it (the import object's keys keep the module name the WASM uses).
glue = replaceAll(glue, `from "./__wasm_split.js"`, `from "./${loaderName}"`, 'the JS glue');
loader = replaceAll(loader, `from "./${NAME}.js"`, `from "./${glueName}"`, '__wasm_split.js');
out[glueName] = Buffer.from(glue);
out[loaderName] = Buffer.from(loader);
for (const [file, bytes] of Object.entries(out)) await writeFile(join(dir, file), bytes);

// As Trunk wrote its pipeline's tags: the glue's modulepreload first
// (scripts/minify.mjs and mount.mjs look for it there).
const tags = [
  `<link rel="modulepreload" href="./${glueName}" crossorigin integrity="${integrity(out[glueName])}">`,
  `<link rel="modulepreload" href="./${loaderName}" crossorigin integrity="${integrity(out[loaderName])}">`,
  `<link rel="preload" href="./${wasmName}" crossorigin integrity="${integrity(wasmBytes)}" as="fetch" type="application/wasm">`,
  `<script type="module">import init from './${glueName}';await init({ module_or_path: './${wasmName}' });</script>`,
].join('');
const htmlPath = join(dir, 'index.html');
const html = await readFile(htmlPath, 'utf8');
if (!MARKER.test(html)) throw new Error('wasm-build.mjs: index.html has no <link data-mc-app> to replace');
await writeFile(htmlPath, html.replace(MARKER, tags));
console.log(`wasm-build.mjs: ${wasmName}, ${glueName}, ${loaderName}, ${chunks.length} chunks`);
