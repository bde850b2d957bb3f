// Shared end-to-end fixtures: every test fails on a console error, a failed
// request or a request to another origin, so those need no separate checks.
import { test as base, expect } from '@playwright/test';

export const test = base.extend({
  page: async ({ page, baseURL }, use) => {
    const origin = new URL(baseURL).origin;
    const problems = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) =>
      problems.push(`failed request: ${request.url()} (${request.failure()?.errorText})`),
    );
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
        problems.push(`request to another origin: ${url}`);
      }
    });
    await use(page);
    expect(problems, 'console errors, failed or foreign requests').toEqual([]);
  },
});

export { expect };

/** Opens a route and waits until the app (not the static shell) shows it. */
export async function openApp(page, hash = '#/') {
  await page.goto(hash);
  await expect(page.locator('.mc-skip-link')).toHaveCount(1);
}
