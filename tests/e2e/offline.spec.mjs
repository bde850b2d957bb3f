// Working offline after the first visit, the offline note, and updates: a
// new version is offered, and never mixed with the one running.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { test, expect, openApp, recordProblems, expectNoProblems } from './fixtures.mjs';
import { start, answerAll, ORDINARY } from './check-steps.mjs';
import { expectNoViolations } from './axe.mjs';
import { startServer } from './server.mjs';

// A language's interface text: its main file and the strings that come with
// the FAQ's, the self-check's and aftercare's content.
const text = async (lang) => {
  const read = async (name) => JSON.parse(await readFile(`public/locales/${name}.json`, 'utf8')).ui;
  const parts = await Promise.all(['', '.faq', '.check', '.aftercare'].map((file) => read(`${lang}${file}`)));
  return Object.assign({}, ...parts);
};
const heading = (page) => page.getByRole('heading', { level: 1 });
const tab = (page, name) => page.locator('.mc-tabs').getByRole('link', { name }).tap();

/** Resolves once the offline copy is complete and serves this page. */
const offlineCopyReady = (page) => page.waitForFunction(() => navigator.serviceWorker.controller);

test('after a first visit, every section works with no network, with the saved data', async ({ page, context }) => {
  const [pt, es] = [await text('pt-BR'), await text('es')];
  await start(page);
  await answerAll(page, ORDINARY, { stopAfter: 2 });
  await openApp(page, '#/');
  await page.getByRole('combobox').selectOption({ label: 'Português (Brasil)' });
  await expect(heading(page)).toHaveText(pt['home.title']);
  await offlineCopyReady(page);

  await context.setOffline(true);
  const fromNetwork = [];
  page.on('response', (response) => response.fromServiceWorker() || fromNetwork.push(response.url()));
  await page.reload();
  await expect(heading(page)).toHaveText(pt['home.title']);
  await tab(page, pt['nav.faq']);
  await expect(heading(page)).toHaveText(pt['faq.title']);
  await expect(page.locator('details.mc-faq-item').first()).toBeVisible();
  await tab(page, pt['nav.check']);
  await expect(heading(page)).toHaveText(pt['check.title']);
  // The answers saved before going offline are there to continue.
  await expect(page.getByRole('button', { name: pt['check.resume'] })).toBeVisible();
  await tab(page, pt['nav.aftercare']);
  await expect(heading(page)).toHaveText(pt['aftercare.title']);
  // A language never opened online was kept too.
  await page.locator('#mc-lang-select').selectOption({ label: 'Español' });
  await expect(heading(page)).toHaveText(es['aftercare.title']);
  await tab(page, es['nav.faq']);
  await expect(page.locator('details.mc-faq-item').first()).toBeVisible();
  expect(fromNetwork, 'every file came from the offline copy').toEqual([]);
});

test('a first visit downloads the WASM once: the offline copy takes it from the HTTP cache', async ({ browser }) => {
  // Its own server, which lists every request that reached it.
  const server = await startServer('dist', '/care/', ['--log', '1']);
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  const problems = await recordProblems(page, server.url);
  try {
    await openApp(page, '#/faq');
    await offlineCopyReady(page);
    const html = await readFile('dist/index.html', 'utf8');
    const wasm = /href="?\.\/(microcare-[0-9a-f]{16}_bg\.wasm)/.exec(html)[1];
    const glue = /href="?\.\/(microcare-[0-9a-f]{16}\.js)/.exec(html)[1];
    const count = (file) => server.requests.filter((line) => line === `GET /care/${file} 200`).length;
    expect(count(wasm), `requests for ${wasm}`).toBe(1);
    expect(count(glue), `requests for ${glue}`).toBe(1);
    // The chunks, which the page did not load, came once, for the offline copy.
    const chunks = server.requests.filter((line) => /\/(split|chunk)_\w+-[0-9a-f]{16}\.wasm 200$/.test(line));
    expect(chunks.length).toBeGreaterThan(0);
    expect(new Set(chunks).size).toBe(chunks.length);
    // And the offline copy has the WASM, whole.
    const cached = await page.evaluate(async (file) => {
      const response = await caches.match(new URL(file, location.href).href);
      return response ? (await response.arrayBuffer()).byteLength : 0;
    }, wasm);
    expect(cached).toBe((await readFile(`dist/${wasm}`)).length);
    await expectNoProblems(page, problems);
  } finally {
    await context.close();
    server.stop();
  }
});

test('going offline shows a calm note, gone when the connection is back', async ({ page, context }) => {
  await openApp(page);
  await offlineCopyReady(page);
  const note = page.getByText('Offline — everything still works.');
  await expect(note).toHaveCount(0);
  await context.setOffline(true);
  await expect(note).toBeVisible();
  await tab(page, 'Questions');
  await expect(note).toBeVisible();
  await context.setOffline(false);
  await expect(note).toHaveCount(0);
});

/** A copy of dist/ served on a port of its own, to deploy a new version to. */
async function deployment() {
  const dir = await mkdtemp(join(tmpdir(), 'microcare-deploy-'));
  await cp('dist', dir, { recursive: true });
  const { url, stop } = await startServer(dir, '/care/');
  return {
    url,
    /** Changes files of the deployed copy, then rebuilds its sw.js and compressed copies as the build does. */
    async deploy(changes) {
      for (const [file, from, to] of changes) {
        const path = join(dir, file);
        const before = await readFile(path, 'utf8');
        expect(before).toContain(from);
        await writeFile(path, before.replace(from, to));
      }
      await promisify(execFile)('node', ['scripts/pwa.mjs', dir]);
      await promisify(execFile)('node', ['scripts/compress.mjs', dir]);
    },
    version: async () => /const VERSION = "(\w+)"/.exec(await readFile(join(dir, 'sw.js'), 'utf8'))[1],
    async stop() {
      stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

const deployed = test.extend({
  site: async ({}, use) => {
    const site = await deployment();
    await use(site);
    await site.stop();
  },
  baseURL: async ({ site }, use) => use(site.url),
});

deployed('a new version is offered once downloaded, and Reload starts it whole', async ({ page, site }) => {
  const banner = page.getByText('A new version of MicroCare is ready.');
  await openApp(page, '#/');
  await offlineCopyReady(page);
  await page.reload();
  await expect(heading(page)).toHaveText('Microneedling, explained calmly');
  await expect(banner).toHaveCount(0);

  await site.deploy([
    ['locales/en.json', '"Microneedling, explained calmly"', '"Microneedling, explained calmly, version 2"'],
    ['locales/en.faq.json', 'What is microneedling?', 'What is microneedling, version 2?'],
  ]);
  await page.reload();
  await expect(banner).toBeVisible();
  await expectNoViolations(page, 'a new version is ready');
  // Until the person reloads, this page is the old version, whole: even a
  // file it loads only now (the FAQ) is the old one.
  await expect(heading(page)).toHaveText('Microneedling, explained calmly');
  await tab(page, 'Questions');
  await expect(page.locator('summary', { hasText: 'What is microneedling?' })).toBeVisible();
  await expect(page.getByText('version 2')).toHaveCount(0);

  await page.getByRole('button', { name: 'Reload' }).click();
  await expect(page.locator('summary', { hasText: 'What is microneedling, version 2?' })).toBeVisible();
  await expect(banner).toHaveCount(0);
  await tab(page, 'Home');
  await expect(heading(page)).toHaveText('Microneedling, explained calmly, version 2');
  // Only the new version's files are kept.
  expect(await page.evaluate(() => caches.keys())).toEqual([`microcare-${await site.version()}`]);
});
