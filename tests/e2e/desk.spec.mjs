// From the clinic's desk to the client's phone (issue #15): staff make a
// session link and its QR code, the client opens it on another device and
// adds the session in one tap; damaged links change nothing; the printed
// card fits one page; the desk checks the clinic's configuration.
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { readFile } from 'node:fs/promises';
import { test, expect, openApp, recordProblems, expectNoProblems } from './fixtures.mjs';
import { expectNoViolations } from './axe.mjs';

test.use({ timezoneId: 'Europe/Lisbon' });

// Monday 30 November 2026, 10:30 in Lisbon (UTC+0 in November).
const NOW = new Date('2026-11-30T10:30:00Z');
const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const minutes = (date) => Math.floor(date.getTime() / 60000);

/** Opens the desk with the clock at `now` and fills in a session. */
async function fillDesk(page, now = NOW) {
  await page.clock.install({ time: now });
  await openApp(page, '#/desk');
  await expect(page.getByLabel('When did the session end?')).toHaveValue('2026-11-30T10:30');
  await page.getByLabel('Treated area').selectOption({ label: 'Face' });
  await page.getByLabel('Which session of the plan was this?').fill('2');
  await page.getByLabel('Days until the next session').fill('28');
}

/** The text of the QR code on screen, read by a real decoder from a screenshot. */
async function readQr(locator) {
  const png = PNG.sync.read(await locator.screenshot());
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(code, 'a QR code that a decoder can read').not.toBeNull();
  return code.data;
}

/** The sessions saved on this device. */
const savedSessions = (page) =>
  page.evaluate(() => {
    const stored = localStorage.getItem('microcare.aftercare');
    return stored ? JSON.parse(stored).data.sessions : [];
  });

/** A second device: the client's phone, in another time zone. */
async function clientPhone(browser, baseURL, now) {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 375, height: 812 },
    hasTouch: true,
    timezoneId: 'America/Sao_Paulo',
    locale: 'en-US',
  });
  const page = await context.newPage();
  const problems = await recordProblems(page, baseURL);
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.clock.install({ time: now });
  return { context, page, problems, requests };
}

test('staff make a link and QR code; the client adds the session in one tap, once', async ({ page, browser, baseURL }) => {
  await fillDesk(page);
  const link = await page.locator('#mc-desk-link').inputValue();
  expect(link).toBe(`${baseURL}#/s?v=1&t=${minutes(NOW)}&a=face&n=2&i=28&l=en`);
  // The QR code on screen is that link, as a camera reads it.
  expect(await readQr(page.locator('.mc-desk-link .mc-qr'))).toBe(link);
  await expectNoViolations(page, 'desk with a link');

  // An hour later, on the client's phone in São Paulo (UTC-3).
  const phone = await clientPhone(browser, baseURL, new Date(NOW.getTime() + HOUR));
  await phone.page.goto(link);
  const ask = phone.page.locator('.mc-link-ask');
  await expect(ask).toHaveText(
    'Your clinic recorded a session: Monday 30 November, 07:30, face. Add it to your aftercare?',
  );
  await expect(phone.page.getByText('Session 2 of your plan. Next session in about 28 days.')).toBeVisible();
  // Nothing is saved before Add.
  expect(await savedSessions(phone.page)).toEqual([]);
  await expectNoViolations(phone.page, 'session link confirmation');

  await phone.page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(phone.page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();
  await expect(
    phone.page.locator('.mc-care-avoid li').filter({ hasText: 'No makeup' }),
  ).toContainText('for another 23 hours');
  // The address no longer carries the link, and Back does not return to it.
  expect(new URL(phone.page.url()).hash).toBe('#/aftercare');
  const sessions = await savedSessions(phone.page);
  expect(sessions).toHaveLength(1);
  expect(sessions[0]).toMatchObject({ end: NOW.getTime(), area: 'face', note: '' });

  // Opened again: already there, not added twice.
  await phone.page.goto(link);
  await expect(phone.page.getByText('This session is already in your aftercare.')).toBeVisible();
  await expect(phone.page.getByRole('button', { name: 'Add', exact: true })).toHaveCount(0);
  expect(await savedSessions(phone.page)).toHaveLength(1);

  // The fragment never left the phone: no request carried any of it.
  expect(phone.requests.length).toBeGreaterThan(0);
  for (const url of phone.requests) {
    expect(url).not.toContain('#');
    expect(url).not.toContain('a=face');
    expect(url).not.toContain(String(minutes(NOW)));
  }
  await expectNoProblems(phone.page, phone.problems);
  await phone.context.close();
});

// Issue #21: a link made at the desk for a pt-BR client, opened in a new
// browser that never chose a language (as a QR scan is), asked its question
// in the phone's language and switched only after Add; and the phone's plan
// said "Session 1 of about 3" and the plan's 28 days where the card said
// session 2 and 35 days. Each phone is a fresh browser context in English.
const clients = [
  {
    lang: 'pt-BR',
    ask: /^Sua clínica registrou uma sessão: segunda-feira, 30 de novembro, 07:30, rosto\./,
    today: 'Hoje',
    progress: 'Sessão 2 de cerca de 3.',
    next: /4 de janeiro/,
  },
  {
    lang: 'es',
    ask: /clínica registró una sesión: lunes, 30 de noviembre, 07:30, rostro\./,
    today: 'Hoy',
    progress: 'Sesión 2 de unas 3.',
    next: /4 de enero/,
  },
];
for (const client of clients) {
  test(`a ${client.lang} link speaks ${client.lang} from its first screen on a new phone, and its plan is the card's`, async ({ browser, baseURL }) => {
    const phone = await clientPhone(browser, baseURL, new Date(NOW.getTime() + HOUR));
    await phone.page.goto(`${baseURL}#/s?v=1&t=${minutes(NOW)}&a=face&n=2&i=35&l=${client.lang}`);
    await expect(phone.page.locator('.mc-link-ask')).toHaveText(client.ask);
    await expect(phone.page.locator('html')).toHaveAttribute('lang', client.lang);
    // Still so once everything has loaded: nothing turns it back.
    await phone.page.waitForLoadState('networkidle');
    await expect(phone.page.locator('.mc-link-ask')).toHaveText(client.ask);
    await expect(phone.page.locator('html')).toHaveAttribute('lang', client.lang);

    await phone.page.locator('.mc-link-card .mc-button').first().click();
    await expect(phone.page.getByRole('heading', { name: client.today, exact: true })).toBeVisible();
    await expect(phone.page.locator('html')).toHaveAttribute('lang', client.lang);
    // 30 November + 35 days, as the card says: not the plan's 28 days.
    await expect(phone.page.getByText(client.progress)).toBeVisible();
    await expect(phone.page.locator('.mc-plan-next')).toHaveText(client.next);
    const sessions = await savedSessions(phone.page);
    expect(sessions[0]).toMatchObject({ plan: { number: 2, interval_days: 35 } });
    await expectNoProblems(phone.page, phone.problems);
    await phone.context.close();
  });
}

test('"Not now" saves nothing and leaves the link', async ({ page }) => {
  await page.clock.install({ time: NOW });
  await openApp(page, `#/s?v=1&t=${minutes(NOW) - 5}&a=neck&n=1&i=28&l=en`);
  await expect(page.locator('.mc-link-ask')).toContainText('neck or neckline');
  await page.getByRole('button', { name: 'Not now' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Microneedling, explained calmly');
  expect(new URL(page.url()).hash).toBe('#/');
  expect(await savedSessions(page)).toEqual([]);
});

test('with storage blocked, the session is added for this visit, with the usual notice', async ({ page }) => {
  await page.addInitScript(() =>
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('blocked', 'SecurityError');
      },
    }),
  );
  await page.clock.install({ time: NOW });
  await openApp(page, `#/s?v=1&t=${minutes(NOW) - 30}&a=face&n=1&i=28&l=en`);
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();
  await expect(page.getByText('will not be kept')).toBeVisible();
  await expect(
    page.locator('.mc-care-avoid li').filter({ hasText: 'No makeup' }),
  ).toContainText('for another 24 hours');
});

test('a damaged, newer, future, too old or unknown link gets a calm message and changes nothing', async ({ page }) => {
  await page.clock.install({ time: NOW });
  const t = minutes(NOW);
  const cases = [
    [`#/s?v=1&t=12ab&a=face&n=2&i=28&l=en`, 'This link is damaged.'],
    [`#/s?v=1&t=${t}&a=knee&n=2&i=28&l=en`, 'This link is damaged.'],
    [`#/s?v=1&t=${t}&a=face&n=2&i=28&l=en&name=Ana`, 'This link is damaged.'],
    [`#/s?v=2&t=${t}&a=face&n=2&i=28&l=en&x=1`, 'made by a newer version of MicroCare'],
    [`#/s?v=1&t=${t + 24 * 60}&a=face&n=2&i=28&l=en`, 'in the future'],
    [`#/s?v=1&t=${t - 100 * 24 * 60}&a=face&n=2&i=28&l=en`, 'more than 90 days old'],
  ];
  for (const [hash, message] of cases) {
    await openApp(page, hash);
    await expect(page.locator('.mc-link-card [role="status"]'), hash).toContainText(message);
    await expect(page.getByRole('button', { name: 'Add', exact: true })).toHaveCount(0);
    expect(await savedSessions(page), hash).toEqual([]);
  }
  await expectNoViolations(page, 'a refused session link');
});

test('the printed card fits one page, with clock times and the QR code', async ({ page }) => {
  await fillDesk(page);
  const link = await page.locator('#mc-desk-link').inputValue();
  const card = page.locator('.mc-print-card');
  await expect(card).toContainText('Session: Monday 30 November, 10:30, face');
  await expect(card.locator('li').filter({ hasText: 'No makeup' })).toContainText('until Tue 1 Dec, 10:30');
  await expect(card.locator('li').filter({ hasText: 'No sunbathing' })).toContainText('until Mon 14 Dec, 10:30');
  await expect(card).toContainText('Next session: around Mon 28 Dec');
  await expect(card).toContainText('Scan to get these reminders on your phone');
  expect(await readQr(card.locator('.mc-qr'))).toBe(link);

  await page.emulateMedia({ media: 'print' });
  // Only the card prints: not the form, the link or the configuration.
  await expect(page.getByLabel('When did the session end?')).toBeHidden();
  await expect(page.locator('.mc-desk-config')).toBeHidden();
  await expect(page.locator('.mc-tabs')).toBeHidden();
  await expect(card).toBeVisible();
  await expectNoViolations(page, 'the card, printed');
  // Issue #21: `size: A6` is no CSS page-size keyword; Chromium printed the
  // A6 card on a US Letter page. The PDF page's own size, in points.
  const millimetres = { A6: [105, 148], A5: [148, 210] };
  for (const size of ['A6', 'A5']) {
    await page.emulateMedia({ media: 'screen' });
    await page.getByLabel('Card size').selectOption(size);
    await page.emulateMedia({ media: 'print' });
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    const pages = pdf.match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages, `${size} card`).toHaveLength(1);
    const box = pdf.match(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/);
    expect(box, `${size} card: a MediaBox`).not.toBeNull();
    const [width, height] = [box[3] - box[1], box[4] - box[2]].map((pt) => (pt * 25.4) / 72);
    expect(Math.abs(width - millimetres[size][0]), `${size} width ${width} mm`).toBeLessThan(1);
    expect(Math.abs(height - millimetres[size][1]), `${size} height ${height} mm`).toBeLessThan(1);
  }
});

test('the card prints in the client\'s language', async ({ page }) => {
  await fillDesk(page);
  await page.getByLabel("Client's language").selectOption('pt-BR');
  const card = page.locator('.mc-print-card');
  await expect(card).toContainText('Sessão: segunda-feira, 30 de novembro, 10:30, rosto');
  await expect(card.locator('li').filter({ hasText: 'Nada de maquiagem' })).toContainText('até ter., 1 de dez., 10:30');
  await expect(page.locator('#mc-desk-link')).toHaveValue(/&l=pt-BR$/);
  // The choice stays as the words change.
  await expect(page.getByLabel('Área tratada')).toHaveValue('face');
  await expect(page.getByLabel('Qual sessão do plano foi esta?')).toHaveValue('2');
});

test('the desk refuses a session in the future and shows no link for it', async ({ page }) => {
  await fillDesk(page);
  await page.getByLabel('When did the session end?').fill('2026-12-01T10:30');
  await expect(page.getByText('Enter when the session ended: in the last 90 days, not in the future.')).toBeVisible();
  await expect(page.locator('#mc-desk-link')).toHaveValue('');
  await expect(page.locator('.mc-desk-link .mc-qr')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeDisabled();
});

test.describe('the configuration check on the desk', () => {
  test('without clinic.json it says the defaults apply', async ({ page }) => {
    await openApp(page, '#/desk');
    await expect(page.getByText('No clinic.json is served beside the app')).toBeVisible();
  });

  test.describe('served with its logo', () => {
    test.use({ extraFiles: ['logo.svg'] });
    test('a valid file is said to be valid', async ({ page, context }) => {
      const example = await readFile('docs/clinic.example.json', 'utf8');
      const { logo } = JSON.parse(example);
      await context.route('**/care/clinic.json', (route) =>
        route.fulfill({ contentType: 'application/json', body: example }),
      );
      await context.route(`**/care/${logo}`, (route) =>
        route.fulfill({ contentType: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg"/>' }),
      );
      await openApp(page, '#/desk');
      await expect(page.getByText('Your configuration is valid.')).toBeVisible();
    });
  });

  test('a hostile file has every problem listed as field, expected, found', async ({ page, context }) => {
    await context.route('**/care/clinic.json', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          name: 'Bela',
          booking_url: 'javascript:alert(1)',
          colors: { primary: 'red;background:url(x)', primary_strong: '#ffff00' },
          contact: { phone: '<script>', email: 'x@y.z?bcc=all@evil.example' },
          logo: 'https://evil.example/logo.png',
          plan: { sessions: 40 },
          surprise: true,
        }),
      }),
    );
    const warnings = [];
    page.on('console', (msg) => msg.type() === 'warning' && warnings.push(msg.text()));
    await openApp(page, '#/desk');
    const rows = page.locator('.mc-config-problems tbody tr');
    await expect(rows.first()).toBeVisible();
    const fields = await rows.locator('td:first-child').allTextContents();
    for (const field of ['surprise', 'logo', 'colors.primary', 'colors.primary_strong', 'contact.phone', 'contact.email', 'booking_url', 'plan.sessions']) {
      expect(fields, field).toContain(field);
    }
    // The same list the console gives, one row per problem.
    const reported = warnings.filter((w) => w.includes('clinic.json: ')).length;
    expect(fields).toHaveLength(reported);
    const bookingRow = rows.filter({ has: page.locator('td:first-child', { hasText: /^booking_url$/ }) });
    await expect(bookingRow).toContainText('javascript:alert(1)');
    // Issue #21: at 1280 px field names broke mid-word ("colors.p / rimary").
    // An inline element broken over two lines has two boxes.
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 800 });
      for (const code of await rows.locator('td:first-child code').all()) {
        const boxes = await code.evaluate((el) => el.getClientRects().length);
        expect(boxes, `${await code.textContent()} at ${width} px`).toBe(1);
      }
    }
    await expectNoViolations(page, 'desk with configuration problems');
  });
});
