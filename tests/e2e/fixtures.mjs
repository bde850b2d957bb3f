// Shared end-to-end fixtures. Every test using `page` from here fails on:
// - a console error or an uncaught page error;
// - a failed request or an HTTP error;
// - a Content-Security-Policy violation (the server sends the build's CSP);
// - the privacy gate: any request to another origin, any request that is
//   not a GET of one of the app's own built files, any request with a body
//   or a query string, and any WebSocket.
// The clinic's optional clinic.json is an app file whose absence (404) is
// normal; tests that serve a clinic's logo or a host page on another origin
// name those with `test.use({ extraFiles, hostOrigins })`.
import { test as base, expect } from '@playwright/test';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';

async function listFiles(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath ?? e.path, e.name)));
}

export const APP_FILES = new Set(await listFiles('dist'));

/** Why a request breaks the privacy rules, or null when it is fine. */
export function privacyProblem(request, baseURL, extraFiles = [], hostOrigins = []) {
  const url = new URL(request.url());
  const base = new URL(baseURL);
  if (url.protocol === 'data:' || url.protocol === 'blob:') return null;
  if (hostOrigins.includes(url.origin) && request.method() === 'GET' && !url.search) return null;
  if (url.origin !== base.origin) return `request to another origin: ${url.href}`;
  if (request.method() !== 'GET') return `${request.method()} request: ${url.href}`;
  if (request.postData()) return `request with a body: ${url.href}`;
  if (url.search) return `request with a query string: ${url.href}`;
  if (!url.pathname.startsWith(base.pathname)) return `request outside the app: ${url.href}`;
  const file = url.pathname.slice(base.pathname.length) || 'index.html';
  if (!APP_FILES.has(file) && file !== 'clinic.json' && !extraFiles.includes(file)) return `request for something that is not an app file: ${url.href}`;
  return null;
}

/** A missing clinic.json is normal: the app runs on its defaults. */
const isClinicFile = (url, baseURL) => url === new URL('clinic.json', baseURL).href;

export const test = base.extend({
  extraFiles: [[], { option: true }],
  hostOrigins: [[], { option: true }],
  page: async ({ page, baseURL, extraFiles, hostOrigins }, use) => {
    const problems = [];
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI}`),
      );
    });
    page.on('console', (msg) => {
      const missingClinicFile = isClinicFile(msg.location().url, baseURL) && /\b404\b/.test(msg.text());
      if (msg.type() === 'error' && !missingClinicFile) problems.push(`console error: ${msg.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => {
      const why = request.failure()?.errorText ?? '';
      // A load cut short by the test navigating away (a reload) is not a failure.
      if (why !== 'net::ERR_ABORTED') problems.push(`failed request: ${request.url()} (${why})`);
    });
    page.on('response', (response) => {
      if (response.status() === 404 && isClinicFile(response.url(), baseURL)) return;
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    page.on('request', (request) => {
      const problem = privacyProblem(request, baseURL, extraFiles, hostOrigins);
      if (problem) problems.push(problem);
    });
    page.on('websocket', (ws) => problems.push(`websocket: ${ws.url()}`));
    await use(page);
    if (!page.isClosed()) {
      const violations = await page.evaluate(() => window.__cspViolations ?? []).catch(() => []);
      problems.push(...violations.map((v) => `CSP violation: ${v}`));
    }
    expect(problems, 'console errors, failed or foreign requests, CSP violations').toEqual([]);
  },
});

export { expect };

/** Opens a route and waits until the app (not the static shell) shows it. */
export async function openApp(page, hash = '#/') {
  await page.goto(hash);
  await expect(page.locator('.mc-skip-link')).toHaveCount(1);
}
