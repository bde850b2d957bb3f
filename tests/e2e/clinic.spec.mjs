// A clinic's configuration (clinic.json beside the app), and the two ways a
// clinic puts MicroCare in its own pages: an iframe (embed.js) and mounted
// in one of its elements (mount.js).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { test, expect, openApp } from './fixtures.mjs';

const example = JSON.parse(await readFile('docs/clinic.example.json', 'utf8'));
const logo = await readFile('docs/logo.svg');

/**
 * Serves `config` as the app's clinic.json (and the example's logo), to the
 * page and to its service worker (routes of the context reach both).
 */
async function serveClinic(page, config) {
  const context = page.context();
  await context.route('**/care/clinic.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(config) }),
  );
  await context.route('**/care/logo.svg', (route) => route.fulfill({ contentType: 'image/svg+xml', body: logo }));
}

test.describe('a clinic configuration', () => {
  test.use({ extraFiles: ['logo.svg'], locale: 'en-GB' });

  test('changes the name, logo, colours, languages, contact links and FAQ', async ({ page }) => {
    await serveClinic(page, { ...example, default_language: 'en', languages: ['en', 'es'] });
    await openApp(page);
    const header = page.locator('.mc-header');
    await expect(header.locator('.mc-brand-name')).toHaveText('Clínica Bela Pele');
    await expect(header.locator('img.mc-brand-logo')).toHaveAttribute('src', 'logo.svg');
    expect(await header.locator('img.mc-brand-logo').evaluate((img) => img.naturalWidth)).toBeGreaterThan(0);
    // The brand colour reaches the buttons and links through the custom properties.
    const root = page.locator('#microcare');
    await expect(root).toHaveCSS('--mc-color-primary', '#8a3b5c');
    await page.goto('#/check');
    await expect(page.locator('.mc-check-flow button[type=submit]')).toHaveCSS('background-color', 'rgb(138, 59, 92)');
    // Only the languages the clinic offers.
    await expect(page.locator('#mc-lang-select option')).toHaveText(['English', 'Español']);
    // Its address and ways to reach it, in the footer.
    const footer = page.locator('.mc-footer');
    await expect(footer.getByText('Rua das Flores 120, São Paulo')).toBeVisible();
    await expect(footer.getByRole('link', { name: 'Book a session' })).toHaveAttribute('href', 'https://belapele.example/agendar');
    await expect(footer.getByRole('link', { name: 'Call' })).toHaveAttribute('href', 'tel:+551140001234');
    // Secondary links read in the clinic's link colour, not white on white.
    await expect(footer.getByRole('link', { name: 'Call' })).toHaveCSS('color', 'rgb(107, 42, 71)');
    await expect(footer.getByRole('link', { name: 'Message on WhatsApp' })).toHaveAttribute('href', 'https://wa.me/5511940001234');
    await expect(footer.getByRole('link', { name: 'Email' })).toHaveAttribute('href', 'mailto:ola@belapele.example');
    // Its own question joins the FAQ, under its name.
    await page.goto('#/faq');
    await expect(page.getByText('Where is the clinic and where can I park?')).toBeVisible();
    await expect(page.locator('#mc-faq-cat-clinic')).toHaveText('Clínica Bela Pele');
  });

  test('after a first visit, the clinic\'s name, logo and colours show offline too', async ({ page, context }) => {
    await serveClinic(page, example);
    await openApp(page);
    await expect(page.locator('.mc-brand-name')).toHaveText('Clínica Bela Pele');
    await page.waitForFunction(() => navigator.serviceWorker.controller);
    // The worker keeps clinic.json and the logo it names.
    await expect
      .poll(() => page.evaluate(async () => (await caches.match('logo.svg')) !== undefined))
      .toBe(true);
    await context.unrouteAll();
    await context.setOffline(true);
    await page.reload();
    await expect(page.locator('.mc-brand-name')).toHaveText('Clínica Bela Pele');
    expect(await page.locator('img.mc-brand-logo').evaluate((img) => img.naturalWidth)).toBeGreaterThan(0);
    await expect(page.locator('#microcare')).toHaveCSS('--mc-color-primary', '#8a3b5c');
    await context.setOffline(false);
  });

  test.describe('on the next visit, before the WebAssembly has arrived', () => {
    test.use({ serviceWorkers: 'block' });

    test('the clinic\'s colours are painted at once, and no screen without its name shows', async ({ page }) => {
      await serveClinic(page, example);
      await openApp(page, '#/faq');
      await expect(page.locator('.mc-brand-name')).toHaveText('Clínica Bela Pele');
      // Held back for good: what shows is the first paint's alone.
      await page.route('**/*.wasm', () => {});
      await page.goto('about:blank');
      await page.goto('#/faq', { waitUntil: 'commit' });
      const root = page.locator('#microcare');
      await expect(root).toHaveAttribute('data-mc-first-screen', 'neutral', { timeout: 1000 });
      await expect(root).toHaveCSS('--mc-color-primary', '#8a3b5c');
      await expect(page.getByRole('status').filter({ hasText: 'Loading this page…' })).toBeVisible();
      // Not our name where the clinic's will be.
      await expect(page.locator('.mc-brand')).toBeHidden();
    });
  });

  test.describe('in aftercare', () => {
    test.use({ timezoneId: 'Europe/Lisbon' });

    test('its plan, longer steps, own steps and contact actions apply', async ({ page }) => {
      await serveClinic(page, { ...example, default_language: 'en', languages: ['en', 'es'] });
      await page.clock.install({ time: new Date('2026-11-23T10:00:00Z') });
      await openApp(page, '#/aftercare');
      await page.getByLabel('When did the session end?').fill('2026-11-23T08:30');
      await page.getByRole('button', { name: 'Save this session' }).click();
      const avoid = page.locator('.mc-care-avoid li');
      // No makeup for 48 hours instead of 24: 46.5 hours left, said as 47.
      await expect(avoid.filter({ hasText: 'No makeup' })).toContainText('for another 47 hours');
      // The clinic's own step, in the person's language.
      await expect(avoid.filter({ hasText: 'No swimming pools or the sea for 3 days.' })).toContainText(
        'for another 3 days',
      );
      // Its plan: 4 sessions, 35 days apart.
      await expect(page.getByText('Session 1 of about 4.')).toBeVisible();
      await expect(page.getByText('Suggested next session: around 28 December 2026.')).toBeVisible();
      // Warning signs come with the clinic's ways to reach it.
      await expect(page.locator('.mc-warning').getByRole('link', { name: 'Call' })).toHaveAttribute(
        'href',
        'tel:+551140001234',
      );
    });
  });

  test('its default language applies when the person prefers one it does not offer', async ({ page }) => {
    await serveClinic(page, { languages: ['pt-BR', 'es'], default_language: 'pt-BR' });
    await openApp(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Microagulhamento, explicado com calma');
  });

  test('a hostile configuration renders inertly and the app runs on its defaults', async ({ page }) => {
    const warnings = [];
    page.on('console', (msg) => msg.type() === 'warning' && warnings.push(msg.text()));
    page.on('dialog', (dialog) => {
      throw new Error(`a dialog opened: ${dialog.message()}`);
    });
    await serveClinic(page, {
      name: '<img src=x onerror=alert(1)>',
      booking_url: 'javascript:alert(1)',
      colors: { primary: 'red;background:url(https://evil.example/x)', primary_strong: '#ffff00' },
      contact: { phone: '"><script>alert(1)</script>', email: 'x@y.z?bcc=all@evil.example', address: '<b>bold</b>' },
      logo: 'https://evil.example/logo.png',
      faq: { en: [{ question: '<script>alert(1)</script>', answer: '<img src=x onerror=alert(2)>' }] },
    });
    await openApp(page);
    await expect(page.locator('.mc-brand-name')).toHaveText('<img src=x onerror=alert(1)>');
    await expect(page.locator('#microcare img')).toHaveCount(0);
    await expect(page.locator('#microcare script')).toHaveCount(0);
    await expect(page.locator('.mc-footer').getByText('<b>bold</b>')).toBeVisible();
    // Only the address was valid: no link at all.
    await expect(page.locator('.mc-footer a')).toHaveCount(0);
    await expect(page.locator('#microcare')).toHaveCSS('--mc-color-primary', '#17695f');
    await page.goto('#/faq');
    await expect(page.getByText('<script>alert(1)</script>')).toBeVisible();
    // Each invalid field is explained, precisely, as a warning (not an error).
    for (const field of ['booking_url', 'colors.primary', 'colors.primary_strong', 'contact.phone', 'contact.email', 'logo']) {
      expect(warnings.some((w) => w.includes(`clinic.json: ${field}: expected`)), field).toBe(true);
    }
    expect(warnings.find((w) => w.includes('colors.primary_strong'))).toContain('#ffff00, 1.0');
  });

  test('an unreadable file is reported and the app runs on its defaults', async ({ page }) => {
    const warnings = [];
    page.on('console', (msg) => msg.type() === 'warning' && warnings.push(msg.text()));
    await page.context().route('**/care/clinic.json', (route) => route.fulfill({ contentType: 'application/json', body: '{"name": ' }));
    await openApp(page);
    await expect(page.locator('.mc-brand-name')).toHaveText('MicroCare');
    expect(warnings.some((w) => w.includes('clinic.json: clinic.json: expected valid JSON'))).toBe(true);
  });
});

// The app on its own origin (127.0.0.1:E2E_PORT), inside a clinic's page on
// another origin (localhost:HOST_PORT).
const HOST_PORT = Number(process.env.E2E_HOST_PORT ?? 4176);
const HOST = `http://localhost:${HOST_PORT}`;

test.describe('embedded with an iframe on another site', () => {
  test.use({ hostOrigins: [HOST] });
  let server;

  test.beforeAll(async ({ baseURL }) => {
    const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Clinic</title><link rel="icon" href="data:,"></head>
      <body><h1>Bela Pele</h1><div id="care"></div>
      <script src="${baseURL}embed.js" data-target="#care" data-title="MicroCare"></script></body></html>`;
    server = createServer((req, res) => {
      if (req.url !== '/') return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    });
    await new Promise((resolve) => server.listen(HOST_PORT, resolve));
  });
  test.afterAll(() => new Promise((resolve) => server.close(resolve)));

  test('the iframe takes the height of the app and ignores wrong messages', async ({ page }) => {
    await page.goto(`${HOST}/`);
    const iframe = page.locator('#care iframe');
    const frame = page.frameLocator('#care iframe');
    await expect(frame.locator('#microcare[data-mc-started]')).toHaveCount(1);
    const appHeight = async () => frame.locator('#microcare').evaluate((el) => el.offsetHeight);
    // Sized to the content (not the 800 px it starts with).
    await expect.poll(async () => (await iframe.boundingBox()).height).toBe(await appHeight());
    expect(await appHeight()).not.toBe(800);
    const before = (await iframe.boundingBox()).height;
    // From the wrong origin and window (the host page itself): ignored.
    await page.evaluate(() => window.postMessage({ type: 'microcare:height', height: 640 }, '*'));
    // From the app's frame, but with heights out of bounds or not numbers: ignored.
    const app = page.frames().find((f) => f.url().includes('/care/'));
    for (const height of [-5, 0, 1e9, Infinity, NaN, '700', null]) {
      await app.evaluate((h) => parent.postMessage({ type: 'microcare:height', height: h }, '*'), height);
    }
    await page.waitForTimeout(200);
    expect((await iframe.boundingBox()).height).toBe(before);
    // A valid one from the app's frame is applied: the check above can fail.
    await app.evaluate(() => parent.postMessage({ type: 'microcare:height', height: 1234 }, '*'));
    await expect.poll(async () => (await iframe.boundingBox()).height).toBe(1234);
    // Navigating inside the app resizes the frame to the new page.
    await frame.getByRole('link', { name: 'Privacy' }).first().click();
    await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Your privacy');
    await expect.poll(async () => (await iframe.boundingBox()).height).toBe(await appHeight());
  });

  test('the iframe lets the app use the camera for progress photos, and nothing else new', async ({ page }) => {
    await page.goto(`${HOST}/`);
    await expect(page.frameLocator('#care iframe').locator('#microcare[data-mc-started]')).toHaveCount(1);
    const app = page.frames().find((f) => f.url().includes('/care/'));
    const allowed = await app.evaluate(() =>
      ['camera', 'microphone', 'geolocation'].map((f) => document.featurePolicy.allowsFeature(f)),
    );
    expect(allowed).toEqual([true, false, false]);
  });
});

test.describe('mounted in an element of a clinic page', () => {
  test.use({ extraFiles: ['host.html'] });

  test('leaves the host page\'s links, address, history and styles alone', async ({ page }) => {
    await page.context().route('**/care/host.html', (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Clinic</title>
          <style>a { color: rgb(255, 0, 0); } p { font-size: 30px; text-transform: uppercase; letter-spacing: 4px; }</style></head>
          <body><p id="host-text">Willkommen</p><a id="host-link" href="#team">Our team</a>
          <div id="microcare"><p>Loading…</p></div>
          <h2 id="team">Team</h2>
          <script src="mount.js" data-target="#microcare"></script></body></html>`,
      }),
    );
    await page.goto('host.html');
    const app = page.locator('#microcare');
    await expect(page.locator('#microcare[data-mc-started]')).toHaveCount(1);
    await expect(app.getByRole('heading', { level: 1 })).toHaveText('Microneedling, explained calmly');
    const historyLength = await page.evaluate(() => history.length);
    // The app's navigation stays in memory.
    await app.getByRole('link', { name: 'Questions' }).first().click();
    await expect(app.getByRole('heading', { level: 1 })).toHaveText('Questions and answers');
    await app.getByRole('link', { name: 'Privacy' }).first().click();
    await expect(app.getByRole('heading', { level: 1 })).toHaveText('Your privacy');
    expect(await page.evaluate(() => location.hash)).toBe('');
    expect(await page.evaluate(() => history.length)).toBe(historyLength);
    // The host's language, styles and links are its own.
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(app).toHaveAttribute('lang', 'en');
    await expect(page.locator('#host-link')).toHaveCSS('color', 'rgb(255, 0, 0)');
    await expect(page.locator('#host-text')).toHaveCSS('font-size', '30px');
    await expect(page.locator('body')).not.toHaveCSS('background-color', 'rgb(247, 245, 242)');
    // ... and the host's bare-element styles do not restyle the app.
    const appText = app.locator('.mc-lead').first();
    await expect(appText).not.toHaveCSS('font-size', '30px');
    await expect(appText).toHaveCSS('text-transform', 'none');
    await expect(appText).toHaveCSS('letter-spacing', 'normal');
    // The host's own link still works as a plain link, untouched by the app.
    await page.locator('#host-link').click();
    expect(await page.evaluate(() => location.hash)).toBe('#team');
    await expect(app.getByRole('heading', { level: 1 })).toHaveText('Your privacy');
  });
});
