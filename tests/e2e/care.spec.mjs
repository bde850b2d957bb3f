// Aftercare as a person who has just left the clinic uses it: log the
// session, read what to avoid now and until when, tick today's checklist,
// put the reminders in a calendar, and come back days and weeks later.
// The clock is Playwright's, in Lisbon (UTC+0 in November).
import ICAL from 'ical.js';
import { readFile } from 'node:fs/promises';
import { test, expect, openApp } from './fixtures.mjs';

test.use({ timezoneId: 'Europe/Lisbon' });

const NOW = new Date('2026-11-23T10:00:00Z');
const HOUR = 3600 * 1000;

/**
 * Logs a session that ended at `ended` (local `YYYY-MM-DDTHH:MM`), with the
 * clock at `now`.
 */
async function logSession(page, ended = '2026-11-23T08:30', now = NOW) {
  await page.clock.install({ time: now });
  await openApp(page, '#/aftercare');
  if (now === NOW) {
    await expect(page.getByLabel('When did the session end?')).toHaveValue('2026-11-23T10:00');
  }
  await page.getByLabel('When did the session end?').fill(ended);
  await page.getByLabel('Treated area').selectOption({ label: 'Face' });
  await page.getByRole('button', { name: 'Save this session' }).click();
  await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();
}

const avoidNow = (page) => page.locator('.mc-care-avoid li');

async function downloadIcs(page, button, day = '2026-11-23') {
  const downloading = page.waitForEvent('download');
  await button.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`microcare-reminders-${day}.ics`);
  const text = await readFile(await download.path(), 'utf8');
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: event.startDate.toJSDate().toISOString(),
    };
  });
}

test('a session just logged shows what to avoid now, with plain countdowns', async ({ page }) => {
  await logSession(page);
  // 08:30 + 24 h is 22.5 hours away: said as 23 hours, never less than true.
  await expect(avoidNow(page).filter({ hasText: 'No makeup' })).toContainText('for another 23 hours');
  await expect(avoidNow(page).filter({ hasText: 'No exercise' })).toContainText('for another 23 hours');
  await expect(avoidNow(page).filter({ hasText: 'No retinol' })).toContainText('for another 7 days');
  // Prescription retinoids come back later than the other serums: day 10.
  await expect(avoidNow(page).filter({ hasText: 'No prescription retinoids' })).toContainText(
    'for another 10 days',
  );
  await expect(avoidNow(page).filter({ hasText: 'No sunbathing' })).toContainText('for another 14 days');
  // The first day: only the clinic's product, and no sunscreen on the list
  // that would contradict it; keeping out of the sun is said instead.
  const checklist = page.locator('.mc-checklist li');
  await expect(checklist).toHaveCount(1);
  await expect(checklist).toContainText('Leave your skin alone');
  await expect(checklist).toContainText('Use only the product your clinic gave you');
  await expect(checklist).toContainText('Keep out of the sun for now');
  await expect(page.getByText('Day 1 after your session of 23 November 2026.')).toBeVisible();
  await expect(page.locator('.mc-warning')).toContainText('Contact your clinic');
  await expect(page.locator('.mc-timeline li').filter({ hasText: 'No makeup' })).toContainText('Now');
});

test('opened at its plain address after a session, the app opens on Today', async ({ page }) => {
  await logSession(page);
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#/aftercare');
  // A link to another section is still followed.
  await page.goto('#/faq');
  await expect(page.getByRole('heading', { level: 1, name: 'Questions and answers' })).toBeVisible();
});

test('a ticked checklist item stays ticked after a reload; sunscreen starts when the first day ends', async ({ page }) => {
  await logSession(page);
  const handsOff = page.getByRole('checkbox', { name: /Leave your skin alone/ });
  const sunscreen = page.getByRole('checkbox', { name: /Mineral sunscreen/ });
  await expect(handsOff).not.toBeChecked();
  await expect(sunscreen).toHaveCount(0);
  await handsOff.check();
  await page.reload();
  await expect(page.getByRole('checkbox', { name: /Leave your skin alone/ })).toBeChecked();
  // Next morning at 07:00, 22.5 hours after the session: still the first day's care.
  await page.clock.fastForward(21 * HOUR);
  await expect(page.getByText('Day 2 after your session')).toBeVisible();
  await expect(handsOff).not.toBeChecked();
  await expect(sunscreen).toHaveCount(0);
  // At 08:30, 24 hours on, products are allowed: sunscreen and the gentle
  // routine replace it, unticked.
  await page.clock.fastForward(1.5 * HOUR + 60 * 1000);
  await expect(sunscreen).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: /Gentle cleanser and moisturiser/ })).toBeVisible();
  await expect(handsOff).toHaveCount(0);
  await sunscreen.check();
  await page.reload();
  await expect(page.getByRole('checkbox', { name: /Mineral sunscreen/ })).toBeChecked();
});

test('the calendar file holds one event per reminder, with stable ids', async ({ page }) => {
  await logSession(page);
  const events = await downloadIcs(page, page.getByRole('button', { name: 'Add to my calendar' }));
  await expect(page.getByText('The calendar file was downloaded.')).toBeVisible();
  const byStart = events.sort((a, b) => a.start.localeCompare(b.start));
  expect(byStart.map((e) => [e.summary, e.start])).toEqual([
    ['MicroCare: makeup allowed again', '2026-11-24T08:30:00.000Z'],
    ['MicroCare: exercise allowed again', '2026-11-24T08:30:00.000Z'],
    // Issue #21: the day-2 check-in, when an infection usually shows.
    ['MicroCare: day 2, check your skin for warning signs', '2026-11-25T08:30:00.000Z'],
    ['MicroCare: restart your serums if your skin is calm', '2026-11-30T08:30:00.000Z'],
    ['MicroCare: check your skin, any warning signs?', '2026-11-30T08:30:00.000Z'],
    ['MicroCare: restart prescription retinoids only as your doctor says', '2026-12-03T08:30:00.000Z'],
    ['MicroCare: book your next session', '2026-12-21T08:30:00.000Z'],
  ].sort((a, b) => a[1].localeCompare(b[1])));
  for (const event of events) {
    expect(event.uid).toMatch(/@microcare$/);
    expect(event.description.length).toBeGreaterThan(20);
  }
  expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
  // Downloading again gives the same ids, so a calendar updates, not duplicates.
  const again = await downloadIcs(page, page.getByRole('button', { name: 'Add to my calendar' }));
  expect(again.map((e) => e.uid).sort()).toEqual(events.map((e) => e.uid).sort());
  // The plan's button gives just the next-session reminder, the same event.
  const next = await downloadIcs(page, page.getByRole('button', { name: 'Add it to my calendar' }));
  expect(next).toHaveLength(1);
  expect(next[0].summary).toBe('MicroCare: book your next session');
  expect(events.map((e) => e.uid)).toContain(next[0].uid);
});

test('a day later makeup is allowed; four weeks later the next session is due', async ({ page }) => {
  await logSession(page);
  await expect(page.getByText('Suggested next session: around 21 December 2026.')).toBeVisible();
  await page.clock.fastForward(24 * HOUR);
  await expect(page.getByText('Day 2 after your session')).toBeVisible();
  await expect(avoidNow(page).filter({ hasText: 'No makeup' })).toHaveCount(0);
  await expect(page.locator('.mc-timeline li').filter({ hasText: 'No makeup' })).toContainText('Done');
  await expect(avoidNow(page).filter({ hasText: 'No retinol' })).toContainText('for another 6 days');
  await page.clock.fastForward(27 * 24 * HOUR);
  await expect(page.getByText('Your next session is due: contact your clinic to book it.')).toBeVisible();
  await expect(page.getByText('Nothing to avoid any more.')).toBeVisible();
});

test('the next-session reminder keeps its time of day when the clocks go back in Lisbon', async ({ page }) => {
  // 10:30 in summer time (UTC+1); four weeks on is after the October change.
  await logSession(page, '2026-10-10T10:30', new Date('2026-10-10T12:00:00Z'));
  await expect(page.getByText('Suggested next session: around 7 November 2026.')).toBeVisible();
  const [next] = await downloadIcs(
    page,
    page.getByRole('button', { name: 'Add it to my calendar' }),
    '2026-10-10',
  );
  // 10:30 in winter time is 10:30 UTC (not 09:30, four weeks of hours later).
  expect(next.start).toBe('2026-11-07T10:30:00.000Z');
  const events = await downloadIcs(page, page.getByRole('button', { name: 'Add to my calendar' }), '2026-10-10');
  // Hours stay hours: makeup is allowed 24 hours after 10:30 summer time.
  expect(events.find((e) => e.summary === 'MicroCare: makeup allowed again').start).toBe('2026-10-11T09:30:00.000Z');
});

test.describe('in Sydney', () => {
  test.use({ timezoneId: 'Australia/Sydney' });

  test('the next-session reminder keeps its time of day when the clocks go forward', async ({ page }) => {
    // 10:30 standard time (UTC+10); four weeks on is summer time (UTC+11).
    await logSession(page, '2026-09-20T10:30', new Date('2026-09-20T02:00:00Z'));
    const [next] = await downloadIcs(
      page,
      page.getByRole('button', { name: 'Add it to my calendar' }),
      '2026-09-20',
    );
    expect(next.start).toBe('2026-10-17T23:30:00.000Z');
  });
});

test('a mistaken session can be corrected or removed', async ({ page }) => {
  await logSession(page);
  await page.getByRole('button', { name: 'Edit' }).click();
  await expect(page.getByLabel('When did the session end?')).toHaveValue('2026-11-23T08:30');
  await page.getByLabel('When did the session end?').fill('2026-11-22T17:00');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Day 2 after your session of 22 November 2026.')).toBeVisible();
  await expect(page.locator('.mc-history li')).toHaveCount(1);
  // Removing asks first, in the page (issue #22: it was the browser's own
  // dialog, unlike every other deletion); "Keep it" keeps it.
  await page.getByRole('button', { name: 'Remove' }).click();
  const question = page.getByRole('heading', { name: 'Remove the session of 22 November 2026, 17:00?' });
  await expect(question).toBeFocused();
  await page.getByRole('button', { name: 'Keep it' }).click();
  await expect(page.getByRole('button', { name: /^Remove/ })).toBeFocused();
  await expect(page.locator('.mc-history li')).toHaveCount(1);
  await page.getByRole('button', { name: /^Remove/ }).click();
  await page.getByRole('button', { name: 'Yes, remove it' }).click();
  await expect(page.getByLabel('When did the session end?')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('When did the session end?')).toBeVisible();
});

test('a time in the future or no time is explained, not saved', async ({ page }) => {
  await page.clock.install({ time: NOW });
  await openApp(page, '#/aftercare');
  await page.getByLabel('When did the session end?').fill('2026-11-24T09:00');
  await page.getByRole('button', { name: 'Save this session' }).click();
  await expect(page.getByRole('alert')).toHaveText('This time is in the future. Please check it.');
  await page.getByLabel('When did the session end?').fill('');
  await page.getByRole('button', { name: 'Save this session' }).click();
  await expect(page.getByRole('alert')).toHaveText('Please enter the date and time the session ended.');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Today', exact: true })).toHaveCount(0);
});

test('the Home Screen and backup tip shows once, after the first session', async ({ page }) => {
  await logSession(page);
  const tip = page.getByText('Tip: add MicroCare to your Home Screen');
  await expect(tip).toBeVisible();
  await page.getByRole('button', { name: 'Got it' }).click();
  await expect(tip).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();
  await expect(tip).toHaveCount(0);
});

test('notifications are asked for only after a tap, and say they need the app open', async ({ page, context }) => {
  await logSession(page);
  expect(await page.evaluate(() => Notification.permission)).toBe('default');
  await expect(page.getByText('a web page cannot remind you when it is closed')).toBeVisible();
  await context.grantPermissions(['notifications']);
  await page.getByRole('button', { name: 'Notify me while MicroCare is open' }).click();
  await expect(page.getByText('Notifications are on while MicroCare is open.')).toBeVisible();
});

test('aftercare speaks Portuguese and Spanish too', async ({ page }) => {
  await logSession(page);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('pt-BR');
  await expect(page.getByRole('heading', { name: 'Hoje', exact: true })).toBeVisible();
  await expect(avoidNow(page).first()).toContainText('23 horas');
  await page.locator('#mc-lang-select').selectOption('es');
  await expect(page.getByRole('heading', { name: 'Hoy', exact: true })).toBeVisible();
  await expect(avoidNow(page).first()).toContainText('23 horas');
});

// Issue #14: the 30-second clock tick redrew the whole form, wiping the
// date and the note being typed and dropping the keyboard focus.
test('text typed into the session form survives the clock ticking, with the focus kept', async ({ page }) => {
  await page.clock.install({ time: NOW });
  await openApp(page, '#/aftercare');
  const when = page.getByLabel('When did the session end?');
  const note = page.getByLabel('Note (optional)');
  await when.fill('2026-11-23T08:30');
  await note.click();
  await page.keyboard.type('Numbing cream, ');
  // Several ticks while the person types.
  await page.clock.runFor(95 * 1000);
  await expect(note).toBeFocused();
  await page.keyboard.type('0.5 mm');
  await expect(note).toHaveValue('Numbing cream, 0.5 mm');
  await expect(when).toHaveValue('2026-11-23T08:30');
  // The same while the date has the focus.
  await when.focus();
  await page.clock.runFor(95 * 1000);
  await expect(when).toBeFocused();
  await expect(when).toHaveValue('2026-11-23T08:30');
  await expect(note).toHaveValue('Numbing cream, 0.5 mm');
  await page.getByRole('button', { name: 'Save this session' }).click();
  await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();
  await expect(page.locator('.mc-history li')).toContainText('23 November 2026, 08:30');
  await expect(page.locator('.mc-history li')).toContainText('Numbing cream, 0.5 mm');
});

test('a rejected time keeps what was typed, and a clock tick keeps the error and the note', async ({ page }) => {
  await page.clock.install({ time: NOW });
  await openApp(page, '#/aftercare');
  const when = page.getByLabel('When did the session end?');
  const note = page.getByLabel('Note (optional)');
  await when.fill('2026-11-24T09:00');
  await note.fill('Forehead only');
  await page.getByRole('button', { name: 'Save this session' }).click();
  await expect(page.getByRole('alert')).toHaveText('This time is in the future. Please check it.');
  await page.clock.runFor(65 * 1000);
  await expect(when).toHaveValue('2026-11-24T09:00');
  await expect(note).toHaveValue('Forehead only');
  await expect(page.getByRole('alert')).toHaveText('This time is in the future. Please check it.');
});

// Issue #14: ticking a checklist item redrew the page and sent the keyboard
// focus to the body.
test('ticking a checklist item keeps the focus on its checkbox, and is saved', async ({ page }) => {
  await logSession(page);
  const handsOff = page.getByRole('checkbox', { name: /Leave your skin alone/ });
  await handsOff.focus();
  await page.keyboard.press('Space');
  await expect(handsOff).toBeChecked();
  await expect(handsOff).toBeFocused();
  // A clock tick leaves it alone too.
  await page.clock.runFor(65 * 1000);
  await expect(handsOff).toBeFocused();
  await page.keyboard.press('Space');
  await expect(handsOff).not.toBeChecked();
  await expect(handsOff).toBeFocused();
  await page.keyboard.press('Space');
  await expect(handsOff).toBeChecked();
  await page.reload();
  await expect(page.getByRole('checkbox', { name: /Leave your skin alone/ })).toBeChecked();
});

test('a clock tick changes the countdowns and nothing else', async ({ page }) => {
  await logSession(page);
  const makeup = avoidNow(page).filter({ hasText: 'No makeup' });
  await expect(makeup).toContainText('for another 23 hours');
  const row = await makeup.elementHandle();
  const timelineRow = await page.locator('.mc-timeline li').first().elementHandle();
  // 11:00: 21.5 hours left, said as 22.
  await page.clock.runFor(HOUR);
  await expect(makeup).toContainText('for another 22 hours');
  expect(await row.evaluate((el) => el.isConnected)).toBe(true);
  expect(await timelineRow.evaluate((el) => el.isConnected)).toBe(true);
});
