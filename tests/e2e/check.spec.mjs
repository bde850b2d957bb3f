import { test, expect, openApp } from './fixtures.mjs';
import { start, answerAll, ORDINARY, TODAY } from './check-steps.mjs';

test('someone pregnant gets NOT NOW with the reason', async ({ page }) => {
  await start(page);
  await answerAll(page, { ...ORDINARY, 'pregnant': 'Yes', 'When is the baby due': '2027-03-14' });
  await page.getByRole('button', { name: 'See my result' }).click();
  await expect(page.getByText('Microneedling should not be booked right now.')).toBeVisible();
  const finding = page.locator('.mc-finding').filter({ hasText: 'Are you pregnant' });
  await expect(finding).toContainText('Not now');
  await expect(finding).toContainText('Microneedling is not done during pregnancy.');
  await expect(finding).toContainText('This no longer stands in the way from 14 March 2027.');
});

test('keloids and blood thinners give ASK with both reasons', async ({ page }) => {
  await start(page);
  await answerAll(page, { ...ORDINARY, 'keloids': 'Yes', 'blood thinner': 'Yes' });
  await page.getByRole('button', { name: 'See my result' }).click();
  await expect(page.getByText('A professional needs to look at some of your answers')).toBeVisible();
  await expect(page.locator('.mc-finding')).toHaveCount(2);
  await expect(page.locator('.mc-finding').nth(0)).toContainText('keloids');
  await expect(page.locator('.mc-finding').nth(1)).toContainText('Never stop a prescribed medicine on your own');
});

test('isotretinoin stopped two months ago gives ASK with the date six months after', async ({ page }) => {
  await start(page);
  await answerAll(page, { ...ORDINARY, 'isotretinoin': 'Yes', 'last dose': '2026-09-23' });
  await page.getByRole('button', { name: 'See my result' }).click();
  const finding = page.locator('.mc-finding');
  await expect(finding).toHaveCount(1);
  await expect(finding).toContainText('Ask a professional first');
  await expect(finding).toContainText('This no longer stands in the way from 23 March 2027.');
  await expect(finding.getByRole('link', { name: 'Read more about this' })).toHaveAttribute(
    'href',
    '#/faq/medicines-before-treatment',
  );
});

test('someone with none of these gets OK, and can print and share the summary', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await start(page);
  await answerAll(page, ORDINARY);
  await page.getByRole('button', { name: 'See my result' }).click();
  await expect(page.getByText('Nothing in your answers stands in the way.')).toBeVisible();
  await expect(page.locator('.mc-finding')).toHaveCount(0);
  await expect(page.getByText('Self-check done on 23 November 2026.')).toBeVisible();
  // Headless Chromium has no share sheet: the summary goes to the clipboard.
  await page.getByRole('button', { name: 'Send to my clinic' }).click();
  await expect(page.getByText('Your summary was copied.')).toBeVisible();
  const summary = await page.evaluate(() => navigator.clipboard.readText());
  expect(summary).toContain('Nothing in your answers stands in the way.');
  expect(summary).toContain('Are you pregnant, or could you be? No');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Send to my clinic' })).toBeHidden();
  await expect(page.getByText('Nothing in your answers stands in the way.')).toBeVisible();
});

test('Back keeps answers, and any answer can be changed from the summary', async ({ page }) => {
  await start(page);
  await answerAll(page, ORDINARY, { stopAfter: 3 });
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('radio', { name: 'No', exact: true })).toBeChecked();
  await page.getByRole('button', { name: 'Next' }).click();
  await answerAll(page, ORDINARY);
  await page.getByRole('button', { name: 'Change: Do you have diabetes, or do your wounds heal slowly?' }).click();
  await page.getByRole('radio', { name: "I'm not sure" }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.locator('#mc-check-heading')).toHaveText('Check your answers');
  await page.getByRole('button', { name: 'See my result' }).click();
  await expect(page.locator('.mc-finding')).toContainText('You answered “I\'m not sure”');
});

test('a missing answer or an impossible date is explained, not accepted', async ({ page }) => {
  await start(page);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('alert')).toHaveText('Please choose an answer to continue.');
  // Focus goes to the first option to fix, by keyboard.
  await expect(page.getByRole('radio', { name: 'Face' })).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await answerAll(page, { ...ORDINARY, 'isotretinoin': 'Yes' }, { stopAfter: 11 });
  await expect(page.locator('#mc-check-heading')).toContainText('last dose');
  await page.getByLabel('Day, month and year.').fill('2027-01-10');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('alert')).toHaveText('This date is in the future. Please check it.');
  await page.getByLabel("I don't know the date").check();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.locator('#mc-check-heading')).not.toContainText('last dose');
});

test('with consent, leaving halfway and coming back resumes where it stopped', async ({ page }) => {
  await start(page, { save: true });
  await answerAll(page, ORDINARY, { stopAfter: 5 });
  const question = await page.locator('#mc-check-heading').innerText();
  await page.reload();
  await page.getByRole('button', { name: 'Continue where you stopped' }).click();
  await expect(page.locator('#mc-check-heading')).toHaveText(question);
  await expect(page.getByText('Question 6 of')).toBeVisible();
});

test('without consent, a reload keeps nothing', async ({ page }) => {
  await start(page, { save: false });
  await answerAll(page, ORDINARY, { stopAfter: 5 });
  expect(await page.evaluate(() => localStorage.getItem('microcare.screening'))).toBeNull();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Before you start' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Continue where you stopped' })).toHaveCount(0);
});

test('start over forgets the answers, saved ones included', async ({ page }) => {
  await start(page, { save: true });
  await answerAll(page, ORDINARY);
  await page.getByRole('button', { name: 'See my result' }).click();
  await page.getByRole('button', { name: 'Start over' }).click();
  await expect(page.getByRole('heading', { name: 'Before you start' })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('microcare.screening'))).toBeNull();
});

test('the privacy gate: answers never appear in any request', async ({ page }) => {
  const MARKER = '2026-09-17';
  const seen = [];
  page.on('request', async (request) => {
    seen.push(request.url(), JSON.stringify(await request.allHeaders()), request.postData() ?? '');
  });
  await start(page);
  await answerAll(page, { ...ORDINARY, 'isotretinoin': 'Yes', 'last dose': MARKER, 'keloids': 'Yes' });
  await page.getByRole('button', { name: 'See my result' }).click();
  await expect(page.getByText('This no longer stands in the way from 17 March 2027.')).toBeVisible();
  for (const text of seen) {
    for (const secret of [MARKER, 'isotretinoin', 'keloid', 'date:', 'choice:']) {
      expect(text).not.toContain(secret);
    }
  }
  expect(seen.length).toBeGreaterThan(0);
});

test('the self-check speaks Portuguese and Spanish too', async ({ page }) => {
  await page.clock.setFixedTime(TODAY);
  await openApp(page, '#/check');
  await page.getByRole('combobox').selectOption('pt-BR');
  await expect(page.getByRole('heading', { name: 'Antes de começar' })).toBeVisible();
  await page.getByRole('combobox').selectOption('es');
  await expect(page.getByRole('heading', { name: 'Antes de empezar' })).toBeVisible();
});
