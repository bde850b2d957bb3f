// Content at first paint (issue #23): each section's first screen is in
// index.html, written at build time by the app's own components
// (src/bin/prerender.rs), and scripts/first-paint.js shows the right one
// before the first paint. Here the WebAssembly is held back (never
// answered, or answered when the test says) in a fresh browser context, as
// on a phone whose download has not arrived yet.
import { readFileSync } from 'node:fs';
import { test as base } from '@playwright/test';
import { expect, recordProblems, expectNoProblems } from './fixtures.mjs';

/** The text of `key` in the language file `code` as built. */
function text(code, key) {
  const find = (value) => {
    if (value && typeof value === 'object') {
      if (typeof value[key] === 'string') return value[key];
      for (const inner of Object.values(value)) {
        const found = find(inner);
        if (found) return found;
      }
    }
    return null;
  };
  const found = find(JSON.parse(readFileSync(`dist/locales/${code}.json`, 'utf8')));
  if (!found) throw new Error(`${key} not in ${code}.json`);
  return found;
}

const SECTIONS = [
  { hash: '#/', name: 'home', title: 'home.title', tab: 0 },
  { hash: '#/faq', name: 'faq', title: 'faq.title', tab: 1 },
  { hash: '#/check', name: 'check', title: 'check.title', tab: 2 },
  { hash: '#/aftercare', name: 'aftercare', title: 'aftercare.title', tab: 3 },
  { hash: '#/privacy', name: 'privacy', title: 'privacy.title', tab: 4 },
];

/**
 * A page whose .wasm requests wait for `release()` (never, unless called).
 * The service worker is blocked so that nothing answers for the network.
 */
const test = base.extend({
  serviceWorkers: 'block',
  held: async ({ page, baseURL }, use) => {
    const problems = await recordProblems(page, baseURL);
    let release;
    const released = new Promise((resolve) => (release = resolve));
    await page.route('**/*.wasm', async (route) => {
      await released;
      await route.continue().catch(() => {});
    });
    await use({ page, release });
    release();
    // A held request cut off by the end of the test is not a failure.
    await expectNoProblems(page, problems.filter((p) => !/\.wasm \(net::ERR_(ABORTED|FAILED)\)/.test(p)));
  },
});

/** Loads the page afresh at `hash` (not a same-page hash change), without waiting for its load. */
async function load(page, hash) {
  await page.goto('about:blank');
  await page.goto(hash, { waitUntil: 'commit' });
}

/** Opens `hash` without waiting for the page's load, and says how long until `check` passed. */
async function openHeld(page, hash, check) {
  const start = Date.now();
  await page.goto(hash, { waitUntil: 'commit' });
  await check();
  return Date.now() - start;
}

for (const [locale, code] of [
  ['en-US', 'en'],
  ['pt-BR', 'pt-BR'],
  ['es-ES', 'es'],
]) {
  test.describe(`a browser in ${locale}`, () => {
    test.use({ locale });
    for (const { hash, name, title, tab } of SECTIONS) {
      test(`${hash} shows its heading within a second, before the WebAssembly`, async ({ held: { page } }) => {
        const heading = page.getByRole('heading', { level: 1 });
        const took = await openHeld(page, hash, () =>
          expect(heading).toHaveText(text(code, title), { timeout: 1000 }),
        );
        expect(took).toBeLessThan(1000);
        await expect(page.locator('html')).toHaveAttribute('lang', code);
        await expect(page.locator('#microcare')).toHaveAttribute('data-mc-first-screen', name);
        const tabs = page.getByRole('navigation').getByRole('link');
        await expect(tabs.nth(tab)).toHaveAttribute('aria-current', 'page');
        // Nothing is waiting on the app but the app itself.
        await expect(page.locator('#microcare[data-mc-started]')).toHaveCount(0);
        await expect(page.getByText(text(code, 'app.page_loading'))).toHaveCount(0);
      });
    }
  });
}

/** Stores `records` (name → data, in the app's envelope) before the page's own scripts run. */
async function store(page, records) {
  await page.addInitScript((records) => {
    if (location.protocol === 'about:') return;
    for (const [name, data] of Object.entries(records)) {
      localStorage.setItem(`microcare.${name}`, JSON.stringify({ schema: 3, rev: 1, data }));
    }
  }, records);
}

const SESSION = { sessions: [{ id: 's1', end: Date.now() - 3_600_000, area: 'face', note: '' }] };
const ANSWERS = { consent: true, answers: { pregnant: 'no' }, step: 1, done_on: null };

for (const { what, records, neutral, real } of [
  { what: 'an aftercare session', records: { aftercare: SESSION }, neutral: ['#/', '#/aftercare', '#/privacy', '#/check'], real: ['#/faq'] },
  { what: 'self-check answers', records: { screening: ANSWERS }, neutral: ['#/check', '#/', '#/privacy'], real: ['#/faq'] },
  { what: 'a FAQ goal', records: { settings: { goal: 'acne_scars' } }, neutral: ['#/faq'], real: ['#/check', '#/aftercare'] },
  { what: 'a clinic file that names the clinic', records: { first_paint: { clinic: true } }, neutral: ['#/faq', '#/'], real: [] },
]) {
  test(`with ${what} stored, the first paint never shows a screen the app would contradict`, async ({ held: { page } }) => {
    await store(page, records);
    for (const hash of neutral) {
      await load(page, hash);
      const root = page.locator('#microcare');
      await expect(root).toHaveAttribute('data-mc-first-screen', 'neutral', { timeout: 1000 });
      await expect(page.getByRole('status').filter({ hasText: 'Loading this page…' })).toBeVisible();
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0);
      await expect(page.locator('[aria-current="page"]')).toHaveCount(0);
    }
    for (const hash of real) {
      await load(page, hash);
      await expect(page.locator('#microcare')).toHaveAttribute('data-mc-first-screen', hash.slice(2), { timeout: 1000 });
    }
  });
}

test('stored data from a newer version, or that cannot be read, shows the neutral shell', async ({ held: { page } }) => {
  await page.addInitScript(() => {
    if (location.hash === '#/faq') localStorage.setItem('microcare.settings', '{"schema": 9, "rev": 1, "data": {}}');
  });
  await page.goto('#/faq', { waitUntil: 'commit' });
  await expect(page.locator('#microcare')).toHaveAttribute('data-mc-first-screen', 'neutral', { timeout: 1000 });
  await page.addInitScript(() => location.hash === '#/check' && localStorage.setItem('microcare.settings', '{not json'));
  await load(page, '#/check');
  await expect(page.locator('#microcare')).toHaveAttribute('data-mc-first-screen', 'neutral', { timeout: 1000 });
});

test.describe('a saved language and the clinic\'s from the last visit', () => {
  test.use({ locale: 'en-US' });

  test('the saved language wins over the browser\'s', async ({ held: { page } }) => {
    await store(page, { settings: { lang: 'pt-BR' } });
    await page.goto('#/faq', { waitUntil: 'commit' });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Perguntas e respostas', { timeout: 1000 });
    await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');
  });

  test('a clinic offering only Spanish, with its colours, is painted so at once', async ({ held: { page } }) => {
    await store(page, {
      first_paint: { languages: ['es'], default_lang: 'es', colors: { '--mc-color-primary': '#8a1c4a' }, clinic: false },
    });
    await page.goto('#/check', { waitUntil: 'commit' });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cuestionario', { timeout: 1000 });
    const primary = await page.locator('#microcare').evaluate((e) => e.style.getPropertyValue('--mc-color-primary'));
    expect(primary).toBe('#8a1c4a');
  });
});

test('the app takes over the FAQ without a layout shift, and keeps a search typed and an answer opened before', async ({
  held: { page, release },
}) => {
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__shifts.push({ value: entry.value, input: entry.hadRecentInput });
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto('#/faq', { waitUntil: 'commit' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Questions and answers', { timeout: 1000 });
  // Controls that need the app are visibly inactive until it starts.
  await expect(page.getByRole('combobox', { name: 'Language' })).toBeDisabled();
  await expect(page.getByRole('radio', { name: 'Acne scars' })).toBeDisabled();
  // An answer opened before the app says it is coming.
  const answer = page.locator('#faq-does-it-hurt');
  await answer.locator('summary').click();
  await expect(answer).toHaveAttribute('open', '');
  await expect(answer).toContainText('The answer appears as soon as the page has finished loading');
  const search = page.getByRole('searchbox', { name: 'Search the questions' });
  await search.fill('numbing');
  await page.waitForTimeout(600); // past the layout-shift's "recent input"
  release();
  await expect(page.locator('#microcare[data-mc-started]')).toHaveCount(1);
  await expect(search).toHaveValue('numbing');
  await expect(search).toBeFocused();
  await expect(answer).toHaveAttribute('open', '');
  await expect(answer).toContainText(/numbing/i);
  await expect(answer).not.toContainText('The answer appears as soon as');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 812 } });

  test('a question scrolled to before the app starts stays where it was when the app takes over', async ({
    held: { page, release },
  }) => {
    await page.goto('#/faq', { waitUntil: 'commit' });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Questions and answers', { timeout: 1000 });
    // The last section's question, far below the first screen (the
    // sections there are laid out only when they come near the window).
    const question = page.locator('#faq-is-it-safe');
    await question.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await page.waitForTimeout(300);
    const before = await question.evaluate((element) => element.getBoundingClientRect().top);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(1500);
    release();
    await expect(page.locator('#microcare[data-mc-started]')).toHaveCount(1);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    await expect(question).toBeInViewport();
    const after = await question.evaluate((element) => element.getBoundingClientRect().top);
    expect(Math.abs(after - before), `moved from ${before} to ${after} px`).toBeLessThanOrEqual(1);
  });
});

test('the app takes over each section with no layout shift (CLS at most 0.02)', async ({ held: { page, release } }) => {
  await page.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  let first = true;
  for (const { hash, title } of SECTIONS) {
    await load(page, hash);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(text('en', title), { timeout: 1000 });
    await page.waitForTimeout(300);
    if (first) {
      release();
      first = false;
    }
    await expect(page.locator('#microcare[data-mc-started]')).toHaveCount(1);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    const cls = await page.evaluate(() => window.__cls);
    expect(cls, `CLS on ${hash}`).toBeLessThanOrEqual(0.02);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(text('en', title));
  }
});

test('a tab tapped before the app has started shows that section\'s first screen', async ({ held: { page, release } }) => {
  await page.goto('#/faq', { waitUntil: 'commit' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Questions and answers', { timeout: 1000 });
  await page.getByRole('navigation').getByRole('link', { name: 'Aftercare' }).tap();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aftercare');
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Aftercare' })).toHaveAttribute('aria-current', 'page');
  release();
  await expect(page.locator('#microcare[data-mc-started]')).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aftercare');
  await expect(page.getByLabel('When did the session end?')).toBeVisible();
});

test('a tab tapped while the app is starting is followed, not undone by the app', async ({ held: { page, release } }) => {
  // The app reads the address, then waits for the FAQ's text: a tap on the
  // first screen then (before the app listens to the address) must win.
  let releaseFaq;
  const faqReleased = new Promise((resolve) => (releaseFaq = resolve));
  let faqAsked;
  const faqRequested = new Promise((resolve) => (faqAsked = resolve));
  await page.route('**/locales/en.faq.json', async (route) => {
    faqAsked();
    await faqReleased;
    await route.continue().catch(() => {});
  });
  await page.goto('#/faq', { waitUntil: 'commit' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Questions and answers', { timeout: 1000 });
  release();
  await faqRequested;
  await page.getByRole('navigation').getByRole('link', { name: 'Privacy' }).tap();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your privacy');
  releaseFaq();
  await expect(page.locator('#microcare[data-mc-started]')).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your privacy');
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Privacy' })).toHaveAttribute('aria-current', 'page');
});

test('the app corrects a remembered clinic that is no longer there', async ({ held: { page, release } }) => {
  // Written by a visit when the site had a clinic.json, since removed.
  await store(page, { first_paint: { languages: ['es'], default_lang: 'es', colors: {}, clinic: true } });
  release();
  await page.goto('#/');
  await expect(page.locator('#microcare[data-mc-started]')).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Microneedling, explained calmly');
  const hint = await page.evaluate(() => JSON.parse(localStorage.getItem('microcare.first_paint')));
  expect(hint.data).toEqual({ languages: [], default_lang: null, colors: {}, clinic: false });
});
