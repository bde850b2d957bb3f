// Issue #22: the one date field of every form (the aftercare form, the
// desk, the self-check's date screens, the photo's day), typed as a person
// types on a keyboard: part by part. While a date is only partly typed the
// browser's value is empty; the field must keep the parts typed so far
// (writing the empty value back wiped them), and keep them through the
// clock's tick.
import { test, expect, openApp } from './fixtures.mjs';
import { start, ORDINARY } from './check-steps.mjs';

test.use({ timezoneId: 'Europe/Lisbon', locale: 'en-US' });

// Saturday 5 December 2026, 10:00 in Lisbon.
const NOW = new Date('2026-12-05T10:00:00Z');

/**
 * Types into `field` the way a keyboard does, part by part (`'ArrowRight'`
 * moves on from the year, which takes up to six digits).
 */
async function typeParts(page, field, parts) {
  await field.focus();
  for (const part of parts) {
    if (part === 'ArrowRight') await page.keyboard.press(part);
    else await page.keyboard.type(part, { delay: 30 });
  }
}

test('the aftercare form keeps a date and time typed part by part, through a clock tick', async ({ page }) => {
  await page.clock.install({ time: NOW });
  await openApp(page, '#/aftercare');
  const field = page.getByLabel('When did the session end?');
  await expect(field).toHaveValue('2026-12-05T10:00');
  // Emptied, then typed anew: until the last part its value is empty.
  await field.fill('');
  await typeParts(page, field, ['12', '04']);
  // Half typed, and the clock ticks (30 seconds): the parts stay.
  await page.clock.runFor(31_000);
  // With a latest date (now), the year takes four digits and moves on.
  await page.keyboard.type('2026', { delay: 30 });
  await page.keyboard.type('0930', { delay: 30 });
  await page.keyboard.type('A');
  await expect(field).toHaveValue('2026-12-04T09:30');
  await page.getByLabel('Treated area').selectOption({ label: 'Face' });
  await page.getByRole('button', { name: 'Save this session' }).click();
  await expect(page.getByText('Day 2 after your session of 4 December 2026.')).toBeVisible();
});

test('the desk keeps a date and time typed part by part', async ({ page }) => {
  await page.clock.install({ time: NOW });
  await openApp(page, '#/desk');
  const field = page.getByLabel('When did the session end?');
  await expect(field).toHaveValue('2026-12-05T10:00');
  await field.fill('');
  await typeParts(page, field, ['12', '05', '2026', 'ArrowRight', '0915', 'A']);
  await expect(field).toHaveValue('2026-12-05T09:15');
  await expect(page.locator('#mc-desk-link')).toHaveValue(/[?&]t=/);
});

test("the self-check's date screen keeps a date typed part by part", async ({ page }) => {
  await start(page);
  const answers = { ...ORDINARY, isotretinoin: 'Yes' };
  const heading = page.locator('#mc-check-heading');
  // Every question answered as a person would, up to the date asked after
  // "yes" to isotretinoin.
  for (let screen = 0; screen < 40; screen++) {
    await expect(heading).toBeFocused();
    const question = await heading.innerText();
    if (question.includes('last dose')) break;
    const key = Object.keys(answers).find((part) => question.includes(part));
    await page.getByRole('radio', { name: key ? answers[key] : 'No', exact: true }).check();
    await page.getByRole('button', { name: 'Next' }).click();
  }
  const field = page.getByLabel('Day, month and year.');
  await expect(field).toHaveValue('');
  await typeParts(page, field, ['09', '23', '2026']);
  await expect(field).toHaveValue('2026-09-23');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(heading).not.toContainText('last dose');
});

test("the photo's day keeps a date typed part by part", async ({ page }) => {
  await page.clock.install({ time: NOW });
  await openApp(page, '#/aftercare/photos');
  const field = page.getByLabel('Day of the photo');
  await expect(field).toHaveValue('2026-12-05');
  await field.fill('');
  await typeParts(page, field, ['11', '28', '2026']);
  await expect(field).toHaveValue('2026-11-28');
});
