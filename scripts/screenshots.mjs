// Takes screenshots of every screen at phone and desktop sizes, to look at.
//   node scripts/screenshots.mjs http://127.0.0.1:8080/ out-dir [hash ...]
import { chromium } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const [base = 'http://127.0.0.1:8080/', outDir = 'screenshots', ...hashes] = process.argv.slice(2);
const routes = hashes.length ? hashes : ['#/', '#/faq', '#/check', '#/aftercare', '#/privacy', '#/nope'];
const sizes = [
  { width: 375, height: 812 },
  { width: 1280, height: 800 },
];

await mkdir(outDir, { recursive: true });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
for (const lang of (process.env.LANGS ?? 'en').split(',')) {
  for (const size of sizes) {
    const context = await browser.newContext({ viewport: size, locale: lang });
    const page = await context.newPage();
    for (const hash of routes) {
      await page.goto(base + hash);
      await page.waitForSelector('.mc-skip-link', { state: 'attached' });
      await page.waitForTimeout(150);
      const name = `${lang}-${size.width}-${hash.replace(/[^a-z0-9]+/gi, '_') || 'home'}.png`;
      await page.screenshot({ path: `${outDir}/${name}`, fullPage: process.env.FULL === '1' });
      console.log(`${outDir}/${name}`);
    }
    await context.close();
  }
}
await browser.close();
