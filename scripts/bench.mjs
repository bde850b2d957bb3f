// The benchmark of issue #23: reports figures, asserts nothing (the budget
// gate is scripts/check-dist.mjs). See scripts/bench.sh.
//
// 1. Transfer sizes, from the built files in dist/ (their .gz and .br
//    copies): each client section's first visit in gzip and brotli, and the
//    HTML document.
// 2. For every section deep link (home, #/faq, #/check, #/aftercare,
//    #/privacy), a plain page holding that section's text: the app is
//    opened in Chromium (Playwright), the section's h1 awaited in #mc-main,
//    and the rendered #mc-main copied, with no script, no stylesheet and no
//    style attribute, into plain-<section>.html, served by the same server.
// 3. Lighthouse, mobile preset, performance only, on each section and its
//    plain page, with devtools throttling and with simulated throttling
//    (Lighthouse's default): BENCH_RUNS runs each (5 unless set), medians,
//    because one build's FAQ LCP spans 780-950 ms from run to run; app and
//    plain page interleaved so that a slower moment of the machine weighs
//    on both alike.
// 4. The WASM's largest items (twiggy), when twiggy and cargo's module are
//    there.
// Prints the tables and writes them between the markers of
// docs/BENCHMARKS.md, leaving the rest of that file as it is.
//
//   node scripts/bench.mjs            (after a release build into dist/)
import { execFileSync, spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { sentSizes } from './sent-size.mjs';
import { firstLoadFiles, sectionFiles } from './dist-files.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const started = Date.now();
const DIST = 'dist';
const DOC = 'docs/BENCHMARKS.md';
const START_MARK = '<!-- bench.sh: the latest run, rewritten by scripts/bench.mjs; edit outside these markers -->';
const END_MARK = '<!-- bench.sh: end of the latest run -->';
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const SECTIONS = [
  ['home', ''],
  ['faq', '#/faq'],
  ['check', '#/check'],
  ['aftercare', '#/aftercare'],
  ['privacy', '#/privacy'],
];
const METHODS = [
  ['devtools', 'devtools throttling'],
  ['simulate', 'simulated throttling'],
];
// Issue #23's targets.
const TARGETS = {
  lcpRatio: 1.25, // LCP at most 1.25 times the plain page's
  performance: 95, // Lighthouse performance score at least 95
  tbt: 200, // ms, at most
  cls: 0.02, // at most
  htmlGzip: 35 * 1024, // the HTML document, gzipped, at most
  sectionGzip: 360 * 1024, // a client section's first visit, at most
  sectionBrotli: 285 * 1024,
};
const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_ARGS];

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => (Number.isFinite(n) ? `${n.toFixed(0)} ms` : 'n/a');
const medianOf = (list) => {
  const sorted = list.filter(Number.isFinite).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const mark = (pass) => (pass === undefined ? '' : pass ? ' pass' : ' **fail**');
const phase = (name) => console.log(`\n--- ${name} (${((Date.now() - started) / 1000).toFixed(0)} s)`);

if (!existsSync(join(DIST, 'index.html'))) {
  console.error(`${DIST}/index.html is missing: build the release first (./scripts/bench.sh)`);
  process.exit(1);
}

// 1. Transfer sizes, from the build's compressed copies (as a host sends
//    them), or the file compressed here when the build wrote no copy.
phase('Transfer sizes from dist/');
const sent = sentSizes(DIST);
const firstLoad = { gzip: 0, brotli: 0 };
for (const { file } of await firstLoadFiles(DIST)) {
  const size = await sent(file);
  firstLoad.gzip += size.gzip;
  firstLoad.brotli += size.brotli;
}
const sectionSizes = {};
for (const section of (await sectionFiles(DIST)).filter((s) => s.client)) {
  const size = { ...firstLoad };
  for (const file of section.files) {
    const extra = await sent(file);
    size.gzip += extra.gzip;
    size.brotli += extra.brotli;
  }
  sectionSizes[section.name] = size;
}
const htmlSize = { raw: (await stat(join(DIST, 'index.html'))).size, ...(await sent('index.html')) };

// The served copy: dist/ and the plain pages, in a folder of this run's own.
const site = await mkdtemp(join(tmpdir(), 'microcare-bench-'));
await cp(DIST, site, { recursive: true });
const server = spawn(process.execPath, ['scripts/serve.mjs', '--dir', site, '--port', '0', '--base', '/care/'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const cleanUp = () => {
  server.kill();
};
process.on('exit', cleanUp);
// serve.mjs prints its address (--port 0 picks a free port).
const ROOT = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (chunk) => {
    out += chunk;
    const m = out.match(/served at (http:\/\/\S+)/);
    if (m) resolve(m[1]);
  });
  server.on('exit', (code) => reject(new Error(`serve.mjs exited (${code})`)));
});
console.log(`Serving a copy of dist/ at ${ROOT}`);

// 2. The plain pages: each section's rendered #mc-main, no script, no style.
phase('Plain pages from the rendered sections');
const plain = {};
{
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  for (const [name, hash] of SECTIONS) {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
    const page = await context.newPage();
    await page.goto(ROOT + hash);
    // The app mounted (the static shell has no skip link), then its page's h1.
    await page.waitForSelector('.mc-skip-link', { state: 'attached' });
    await page.waitForSelector('#mc-main h1');
    await page.waitForLoadState('networkidle');
    // Until the rendered section stops changing (a content file arriving).
    let html = '';
    for (let i = 0; i < 40; i++) {
      const now = await page.locator('#mc-main').evaluate((main) => main.outerHTML);
      if (now === html) break;
      html = now;
      await page.waitForTimeout(250);
    }
    const { body, h1, chars, text } = await page.locator('#mc-main').evaluate((main) => {
      const copy = main.cloneNode(true);
      copy.querySelectorAll('script, style, link, noscript, template, iframe, object, embed').forEach((e) => e.remove());
      for (const e of [copy, ...copy.querySelectorAll('*')]) {
        for (const attr of [...e.attributes]) {
          if (attr.name === 'style' || attr.name.startsWith('on')) e.removeAttribute(attr.name);
        }
      }
      return {
        body: copy.outerHTML,
        h1: main.querySelector('h1').textContent.trim(),
        chars: main.innerText.length,
        text: main.innerText.replace(/\s+/g, ' '),
      };
    });
    const title = `${h1}: plain page`;
    const doc = `<!doctype html><html lang=en><meta charset=utf-8><meta name=viewport content="width=device-width,initial-scale=1"><link rel=icon href="data:,"><title>${title.replace(/</g, '&lt;')}</title><body>${body}</body></html>\n`;
    await writeFile(join(site, `plain-${name}.html`), doc);
    plain[name] = { h1, chars, text, bytes: Buffer.byteLength(doc) };
    console.log(`plain-${name}.html: "${h1}", ${chars} characters of text, ${kb(Buffer.byteLength(doc))}`);
    await context.close();
  }
  await browser.close();
}

// 3. Lighthouse: mobile preset, performance only.
const results = {}; // results[method][section] = { app: [runs], plain: [runs] }
const benchmarkIndexes = [];
const warnings = new Set();
async function audit(port, url, throttlingMethod) {
  const { lhr } = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance'],
    throttlingMethod,
    // Taken after the load, for the report's picture only: time saved.
    disableFullPageScreenshot: true,
  });
  if (lhr.runtimeError) warnings.add(`${url} (${throttlingMethod}): ${lhr.runtimeError.message}`);
  if (lhr.environment?.benchmarkIndex) benchmarkIndexes.push(lhr.environment.benchmarkIndex);
  const value = (id) => lhr.audits[id]?.numericValue ?? NaN;
  const score = lhr.categories.performance?.score;
  // The element LCP was measured on (the node of the LCP breakdown insight).
  const lcpNode = (lhr.audits['lcp-breakdown-insight']?.details?.items ?? []).find((item) => item?.type === 'node');
  return {
    // None when the element had left the page by the end of the load.
    lcpElement: lcpNode ? lcpNode.nodeLabel || lcpNode.snippet || lcpNode.selector || null : null,
    performance: typeof score === 'number' ? Math.round(score * 100) : NaN,
    lcp: value('largest-contentful-paint'),
    tbt: value('total-blocking-time'),
    cls: value('cumulative-layout-shift'),
  };
}
for (const [method, label] of METHODS) {
  phase(`Lighthouse, ${label}, ${RUNS} run(s) each`);
  results[method] = Object.fromEntries(SECTIONS.map(([name]) => [name, { app: [], plain: [] }]));
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROME_FLAGS });
  try {
    for (let run = 0; run < RUNS; run++) {
      for (const [name, hash] of SECTIONS) {
        const app = await audit(chrome.port, ROOT + hash, method);
        const ref = await audit(chrome.port, `${ROOT}plain-${name}.html`, method);
        results[method][name].app.push(app);
        results[method][name].plain.push(ref);
        console.log(
          `${method} run ${run + 1} ${name}: LCP ${ms(app.lcp)} vs plain ${ms(ref.lcp)}, performance ${app.performance}, TBT ${ms(app.tbt)}, CLS ${app.cls.toFixed(3)}`,
        );
      }
    }
  } finally {
    await chrome.kill();
  }
}
cleanUp();
await rm(site, { recursive: true, force: true });

// Whether an LCP element's label (Lighthouse cuts it at about 80
// characters, with an ellipsis) is text of the section's rendered page.
const ownText = (name, label) => {
  if (label === null) return undefined;
  const words = label.replace(/…$/, '').replace(/\s+/g, ' ').trim();
  return words.length > 0 && plain[name].text.includes(words.slice(0, 60));
};
// Medians of each figure over the runs, and each target met or not.
const summary = {}; // summary[method][section]
for (const [method] of METHODS) {
  summary[method] = {};
  for (const [name] of SECTIONS) {
    const { app, plain: ref } = results[method][name];
    const m = (list, key) => medianOf(list.map((r) => r[key]));
    const s = {
      lcpApp: m(app, 'lcp'),
      lcpPlain: m(ref, 'lcp'),
      performance: m(app, 'performance'),
      tbt: m(app, 'tbt'),
      cls: m(app, 'cls'),
      runs: { app: app.map((r) => r.lcp), plain: ref.map((r) => r.lcp) },
      // Which element LCP was measured on, and whether it is this
      // section's own text (not, say, the home page's static shell).
      elements: app.map((r) => ({ label: r.lcpElement, own: ownText(name, r.lcpElement) })),
    };
    s.ratio = s.lcpApp / s.lcpPlain;
    const ok = (value, test) => (Number.isFinite(value) ? test(value) : undefined);
    s.pass = {
      lcp: ok(s.ratio, (v) => v <= TARGETS.lcpRatio),
      performance: ok(s.performance, (v) => v >= TARGETS.performance),
      tbt: ok(s.tbt, (v) => v <= TARGETS.tbt),
      cls: ok(s.cls, (v) => v <= TARGETS.cls),
    };
    summary[method][name] = s;
  }
}

// 4. twiggy on cargo's module (before wasm-bindgen and wasm-opt strip the
//    names: sizes larger than shipped, in about the same proportions).
phase('twiggy');
const builtWasm = 'target/split/wasm32-unknown-unknown/release/microcare.wasm';
let contributors = null;
try {
  if (existsSync(builtWasm)) {
    contributors = JSON.parse(
      execFileSync('twiggy', ['top', '-n', '16', '--format', 'json', builtWasm], { encoding: 'utf8' }),
    )
      .filter((row) => !/custom section|subsection/.test(row.name))
      .slice(0, 10);
  }
} catch (error) {
  console.log(`twiggy skipped: ${error.message.split('\n')[0]}`);
}

// The report.
const git = (...args) => {
  try {
    return execFileSync('git', args, { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
};
const commit = git('rev-parse', '--short', 'HEAD') || 'unknown';
const dirty = git('status', '--porcelain', '--', '.', `:!${DOC}`) ? ' with uncommitted changes' : '';
const distTime = (await stat(join(DIST, 'index.html'))).mtime.toISOString().slice(0, 16).replace('T', ' ');
let chromiumVersion = '';
try {
  chromiumVersion = execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
    .trim()
    .replace(/ built on .*/, '');
} catch {
  chromiumVersion = 'Chromium (version unknown)';
}
const lighthouseVersion = JSON.parse(await readFile('node_modules/lighthouse/package.json', 'utf8')).version;
const minutes = (Date.now() - started) / 60000;
const machine = `${cpus().length} cores (${cpus()[0]?.model?.trim() ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(1)} GB, ${process.platform}; ${chromiumVersion} headless; Lighthouse ${lighthouseVersion}, its CPU benchmark index ${medianOf(benchmarkIndexes).toFixed(0)} (median); Node ${process.version}`;

const lines = [];
lines.push(
  `## Latest run: ${new Date().toISOString().slice(0, 10)}, commit ${commit}${dirty}`,
  '',
  `- Machine: ${machine}.`,
  `- dist/ built ${distTime} UTC${process.env.BENCH_SKIP_BUILD === '1' ? ' (BENCH_SKIP_BUILD=1: not rebuilt for this run)' : ''}; served by \`scripts/serve.mjs\` under \`/care/\` with brotli and the build's headers.`,
  `- The run took ${minutes.toFixed(1)} min; ${RUNS} Lighthouse run(s) per page and throttling method, medians.`,
  '',
  'Figures, not a gate: `scripts/check-dist.mjs` enforces the size budget. Times and scores vary from run to run and from machine to machine; compare the app with its plain page from the same run.',
  '',
  '### Transfer sizes (from dist/)',
  '',
  "Each client section's first visit: the first load (page, stylesheet, JS, WASM, manifest, icon, the language file) plus the section's content file, as the build's gzip (level 9) and brotli (quality 11) copies. Issue #23's targets: at most 360 KB gzip and 285 KB brotli.",
  '',
  '| section | gzip | brotli |',
  '| --- | --- | --- |',
);
for (const [name, size] of Object.entries(sectionSizes)) {
  lines.push(
    `| ${name} | ${kb(size.gzip)}${mark(size.gzip <= TARGETS.sectionGzip)} | ${kb(size.brotli)}${mark(size.brotli <= TARGETS.sectionBrotli)} |`,
  );
}
lines.push(
  '',
  `HTML document (\`index.html\`): ${kb(htmlSize.raw)}, ${kb(htmlSize.gzip)} gzip${mark(htmlSize.gzip <= TARGETS.htmlGzip)} (target at most ${kb(TARGETS.htmlGzip)}), ${kb(htmlSize.brotli)} brotli.`,
  '',
  '### Lighthouse mobile: each section against a plain page of its text',
  '',
  `Lighthouse ${lighthouseVersion}, mobile preset (Moto G Power screen, slow 4G, 4x CPU slowdown), performance category only. For each section, \`plain-<section>.html\` holds the section as the app rendered it (\`#mc-main\` copied once its h1 and content were in) with no script, no stylesheet and no style attribute: the fastest a page with the same text can paint. App and plain page alternate run by run. Each figure is the median of its own runs. Targets: LCP at most ${TARGETS.lcpRatio}x the plain page's, performance at least ${TARGETS.performance}, TBT at most ${TARGETS.tbt} ms, CLS at most ${TARGETS.cls}.`,
  '',
  '- **Devtools throttling** (`throttlingMethod: \'devtools\'`): the page really loads over a throttled connection (562.5 ms added per request, about 1.4 Mbps down) on a 4x slowed CPU; the figures are what was observed.',
  '- **Simulated throttling** (Lighthouse\'s default): the page loads unthrottled and Lighthouse estimates the timings on slow 4G (150 ms round trip, 1.6 Mbps) and a 4x slower CPU from the recorded requests and tasks.',
  '',
);
const plainSizes = SECTIONS.map(([name]) => `${name} "${plain[name].h1}" (${kb(plain[name].bytes)})`).join(', ');
lines.push(`Plain pages: ${plainSizes}.`, '');
for (const [method, label] of METHODS) {
  lines.push(
    `#### ${label[0].toUpperCase()}${label.slice(1)}`,
    '',
    '| section | LCP app | LCP plain | ratio (≤ 1.25) | performance (≥ 95) | TBT (≤ 200 ms) | CLS (≤ 0.02) |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const [name] of SECTIONS) {
    const s = summary[method][name];
    lines.push(
      `| ${name} | ${ms(s.lcpApp)} | ${ms(s.lcpPlain)} | ${Number.isFinite(s.ratio) ? s.ratio.toFixed(2) : 'n/a'}${mark(s.pass.lcp)} | ${Number.isFinite(s.performance) ? s.performance : 'n/a'}${mark(s.pass.performance)} | ${ms(s.tbt)}${mark(s.pass.tbt)} | ${Number.isFinite(s.cls) ? s.cls.toFixed(3) : 'n/a'}${mark(s.pass.cls)} |`,
    );
  }
  lines.push('', "LCP of every run (app; plain page), and the app's LCP element:", '');
  for (const [name] of SECTIONS) {
    const { runs, elements } = summary[method][name];
    const appRuns = runs.app.filter(Number.isFinite);
    const spread = appRuns.length > 1 && Math.max(...appRuns) > 1.5 * Math.min(...appRuns)
      ? ' (the app\'s runs differ by more than 1.5x: the median hides two outcomes)'
      : '';
    const counts = new Map();
    for (const { label, own } of elements) {
      const key =
        label === null
          ? 'not named (no longer in the page when Lighthouse looked)'
          : `"${label.replace(/\|/g, '/')}"${own ? '' : ' (**not this section\'s text**)'}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const shownElements = [...counts].map(([key, n]) => `${key} in ${n} of ${elements.length} runs`).join('; ');
    lines.push(
      `- ${name}: ${runs.app.map((t) => t.toFixed(0)).join(', ')} ms; ${runs.plain.map((t) => t.toFixed(0)).join(', ')} ms${spread}. LCP element: ${shownElements}`,
    );
  }
  lines.push('');
}

// Where the two methods disagree.
const TARGET_NAMES = { lcp: 'LCP ratio', performance: 'performance', tbt: 'TBT', cls: 'CLS' };
const shown = (s, key) =>
  key === 'lcp'
    ? s.ratio.toFixed(2)
    : key === 'cls'
      ? s.cls.toFixed(3)
      : key === 'tbt'
        ? ms(s.tbt)
        : String(s.performance);
const disagreements = [];
for (const [name] of SECTIONS) {
  const d = summary.devtools[name];
  const s = summary.simulate[name];
  for (const key of Object.keys(TARGET_NAMES)) {
    if (d.pass[key] === undefined || s.pass[key] === undefined || d.pass[key] === s.pass[key]) continue;
    const [passes, fails] = d.pass[key] ? ['devtools', 'simulated'] : ['simulated', 'devtools'];
    disagreements.push(
      `- ${name}, ${TARGET_NAMES[key]}: passes with ${passes} throttling, fails with ${fails} (devtools ${shown(d, key)}, simulated ${shown(s, key)})`,
    );
  }
}
const tally = (method) => {
  const cells = SECTIONS.flatMap(([name]) => Object.values(summary[method][name].pass));
  return `${cells.filter((p) => p === true).length} of ${cells.length}`;
};
lines.push(
  '#### Where devtools and simulated throttling disagree',
  '',
  `Targets met: ${tally('devtools')} cells with devtools throttling, ${tally('simulate')} with simulated throttling.`,
  '',
  ...(disagreements.length ? disagreements : ['- Nowhere: every target passes or fails alike under both methods.']),
  '',
);
const foreign = [];
for (const [method, label] of METHODS) {
  for (const [name] of SECTIONS) {
    const { elements } = summary[method][name];
    const n = elements.filter((e) => e.own === false).length;
    if (n) foreign.push(`- ${name}, ${label}: in ${n} of ${elements.length} runs LCP was measured on "${elements.find((e) => e.own === false).label}", which is not in this section's rendered text${name !== 'home' && ownText('home', elements.find((e) => e.own === false).label) ? " but the home page's: the static shell, painted before the app replaced it" : ''}. That LCP says when this element painted, not when the section did.`);
  }
}
if (foreign.length) lines.push('#### LCP measured on another page\'s text', '', ...foreign, '');
if (warnings.size) {
  lines.push('Lighthouse reported errors (their figures are left out of the medians):', '', ...[...warnings].map((w) => `- ${w}`), '');
}

if (contributors) {
  lines.push(
    '### Largest items of the WASM (twiggy)',
    '',
    `The ten largest items of \`${builtWasm}\` as cargo built it (names kept, before the split, wasm-bindgen and wasm-opt, so larger than shipped).`,
    '',
    '| item | bytes | share |',
    '| --- | --- | --- |',
  );
  for (const row of contributors) {
    lines.push(`| \`${row.name.replace(/\|/g, '\\|').slice(0, 110)}\` | ${row.shallow_size} | ${row.shallow_size_percent.toFixed(2)} % |`);
  }
  lines.push('');
}
const report = lines.join('\n');
console.log(`\n${report}`);

// Into docs/BENCHMARKS.md, between the markers (added above the first
// section when the file has none); the rest of the file stays as it is.
const block = `${START_MARK}\n\n${report}\n${END_MARK}`;
let doc = await readFile(DOC, 'utf8').catch(() => '# Benchmarks\n');
const start = doc.indexOf(START_MARK);
const end = doc.indexOf(END_MARK);
if (start !== -1 && end > start) {
  doc = doc.slice(0, start) + block + doc.slice(end + END_MARK.length);
} else {
  const firstSection = doc.search(/^## /m);
  doc = firstSection === -1 ? `${doc.trimEnd()}\n\n${block}\n` : `${doc.slice(0, firstSection)}${block}\n\n${doc.slice(firstSection)}`;
}
await writeFile(DOC, doc);
console.log(`\nWrote the latest run into ${DOC} (${minutes.toFixed(1)} min)`);
process.exit(0);
