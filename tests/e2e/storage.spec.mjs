import { readFile } from 'node:fs/promises';
import { test, expect, openApp } from './fixtures.mjs';

const microcareKeys = (page) =>
  page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('microcare.')));

const chooseLanguage = (page, label) => page.getByRole('combobox').selectOption({ label });

test('the language choice is remembered after a reload', async ({ page }) => {
  await openApp(page);
  await chooseLanguage(page, 'Español');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('La micropunción, explicada con calma');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('La micropunción, explicada con calma');
});

test('export, delete everything, reload, import: the same data is back', async ({ page }) => {
  await openApp(page);
  await chooseLanguage(page, 'Português (Brasil)');
  await page.getByRole('navigation').getByRole('link', { name: 'Privacidade' }).click();

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Baixar um backup' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^microcare-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const file = await download.path();
  const backup = JSON.parse(await readFile(file, 'utf8'));
  expect(backup.app).toBe('microcare');
  expect(backup.records.settings.lang).toBe('pt-BR');
  await expect(page.getByText('Seu backup foi baixado.')).toBeVisible();

  await page.evaluate(() => localStorage.setItem('clinic.basket', 'not ours'));
  await page.getByRole('button', { name: 'Apagar todos os meus dados' }).click();
  await expect(page.getByRole('heading', { name: 'Apagar tudo?' })).toBeFocused();
  await page.getByRole('button', { name: 'Sim, apagar tudo' }).click();
  // With the saved choice gone, the browser's language (English) applies again.
  await expect(page.getByText('Everything MicroCare saved on this device was deleted.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your privacy');
  expect(await microcareKeys(page)).toEqual([]);
  expect(await page.evaluate(() => localStorage.getItem('clinic.basket'))).toBe('not ours');

  await page.getByLabel('Restore from a backup file').setInputFiles(file);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sua privacidade');
  await expect(page.getByText('Seu backup foi restaurado.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sua privacidade');
});

test('asking to delete everything moves focus to the question; Cancel brings it back and deletes nothing', async ({ page }) => {
  const savedData = () =>
    page.evaluate(() =>
      Object.fromEntries(Object.entries(localStorage).filter(([key]) => key.startsWith('microcare.'))),
    );
  await openApp(page);
  // Something to lose: the language choice is saved.
  await chooseLanguage(page, 'Español');
  await chooseLanguage(page, 'English');
  await page.getByRole('navigation').getByRole('link', { name: 'Privacy' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your privacy');
  const before = await savedData();
  expect(Object.keys(before)).toContain('microcare.settings');

  const start = page.getByRole('button', { name: 'Delete all my data' });
  await start.focus();
  await page.keyboard.press('Enter');
  const question = page.getByRole('group', { name: 'Delete everything?' });
  await expect(question).toBeVisible();
  await expect(question.getByRole('heading', { name: 'Delete everything?' })).toBeFocused();

  // With the keyboard alone: past "Yes, delete everything" to Cancel.
  await page.keyboard.press('Tab');
  await expect(question.getByRole('button', { name: 'Yes, delete everything' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(question.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(question).toHaveCount(0);
  await expect(start).toBeFocused();
  await expect(page.locator('#mc-privacy-outcome')).toHaveText('');
  expect(await savedData()).toEqual(before);
});

test('a file that is not a MicroCare backup is refused and nothing changes', async ({ page }) => {
  await openApp(page, '#/privacy');
  await chooseLanguage(page, 'Español');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tu privacidad');
  const before = await page.evaluate(() => localStorage.getItem('microcare.settings'));
  const cases = [
    { name: 'photo.json', text: '{"hello": "world"}', message: 'no es una copia de seguridad de MicroCare' },
    { name: 'broken.json', text: '{"app":"microcare","schema":2', message: 'no es una copia de seguridad de MicroCare' },
    {
      name: 'future.json',
      text: '{"app":"microcare","schema":99,"exported_at":"x","records":{}}',
      message: 'viene de una versión más nueva',
    },
    {
      name: 'damaged.json',
      text: '{"app":"microcare","schema":2,"exported_at":"x","records":{"settings":{"lang":42}}}',
      message: 'está dañada',
    },
  ];
  for (const { name, text, message } of cases) {
    await page.getByLabel('Restaurar desde un archivo de copia de seguridad').setInputFiles({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
    await expect(page.getByRole('status').filter({ hasText: message })).toBeVisible();
    expect(await page.evaluate(() => localStorage.getItem('microcare.settings'))).toBe(before);
  }
});

test('a second tab sees a change made in the first', async ({ page, context }) => {
  await openApp(page);
  const second = await context.newPage();
  await second.goto(page.url());
  await expect(second.getByRole('heading', { level: 1 })).toHaveText('Microneedling, explained calmly');
  await chooseLanguage(page, 'Español');
  await expect(second.getByRole('heading', { level: 1 })).toHaveText('La micropunción, explicada con calma');
  await second.close();
});

test('corrupt saved data: the app starts normally and says so, once', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('microcare.settings', '{"lang": ');
      sessionStorage.setItem('seeded', '1');
    }
  });
  await openApp(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Microneedling, explained calmly');
  await expect(page.getByText('Part of your saved data could not be read')).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('microcare.unreadable.settings'))).toBe('{"lang": ');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Microneedling, explained calmly');
  await expect(page.getByText('Part of your saved data could not be read')).toHaveCount(0);
});

test('blocked storage: the app runs from memory and says answers will not be kept', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await openApp(page);
  await expect(page.getByText('will not be kept after you close this page')).toBeVisible();
  await chooseLanguage(page, 'Español');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('La micropunción, explicada con calma');
  await page.getByRole('navigation').getByRole('link', { name: 'Privacidad' }).click();
  await expect(page.getByText('Ahora mismo este navegador no permite que MicroCare guarde nada')).toBeVisible();
});

test('data from a newer version is shown but never overwritten', async ({ page }) => {
  const newer = '{"schema":99,"rev":3,"data":{"lang":"es","from_the_future":true}}';
  await page.addInitScript((value) => localStorage.setItem('microcare.settings', value), newer);
  await openApp(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('La micropunción, explicada con calma');
  await expect(page.getByText('una versión más nueva de MicroCare')).toBeVisible();
  await chooseLanguage(page, 'English');
  expect(await page.evaluate(() => localStorage.getItem('microcare.settings'))).toBe(newer);
});
