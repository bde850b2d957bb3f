// The benchmark: reports figures, asserts nothing. See scripts/bench.sh.
import { execFileSync, spawn } from 'node:child_process';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { BUDGET_BROTLI_BYTES, BUDGET_GZIP_BYTES } from './budget.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const PORT = 4390;
const ROOT = `http://127.0.0.1:${PORT}/care/`;
const RUNS = 7;
const medianOf = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
// The first-load transfer on 2026-11-23, before the stack of issue #14.
const BEFORE_STACK_BYTES = 149.8 * 1024;
const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_ARGS];
const PAGES = [
  ['home', ''],
  ['faq', '#/faq'],
  ['check', '#/check'],
  ['aftercare', '#/aftercare'],
  ['privacy', '#/privacy'],
];

// A copy of dist/ plus two reference pages: the same home text and styles
// with every script and preload removed (static.html), and the same text
// with no stylesheet at all (plain.html), the fastest a page can paint.
const site = '/tmp/microcare-bench';
await rm(site, { recursive: true, force: true });
await mkdir(site, { recursive: true });
await cp('dist', site, { recursive: true });
const html = await readFile('dist/index.html', 'utf8');
const staticHtml = html
  .replace(/<script\b[\s\S]*?<\/script>/g, '')
  .replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, '')
  .replace(/<p class="mc-status"[^>]*>[\s\S]*?<\/p>/, '');
await writeFile(join(site, 'static.html'), staticHtml);
const plainHtml = staticHtml
  .replace(/<style\b[\s\S]*?<\/style>/g, '')
  .replace(/<link rel="stylesheet"[^>]*>/g, '');
await writeFile(join(site, 'plain.html'), plainHtml);

const server = spawn('node', ['scripts/serve.mjs', '--dir', site, '--port', String(PORT), '--base', '/care/'], {
  stdio: 'ignore',
});
const stop = () => server.kill();
process.on('exit', stop);
for (let i = 0; i < 50; i++) {
  if ((await fetch(ROOT).catch(() => null))?.ok) break;
  await new Promise((r) => setTimeout(r, 100));
}

// 1. First-load transfer, as the browser received it (gzip on).
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const transfer = { HTML: 0, CSS: 0, JS: 0, WASM: 0, content: 0 };
{
  const page = await browser.newPage();
  const responses = [];
  page.on('requestfinished', (request) => responses.push(request));
  await page.goto(ROOT);
  await page.waitForSelector('.mc-skip-link', { state: 'attached' });
  await page.waitForLoadState('networkidle');
  for (const request of responses) {
    const { responseBodySize, responseHeadersSize } = await request.sizes();
    const path = new URL(request.url()).pathname;
    const kind = path.endsWith('/') || path.endsWith('.html') ? 'HTML'
      : path.endsWith('.css') ? 'CSS'
      : path.endsWith('.js') ? 'JS'
      : path.endsWith('.wasm') ? 'WASM'
      : 'content';
    transfer[kind] += responseBodySize + responseHeadersSize;
  }
  await page.close();
}
const transferTotal = Object.values(transfer).reduce((a, b) => a + b, 0);

// 2. Time from navigation to the app being interactive (its shell mounted
//    with event handlers), median of several cold loads.
const times = [];
for (let i = 0; i < RUNS; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('.mc-skip-link')) {
        window.__interactiveAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(ROOT);
  await page.waitForFunction(() => window.__interactiveAt !== undefined);
  times.push(await page.evaluate(() => window.__interactiveAt));
  await context.close();
}
// 5. Progress photos (issue #16), under the CPU slowdown of Lighthouse's
//    mobile preset: storing a 12-megapixel photo (decode, scale to 1600 px,
//    re-encode with its thumbnail, save in IndexedDB), and opening the
//    Photos page with 30 photos stored until the compare view shows both
//    full images. The photos are made in the page (noise on a gradient, so
//    they compress like a photo) and picked through the page's file input.
const CPU_SLOWDOWN = 4;
const PHOTO_RUNS = 3;
const photoBench = { storeTimes: [], openTimes: [], thumbTimes: [] };
{
  const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const page = await context.newPage();
  await page.goto(`${ROOT}#/aftercare/photos`);
  await page.waitForSelector('#mc-photo-file');
  const makePhoto = (width, height) =>
    page.evaluate(
      async ([width, height]) => {
        const canvas = document.createElement('canvas');
        canvas.width = width;
        canvas.height = height;
        const ctx = canvas.getContext('2d');
        const gradient = ctx.createLinearGradient(0, 0, width, height);
        gradient.addColorStop(0, '#e8b89a');
        gradient.addColorStop(1, '#9a6a50');
        ctx.fillStyle = gradient;
        ctx.fillRect(0, 0, width, height);
        const noise = ctx.createImageData(width, 256);
        for (let i = 0; i < noise.data.length; i += 4) {
          const v = Math.random() * 60;
          noise.data.set([v, v, v, 40], i);
        }
        for (let y = 0; y < height; y += 256) ctx.putImageData(noise, 0, y);
        const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.92));
        window.__benchPhoto = new File([blob], 'photo.jpg', { type: 'image/jpeg' });
        return blob.size;
      },
      [width, height],
    );
  // Picks window.__benchPhoto in the form; resolves once it is listed.
  const addPhoto = () =>
    page.evaluate(async () => {
      const input = document.getElementById('mc-photo-file');
      while (input.disabled) await new Promise((r) => setTimeout(r, 20));
      const before = document.querySelectorAll('.mc-photo-item').length;
      const files = new DataTransfer();
      files.items.add(window.__benchPhoto);
      const start = performance.now();
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      while (document.querySelectorAll('.mc-photo-item').length === before) {
        if (document.querySelector('#mc-photos-outcome .mc-error')) {
          throw new Error('the photo was not saved');
        }
        await new Promise((r) => setTimeout(r, 5));
      }
      return performance.now() - start;
    });
  photoBench.bytes = await makePhoto(4000, 3000);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  for (let i = 0; i < PHOTO_RUNS; i++) photoBench.storeTimes.push(await addPhoto());
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await makePhoto(1200, 1600);
  while ((await page.locator('.mc-photo-item').count()) < 30) await addPhoto();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  for (let i = 0; i < PHOTO_RUNS; i++) {
    await page.reload();
    await page.waitForFunction(() => {
      const shown = [...document.querySelectorAll('.mc-compare-image')];
      return shown.length === 2 && shown.every((img) => img.complete && img.naturalWidth > 0);
    });
    photoBench.openTimes.push(await page.evaluate(() => performance.now()));
    await page.waitForFunction(() => {
      const thumbs = [...document.querySelectorAll('.mc-photo-thumb')];
      return thumbs.length === 30 && thumbs.every((img) => img.complete && img.naturalWidth > 0);
    });
    photoBench.thumbTimes.push(await page.evaluate(() => performance.now()));
  }
  await context.close();
}

await browser.close();
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];

// 3. Lighthouse, mobile preset (the default), on each page and the reference.
const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROME_FLAGS });
async function audit(url) {
  const { lhr } = await lighthouse(url, {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
  });
  const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const ms = (id) => lhr.audits[id]?.numericValue ?? NaN;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    fcp: ms('first-contentful-paint'),
    lcp: ms('largest-contentful-paint'),
    tbt: ms('total-blocking-time'),
    cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN,
    // What costs points outside performance, to name it in the report.
    lost: ['accessibility', 'best-practices', 'seo'].flatMap((id) =>
      (lhr.categories[id]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score !== null && lhr.audits[ref.id]?.score < 1)
        .map((ref) => `${lhr.audits[ref.id].title} (${id})`),
    ),
  };
}
const results = [];
for (const [name, hash] of PAGES) results.push([name, await audit(ROOT + hash)]);
const reference = await audit(`${ROOT}static.html`);
results.push(['static reference', reference]);
// First paint against the plain page: interleaved runs, so that a slower
// moment of the machine weighs on both alike; the medians are compared.
const FCP_RUNS = 5;
const fcps = { app: [], plain: [] };
for (let i = 0; i < FCP_RUNS; i += 1) {
  fcps.app.push((await audit(ROOT)).fcp);
  fcps.plain.push((await audit(`${ROOT}plain.html`)).fcp);
}
const appFcp = medianOf(fcps.app);
const plainFcp = medianOf(fcps.plain);
await chrome.kill();
stop();

// 4. The largest contributors to the WASM, by twiggy, in the module as
//    cargo built it (before wasm-bindgen and wasm-opt strip the names, so
//    sizes are larger than shipped, in about the same proportions).
// The split build's (scripts/wasm-build.mjs), before the split.
const built = 'target/split/wasm32-unknown-unknown/release/microcare.wasm';
const contributors = JSON.parse(
  execFileSync('twiggy', ['top', '-n', '16', '--format', 'json', built], { encoding: 'utf8' }),
)
  // Name sections and bindgen's own metadata are not shipped.
  .filter((row) => !/custom section|subsection/.test(row.name))
  .slice(0, 10);

// Report.
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const lines = [];
lines.push('## First load (transfer, brotli)', '', 'As the browser received it: bodies and HTTP headers (the CSP header alone', 'is sent with each response), brotli as `scripts/serve.mjs` sends it. The budget gate, `scripts/check-dist.mjs`,', 'counts the compressed files themselves, per section, in gzip and brotli.', '', '| part | size |', '| --- | --- |');
for (const [kind, bytes] of Object.entries(transfer)) lines.push(`| ${kind} | ${kb(bytes)} |`);
lines.push(`| **total** | **${kb(transferTotal)}** (budget for a client section ${kb(BUDGET_BROTLI_BYTES)} brotli) |`, '');
lines.push(`Before issue #14 (no serde, no gloo-storage, no \`view!\`) the same count was ${kb(BEFORE_STACK_BYTES)}.`, '');
lines.push('## Largest contributors to the WASM (twiggy)', '', `The ten largest items of \`${built}\` as cargo built it (names kept; wasm-opt then shrinks everything).`, '', '| item | bytes | share |', '| --- | --- | --- |');
for (const row of contributors) lines.push(`| \`${row.name.replace(/\|/g, '\\|').slice(0, 110)}\` | ${row.shallow_size} | ${row.shallow_size_percent.toFixed(2)} % |`);
lines.push('');
lines.push('## Time to interactive (headless Chromium, no throttling)', '');
lines.push(`Median of ${RUNS} cold loads: **${median.toFixed(0)} ms** (all runs: ${times.map((t) => t.toFixed(0)).join(', ')} ms)`, '');
lines.push(`## Progress photos (${CPU_SLOWDOWN}x CPU slowdown, as Lighthouse mobile)`, '');
lines.push(
  `- Storing a 12-megapixel photo (4000 × 3000 JPEG of ${kb(photoBench.bytes)}: decode, scale to 1600 px, re-encode with its thumbnail, save in IndexedDB): median **${medianOf(photoBench.storeTimes).toFixed(0)} ms** (runs: ${photoBench.storeTimes.map((t) => t.toFixed(0)).join(', ')} ms)`,
  `- Opening Photos with 30 photos stored, from navigation until the compare view shows both full images: median **${medianOf(photoBench.openTimes).toFixed(0)} ms** (runs: ${photoBench.openTimes.map((t) => t.toFixed(0)).join(', ')} ms); all 30 thumbnails shown: median ${medianOf(photoBench.thumbTimes).toFixed(0)} ms`,
  '- Before the person opens Photos, no image work runs and no photo is read; the code for it is part of the first load (see the step table below).',
  '',
);
lines.push('## Lighthouse (mobile preset: simulated slow 4G, 4x CPU slowdown)', '');
lines.push('| page | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS |');
lines.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const [name, r] of results) {
  lines.push(
    `| ${name} | ${r.performance} | ${r.accessibility} | ${r.bestPractices} | ${r.seo} | ${r.fcp.toFixed(0)} ms | ${r.lcp.toFixed(0)} ms | ${r.tbt.toFixed(0)} ms | ${r.cls.toFixed(3)} |`,
  );
}
const home = results[0][1];
const fcpRatio = appFcp / plainFcp;
lines.push('', '## First paint compared with a plain page', '');
lines.push(`The home page against \`plain.html\`: the same text with no stylesheet and no script. Lighthouse mobile, ${FCP_RUNS} interleaved runs each, medians.`, '');
lines.push(`- FCP: ${appFcp.toFixed(0)} ms vs ${plainFcp.toFixed(0)} ms, ratio **${fcpRatio.toFixed(2)}** (target at most 1.10)`);
lines.push(`- App runs: ${fcps.app.map((t) => t.toFixed(0)).join(', ')} ms; plain runs: ${fcps.plain.map((t) => t.toFixed(0)).join(', ')} ms`);
lines.push('', '## App compared with the static reference page', '');
lines.push(`- FCP: ${home.fcp.toFixed(0)} ms vs ${reference.fcp.toFixed(0)} ms, ratio **${(home.fcp / reference.fcp).toFixed(2)}**`);
lines.push(`- LCP: ${home.lcp.toFixed(0)} ms vs ${reference.lcp.toFixed(0)} ms, ratio **${(home.lcp / reference.lcp).toFixed(2)}**`);
lines.push(`- Performance score: ${home.performance} vs ${reference.performance}`);
const targets = results.filter(([n]) => n !== 'static reference');
const missed = [
  ...targets.filter(([, r]) => r.performance < 98).map(([n, r]) => `performance ${r.performance} on ${n} (target 98)`),
  ...targets.filter(([, r]) => r.accessibility < 100).map(([n, r]) => `accessibility ${r.accessibility} on ${n} (target 100)`),
  ...(fcpRatio > 1.1 ? [`FCP ratio ${fcpRatio.toFixed(2)} against the plain page (target 1.10)`] : []),
];
lines.push('', `Targets missed: ${missed.length ? missed.join('; ') : 'none'}`);
const lost = [...new Set(targets.flatMap(([n, r]) => r.lost.map((why) => `${why} on ${n}`)))];
lines.push('', `Points lost outside performance: ${lost.length ? lost.join('; ') : 'none'}`);
const report = lines.join('\n');
console.log(report);

const doc = `# Benchmarks

Latest figures from \`./scripts/bench.sh\` (run ${new Date().toISOString().slice(0, 10)}, on a 2-core
Linux machine, Debian Chromium). The script builds the release, serves
\`dist/\` with its brotli copies from \`scripts/serve.mjs\` under \`/care/\` with the build's
headers, and measures the home page, every section, and a static reference
page: the same HTML and CSS with every script removed.

Sizes are deterministic and the test command enforces the budget of a client
section's first visit, ${kb(BUDGET_GZIP_BYTES)} gzip and ${kb(BUDGET_BROTLI_BYTES)} brotli
(\`scripts/check-dist.mjs\`). Times and scores vary from run to run; they are
reported here, not asserted by tests.

To reproduce: \`./scripts/bench.sh\` (installs what it needs, then prints
these tables and rewrites this file).

${report}

## What the stack costs, step by step

Measured with \`node scripts/check-dist.mjs\` (gzipped files, first load)
after a release build at each step of issue #14:

| step | first load |
| --- | --- |
| before #14: hand-written JSON, raw web-sys storage, DOM drawn by hand | 149.8 KB |
| serde + serde_json for every record and file, gloo-storage | 207.3 KB |
| the interface as \`view!\` components (the hand-drawn layer removed) | 347.1 KB |
| \`--cfg erase_components\` (each component's view type erased) | 323.5 KB |
| one closure type for every translated text (\`I18n::text\`) | 321.0 KB |
| clinic.json's unknown fields found from the JSON value, not serde's \`flatten\` | 313.6 KB |
| issue #15: the desk, the session link, the printable card, the QR encoder (\`qrcodegen\`, 5.9 KB of it) | 356.7 KB |
| issue #16: the photo record in backups (schema 3) and the \`#/aftercare/photos\` route | 365.2 KB |
| issue #16: the Photos screens, with the IndexedDB store, the image scaling and the camera | 412.3 KB |
| issue #16: backups that include photos, their restore, deleting them, their space (Privacy page), and the review mends | 422.4 KB |
| issue #16: compare choices kept through a language switch, sharing a photo or saving a copy, no empty photo database from the Privacy page | 425.7 KB |

The 230 KB target of issue #14 and the stack collide: the \`view!\` interface
alone adds about 110 KB to what the same screens cost when drawn by hand.
The twiggy listing above shows why no single part can be cut: the largest
items are Leptos's build-and-update code instantiated once per reactive
view in the app (\`<impl Render for F>::build\` closures, about 130 KB before
compression, 185 of them), then the start-up path with the clinic file's
lenient reader, and serde_json's deserializer. The stack is kept; the gate
(\`scripts/budget.mjs\`) sits just above the measured size.

Progress photos (issue #16) aimed at a few KB of first load and cost 69.0 KB:
the IndexedDB store and the image code are about 9 KB of it, the rest is the
Photos screens and the Privacy page's backup with photos, at the same price
per reactive view as every other screen. Trunk 0.21 builds one WASM and
cannot split it (Leptos's \`#[lazy]\` split needs cargo-leptos), so the
photo code is downloaded with the rest; none of it runs, and no photo is
read, before the person opens Photos.

## Notes

- The first paint is the static shell in \`index.html\`, so it never waits
  for the WASM, nor for the stylesheet: the rules the shell uses are inline
  in \`index.html\` (\`scripts/critical-css.mjs\`, their hash in the CSP) and
  the stylesheet's link sits at the end of \`<body>\`, where it does not
  block the shell's paint.
- \`.mc-main\` is at least a screen tall, so pages whose content arrives a
  moment later (the FAQ, the self-check) do not shift the footer in view
  (this took the FAQ's CLS from 0.14 to 0).
- On the section pages, LCP is the app's own page once it replaces the
  home-page shell.
- Best practices is 96 on the app's pages for one reason, named above: on a
  site without a clinic's \`clinic.json\`, the browser logs the 404 of that
  optional file as a console error. Shipping an empty \`clinic.json\` in the
  build would silence it, but would overwrite a clinic's own file each time
  it uploads a new build (see docs/CLINICS.md), so the 404 stays.
`;
await mkdir('docs', { recursive: true });
await writeFile('docs/BENCHMARKS.md', doc);
console.log('\nWrote docs/BENCHMARKS.md');
process.exit(0);
