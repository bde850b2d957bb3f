// Shared end-to-end fixtures. Every test using `page` from here fails on:
// - a console error or an uncaught page error;
// - a failed request or an HTTP error;
// - a Content-Security-Policy violation (the server sends the build's CSP);
// - the privacy gate: any request to another origin, any request that is
//   not a GET of one of the app's own built files, any request with a body
//   or a query string, and any WebSocket.
// The clinic's optional clinic.json is an app file whose absence (404) is
// normal, for the app and for the service worker (which downloads the app
// for offline use, through the same gate). Tests that serve a clinic's logo
// or a host page on another origin name those with
// `test.use({ extraFiles, hostOrigins })`.
import { test as base, expect } from '@playwright/test';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { OPTIONAL_FILES } from '../../scripts/pwa.mjs';

async function listFiles(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath ?? e.path, e.name)));
}

export const APP_FILES = new Set(await listFiles('dist'));

const optional = (url, baseURL) => OPTIONAL_FILES.some((file) => url === new URL(file, baseURL).href);

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
  if (!APP_FILES.has(file) && !optional(url.href, baseURL) && !extraFiles.includes(file)) {
    return `request for something that is not an app file: ${url.href}`;
  }
  return null;
}

/**
 * Starts recording what the fixture fails on, for `page` and the service
 * workers of its browser context; returns the list it fills.
 */
export async function recordProblems(page, baseURL, extraFiles = [], hostOrigins = []) {
  const problems = [];
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI}`),
    );
  });
  page.on('console', (msg) => {
    const absent = optional(msg.location().url, baseURL) && /\b404\b/.test(msg.text());
    if (msg.type() === 'error' && !absent) problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    const why = request.failure()?.errorText ?? '';
    // A load cut short by the test navigating away (a reload) is not a failure.
    if (why !== 'net::ERR_ABORTED') problems.push(`failed request: ${request.url()} (${why})`);
  });
  page.on('response', (response) => {
    if (response.status() === 404 && optional(response.url(), baseURL)) return;
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on('request', (request) => {
    const problem = privacyProblem(request, baseURL, extraFiles, hostOrigins);
    if (problem) problems.push(problem);
  });
  // The service worker's own requests are seen by the browser context only.
  const context = page.context();
  context.on('request', (request) => {
    const problem = request.serviceWorker() && privacyProblem(request, baseURL, extraFiles);
    if (problem) problems.push(`service worker: ${problem}`);
  });
  context.on('requestfailed', (request) => {
    // Offline, the worker's refresh of a clinic's file fails; its copy is used.
    const refresh = optional(request.url(), baseURL);
    if (request.serviceWorker() && !refresh) {
      problems.push(`service worker: failed request: ${request.url()}`);
    }
  });
  context.on('response', (response) => {
    const request = response.request();
    const absent = optional(response.url(), baseURL) && response.status() === 404;
    if (request.serviceWorker() && response.status() >= 400 && !absent) {
      problems.push(`service worker: HTTP ${response.status()}: ${response.url()}`);
    }
  });
  page.on('websocket', (ws) => problems.push(`websocket: ${ws.url()}`));
  return problems;
}

/** Fails the test on anything `recordProblems` recorded, CSP violations included. */
export async function expectNoProblems(page, problems) {
  if (!page.isClosed()) {
    const violations = await page.evaluate(() => window.__cspViolations ?? []).catch(() => []);
    problems.push(...violations.map((v) => `CSP violation: ${v}`));
  }
  expect(problems, 'console errors, failed or foreign requests, CSP violations').toEqual([]);
}

export const test = base.extend({
  extraFiles: [[], { option: true }],
  hostOrigins: [[], { option: true }],
  page: async ({ page, baseURL, extraFiles, hostOrigins }, use) => {
    const problems = await recordProblems(page, baseURL, extraFiles, hostOrigins);
    await use(page);
    await expectNoProblems(page, problems);
  },
});

export { expect };

/** Safari on an iPhone, as it names itself. */
export const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1';

/** Opens a route and waits until the app (not the static shell) shows it. */
export async function openApp(page, hash = '#/') {
  await page.goto(hash);
  await expect(page.locator('#microcare[data-mc-started]')).toHaveCount(1);
}
