// Accessibility gate: axe-core finds zero WCAG 2.2 A/AA violations on every
// screen and state, at 320 px and 1280 px; the app works by keyboard alone.
import { test, expect, openApp, IPHONE } from './fixtures.mjs';
import { expectNoViolations } from './axe.mjs';

/** Every self-check question answered "no" (area and goal aside). */
const ALL_NO = Object.fromEntries(
  ['under_18', 'pregnant', 'recent_birth', 'breastfeeding', 'infection', 'skin_flare', 'sunburn', 'cancer',
    'bleeding_disorder', 'keloid', 'isotretinoin', 'blood_thinners', 'diabetes', 'immune', 'autoimmune', 'allergy',
    'cold_sores', 'dark_marks', 'filler_toxin', 'peel_laser', 'recent_scar', 'unhealed_scar', 'red_stretch_marks',
    'tattoo'].map((id) => [id, 'no']),
);

/** Every screen and state the app has, each reached as a person would. */
const STATES = {
  home: (page) => openApp(page, '#/'),
  faq: async (page) => {
    await openApp(page, '#/faq');
    await expect(page.locator('details.mc-faq-item').first()).toBeVisible();
  },
  'faq, deep link open': async (page) => {
    await openApp(page, '#/faq/how-many-sessions');
    await expect(page.locator('#faq-how-many-sessions')).toHaveAttribute('open', '');
  },
  'faq, goal chosen': async (page) => {
    await openApp(page, '#/faq');
    await page.getByRole('radio', { name: 'Stretch marks' }).check();
    await expect(page.getByRole('heading', { name: /What to expect/ })).toBeVisible();
  },
  'faq, search without results': async (page) => {
    await openApp(page, '#/faq');
    await page.getByLabel('Search the questions').fill('zzz');
    await expect(page.getByRole('button', { name: 'Show all questions' })).toBeVisible();
  },
  'faq in Spanish, search results': async (page) => {
    await openApp(page, '#/faq');
    await page.getByRole('combobox').selectOption('es');
    await page.getByLabel('Buscar en las preguntas').fill('cicatriz');
    await expect(page.locator('details.mc-faq-item').first()).toBeVisible();
  },
  check: async (page) => {
    await openApp(page, '#/check');
    await expect(page.getByRole('heading', { name: 'Before you start' })).toBeVisible();
  },
  'check, consent not chosen': async (page) => {
    await openApp(page, '#/check');
    await page.getByRole('button', { name: 'Start the self-check' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
  },
  'check, a question': async (page) => {
    await openApp(page, '#/check');
    await page.getByRole('radio', { name: /No, keep them only/ }).check();
    await page.getByRole('button', { name: 'Start the self-check' }).click();
    await expect(page.getByText('Question 1 of')).toBeVisible();
  },
  'check, a date with an error': async (page) => {
    await page.addInitScript(() =>
      localStorage.setItem(
        'microcare.screening',
        JSON.stringify({ schema: 2, rev: 1, data: { consent: true, answers: { area: 'choice:face', goal: 'choice:face', under_18: 'no', pregnant: 'yes' }, step: 4 } }),
      ),
    );
    await openApp(page, '#/check');
    await page.getByRole('button', { name: 'Continue where you stopped' }).click();
    await page.getByLabel('Day, month and year.').fill('2020-01-01');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
  },
  'check, result with reasons': async (page) => {
    await page.clock.setFixedTime(new Date('2026-11-23T10:00:00'));
    await page.addInitScript((answers) =>
      localStorage.setItem(
        'microcare.screening',
        JSON.stringify({ schema: 2, rev: 1, data: { consent: true, answers: { ...answers, area: 'choice:face', goal: 'choice:scars', pregnant: 'yes', 'pregnant.date': 'date:unknown', keloid: 'not_sure', sunburn: 'yes', 'sunburn.date': 'date:2026-11-20' }, step: 30, done_on: '2026-11-23' } }),
      ),
      ALL_NO,
    );
    await openApp(page, '#/check');
    await expect(page.locator('.mc-finding').first()).toBeVisible();
  },
  'check, result with nothing in the way': async (page) => {
    await page.addInitScript((answers) =>
      localStorage.setItem(
        'microcare.screening',
        JSON.stringify({ schema: 2, rev: 1, data: { consent: true, answers: { ...answers, area: 'choice:body', goal: 'choice:other' }, step: 2, done_on: '2026-11-23' } }),
      ),
      ALL_NO,
    );
    await openApp(page, '#/check');
    await page.getByRole('button', { name: 'Start over' }).waitFor();
    await page.getByRole('heading', { name: 'Your result' }).waitFor();
  },
  'check, a stored result with an answer missing': async (page) => {
    const { tattoo, ...answers } = ALL_NO;
    await page.addInitScript((answers) =>
      localStorage.setItem(
        'microcare.screening',
        JSON.stringify({ schema: 2, rev: 1, data: { consent: true, answers: { ...answers, area: 'choice:body', goal: 'choice:other' }, step: 30, done_on: '2026-11-23' } }),
      ),
      answers,
    );
    await openApp(page, '#/check');
    await expect(page.getByRole('status')).toBeVisible();
    await expect(page.getByRole('radio', { name: 'Yes' })).toBeVisible();
  },
  'check, a date older than the question asks about': async (page) => {
    await page.addInitScript(() =>
      localStorage.setItem(
        'microcare.screening',
        JSON.stringify({ schema: 2, rev: 1, data: { consent: true, answers: { area: 'choice:face', goal: 'choice:face', under_18: 'no', pregnant: 'no', recent_birth: 'no', breastfeeding: 'no', infection: 'no', skin_flare: 'no', sunburn: 'yes' }, step: 9 } }),
      ),
    );
    await openApp(page, '#/check');
    await page.getByRole('button', { name: 'Continue where you stopped' }).click();
    await page.getByLabel('Day, month and year.').fill('2020-01-01');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByRole('alert')).toContainText('longer ago than the question asks about');
  },
  aftercare: (page) => openApp(page, '#/aftercare'),
  'aftercare, Today after a session': async (page) => {
    await page.clock.install({ time: new Date('2026-11-23T10:00:00Z') });
    await openApp(page, '#/aftercare');
    await page.getByLabel('When did the session end?').fill('2026-11-23T08:30');
    await page.getByRole('button', { name: 'Save this session' }).click();
    await page.getByRole('checkbox', { name: /Leave your skin alone/ }).check();
    await page.getByRole('button', { name: 'Add to my calendar' }).click();
    await expect(page.getByText('The calendar file was downloaded.')).toBeVisible();
  },
  'aftercare, a session time with an error': async (page) => {
    await openApp(page, '#/aftercare');
    await page.getByLabel('When did the session end?').fill('');
    await page.getByRole('button', { name: 'Save this session' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
  },
  privacy: (page) => openApp(page, '#/privacy'),
  'not found': (page) => openApp(page, '#/nowhere'),
  'home in Portuguese': async (page) => {
    await openApp(page, '#/');
    await page.getByRole('combobox').selectOption('pt-BR');
    await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');
  },
  'privacy, delete confirmation open': async (page) => {
    await openApp(page, '#/privacy');
    await page.getByRole('button', { name: 'Delete all my data' }).click();
    await expect(page.getByRole('button', { name: 'Yes, delete everything' })).toBeVisible();
  },
  'privacy, import refused': async (page) => {
    await openApp(page, '#/privacy');
    await page.getByLabel('Restore from a backup file').setInputFiles({
      name: 'x.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{}'),
    });
    await expect(page.getByText('This file is not a MicroCare backup.')).toBeVisible();
  },
  'privacy, data deleted': async (page) => {
    await openApp(page, '#/privacy');
    await page.getByRole('button', { name: 'Delete all my data' }).click();
    await page.getByRole('button', { name: 'Yes, delete everything' }).click();
    await expect(page.getByText('Everything MicroCare saved on this device was deleted.')).toBeVisible();
  },
  'banner: unreadable data': async (page) => {
    await page.addInitScript(() => localStorage.setItem('microcare.settings', '{'));
    await openApp(page, '#/');
    await expect(page.getByText('could not be read')).toBeVisible();
  },
  'banners: storage blocked': async (page) => {
    await page.addInitScript(() =>
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('blocked', 'SecurityError');
        },
      }),
    );
    await openApp(page, '#/privacy');
    await expect(page.getByText('will not be kept')).toBeVisible();
  },
  'notes: offline, and Add to Home Screen on a later visit on an iPhone': async (page) => {
    await page.addInitScript((ua) => Object.defineProperty(navigator, 'userAgent', { get: () => ua }), IPHONE);
    await openApp(page, '#/');
    await page.waitForFunction(() => navigator.serviceWorker.controller);
    await page.reload();
    await expect(page.getByText('Tap Share, then “Add to Home Screen”.')).toBeVisible();
    await page.context().setOffline(true);
    await expect(page.getByText('Offline — everything still works.')).toBeVisible();
  },
  'desk, a link with its QR code and card': async (page) => {
    await openApp(page, '#/desk');
    await expect(page.locator('#mc-desk-link')).toHaveValue(/#\/s\?v=1&/);
    await expect(page.locator('.mc-print-card .mc-qr')).toBeVisible();
  },
  'session link, asking to add it': async (page) => {
    const minute = Math.floor(Date.now() / 60000) - 10;
    await openApp(page, `#/s?v=1&t=${minute}&a=face&n=1&i=28&l=en`);
    await expect(page.getByRole('button', { name: 'Add', exact: true })).toBeVisible();
  },
  'banner: newer data': async (page) => {
    await page.addInitScript(() =>
      localStorage.setItem('microcare.settings', '{"schema":99,"rev":1,"data":{}}'),
    );
    await openApp(page, '#/');
    await expect(page.getByText('newer version of MicroCare')).toBeVisible();
  },
};

for (const width of [320, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });
    for (const [state, reach] of Object.entries(STATES)) {
      test(`no axe violations: ${state}`, async ({ page }) => {
        await reach(page);
        await expectNoViolations(page, state);
      });
    }
  });
}

test('every section can be reached with the keyboard alone, with visible focus', async ({ page }) => {
  await openApp(page, '#/');
  const sections = [
    ['Questions', 'Questions and answers'],
    ['Self-check', 'Self-check'],
    ['Aftercare', 'Aftercare'],
    ['Privacy', 'Your privacy'],
    ['Home', 'Microneedling, explained calmly'],
  ];
  for (const [tab, heading] of sections) {
    let focusedName = '';
    // After a navigation focus is on the page heading, after the section
    // navigation in reading order: go back to it with Shift+Tab.
    for (let presses = 0; presses < 30 && focusedName !== tab; presses++) {
      await page.keyboard.press('Shift+Tab');
      focusedName = await page.evaluate(() => {
        const el = document.activeElement;
        return el?.closest('nav') ? el.textContent.trim() : '';
      });
    }
    expect(focusedName, `reached the ${tab} tab by keyboard`).toBe(tab);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    expect(outline, 'focus is visible').not.toBe('none');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  }
});

test('the language can be changed with the keyboard alone', async ({ page }) => {
  await openApp(page, '#/');
  await page.keyboard.press('Tab'); // skip link
  await page.keyboard.press('Tab'); // brand
  await page.keyboard.press('Tab'); // language
  await expect(page.getByRole('combobox')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');
});
