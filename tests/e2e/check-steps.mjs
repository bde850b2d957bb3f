// Steps through the self-check as a person would; shared by the tests.
import { expect, openApp } from './fixtures.mjs';

export const TODAY = new Date('2026-11-23T10:00:00');

/** Opens the self-check on a fixed day and starts it with the consent choice. */
export async function start(page, { save = true } = {}) {
  await page.clock.setFixedTime(TODAY);
  await openApp(page, '#/check');
  await expect(page.getByRole('heading', { name: 'Before you start' })).toBeVisible();
  await page
    .getByRole('radio', { name: save ? /Yes, save my answers/ : /No, keep them only/ })
    .check();
  await page.getByRole('button', { name: 'Start the self-check' }).click();
}

/**
 * Answers every screen as a person would: `answers` maps a piece of the
 * question to the option to pick (or a date for a date screen); everything
 * else is answered "No". Stops at the summary.
 */
export async function answerAll(page, answers = {}, { stopAfter = Infinity } = {}) {
  for (let screen = 0; screen < 40 && screen < stopAfter; screen++) {
    const heading = page.locator('#mc-check-heading');
    await expect(heading).toBeFocused();
    const question = await heading.innerText();
    if (question === 'Check your answers') return;
    const key = Object.keys(answers).find((part) => question.includes(part));
    const answer = key ? answers[key] : 'No';
    if (/^\d{4}-\d{2}-\d{2}$/.test(answer)) {
      await page.getByLabel('Day, month and year.').fill(answer);
    } else {
      await page.getByRole('radio', { name: answer, exact: true }).check();
    }
    await page.getByRole('button', { name: 'Next' }).click();
  }
}

export const ORDINARY = { 'Which area': 'Face', 'most like to improve': 'Fine lines, texture, pores or firmness' };
