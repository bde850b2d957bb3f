// Progress photos (issue #16) as a client uses them: add a photo from the
// phone (a fixture carrying GPS EXIF), find it again after a reload without
// any of its hidden data, add a second and compare both, delete one, take
// one with the camera lined up with the last; a browser that keeps nothing
// gets a clear message. The fixture in `./fixtures.mjs` fails any test in
// which a request leaves with data (a body, a query string, another origin),
// so no photo is ever sent anywhere.
import { test, expect, openApp, recordProblems, expectNoProblems } from './fixtures.mjs';
import { expectNoViolations } from './axe.mjs';
import { readFile } from 'node:fs/promises';
import { FIXTURE, NOW, seedSession, openPhotos, addPhoto, storedPhotos, hasExif } from './photo-steps.mjs';

test.use({ timezoneId: 'Europe/Lisbon' });

test('a photo from the phone is stored without its location data and listed after a reload', async ({
  page,
}) => {
  await seedSession(page);
  await openPhotos(page);
  await expect(page.getByText('No photos yet.')).toBeVisible();
  await expect(page.getByText('removes the hidden details inside it')).toBeVisible();
  // The photo follows the session that ended before today.
  await expect(page.getByLabel('Taken after')).toHaveValue('s1');
  await addPhoto(page);

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Face' })).toBeVisible();
  const item = page.locator('.mc-photo-item');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('30 November 2026');
  await expect(item).toContainText('After session 1 of 3');
  const thumb = item.getByRole('img', { name: 'Face, 30 November 2026, after session 1' });
  await expect(thumb).toBeVisible();
  // The thumbnail is drawn from the device, not fetched.
  expect(await thumb.getAttribute('src')).toMatch(/^blob:/);
  expect(await thumb.evaluate((img) => img.naturalWidth)).toBeGreaterThan(0);

  const [stored] = await storedPhotos(page);
  expect(stored.record).toMatchObject({ date: '2026-11-30', area: 'face', session: 's1', mime: 'image/jpeg' });
  // Upright (the fixture's EXIF says "rotate 90°") and scaled to 1600 px.
  expect([stored.record.width, stored.record.height]).toEqual([1067, 1600]);
  expect(stored.image.slice(0, 2)).toEqual([0xff, 0xd8]);
  expect(hasExif(stored.image), 'EXIF or GPS in the stored image').toBe(false);
  expect(hasExif(stored.thumb), 'EXIF or GPS in the thumbnail').toBe(false);
  expect(stored.record.bytes).toBe(stored.image.length);
  await expectNoViolations(page, 'photos: one photo');
});

test('two photos of an area are compared, side by side or with a slider that works with keys', async ({
  page,
}) => {
  await seedSession(page);
  await openPhotos(page);
  await addPhoto(page, '2026-10-30');
  await expect(page.getByText('Add a second photo of this area to compare the two.')).toBeVisible();
  // The day chosen stays for the next photo, until changed.
  await expect(page.getByLabel('Day of the photo')).toHaveValue('2026-10-30');
  await addPhoto(page, '2026-11-30');
  await expect(page.locator('.mc-photo-item')).toHaveCount(2);

  const stage = page.locator('.mc-compare-stage');
  await expect(stage.locator('img')).toHaveCount(2);
  // First and latest by default, each with its date and session.
  await expect(stage.locator('.mc-compare-earlier')).toContainText('30 October 2026');
  await expect(stage.locator('.mc-compare-earlier')).not.toContainText('After session');
  await expect(stage.locator('.mc-compare-later')).toContainText('30 November 2026');
  await expect(stage.locator('.mc-compare-later')).toContainText('After session 1 of 3');
  await expect(stage.getByRole('img', { name: 'Face, 30 October 2026' })).toBeVisible();
  await expect
    .poll(() => stage.locator('img').evaluateAll((imgs) => imgs.map((i) => i.naturalWidth)))
    .toEqual([1067, 1067]);
  // The pickers show thumbnails: no full image is loaded for them.
  const pickers = page.locator('.mc-compare-choice img');
  await expect(pickers).toHaveCount(4);
  const thumbWidths = await pickers.evaluateAll((imgs) => imgs.map((i) => i.naturalWidth));
  expect(Math.max(...thumbWidths)).toBeLessThanOrEqual(240);

  // On a phone: a slider, moved with the keyboard, uncovers the later photo.
  const slider = page.getByLabel('Slide to compare the two photos');
  await expect(slider).toBeVisible();
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveValue('60');
  await expect(stage).toHaveAttribute('style', /--mc-split: 60%/);
  await expect(slider).toBeFocused();
  await expectNoViolations(page, 'photos: compare on a phone');

  // Picking the same photo on both sides is allowed; picking back restores.
  await page.getByRole('group', { name: 'Earlier photo' }).getByRole('radio').nth(1).check();
  await expect(stage.locator('.mc-compare-earlier')).toContainText('30 November 2026');

  // On a wide screen: side by side, no slider.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(slider).toBeHidden();
  const boxes = await stage.locator('img').evaluateAll((f) => f.map((e) => e.getBoundingClientRect().x));
  expect(boxes[1]).toBeGreaterThan(boxes[0] + 100);
  await expectNoViolations(page, 'photos: compare on a wide screen');
});

test('a language change keeps what was chosen in the form', async ({ page }) => {
  await seedSession(page);
  await openPhotos(page);
  await page.getByLabel('Treated area').selectOption('neck');
  await page.getByLabel('Day of the photo').fill('2026-11-20');
  // A neck photo does not follow the face's session.
  await expect(page.getByLabel('Taken after')).toHaveValue('');
  await page.getByLabel('Treated area').selectOption('face');
  await expect(page.getByLabel('Taken after')).toHaveValue('s1');
  await page.getByLabel('Taken after').selectOption('');
  await page.locator('.mc-lang select').selectOption({ label: 'Español' });
  await expect(page.getByRole('heading', { name: 'Agregar una foto' })).toBeVisible();
  await expect(page.locator('#mc-photo-area')).toHaveValue('face');
  await expect(page.locator('#mc-photo-day')).toHaveValue('2026-11-20');
  await expect(page.locator('#mc-photo-session')).toHaveValue('');
  await expect(page.locator('#mc-photo-area option:checked')).toHaveText('Rostro');
});

test('a language change keeps the photos picked, the slider and an open confirmation', async ({ page }) => {
  await seedSession(page);
  await openPhotos(page);
  await addPhoto(page, '2026-10-30');
  await addPhoto(page, '2026-11-30');
  const stage = page.locator('.mc-compare-stage');
  // Not the default pair: the later side shows the October photo too.
  await page.getByRole('group', { name: 'Later photo' }).getByRole('radio').nth(0).check();
  await expect(stage.locator('.mc-compare-later')).toContainText('30 October 2026');
  const slider = page.getByLabel('Slide to compare the two photos');
  await slider.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(slider).toHaveValue('45');
  const november = page.locator('.mc-photo-item').filter({ hasText: '30 November 2026' });
  await november.getByRole('button', { name: 'Delete' }).click();
  await expect(november.getByText('Delete this photo from this phone?')).toBeVisible();

  await page.locator('.mc-lang select').selectOption({ label: 'Español' });
  await expect(page.getByRole('heading', { name: 'Agregar una foto' })).toBeVisible();
  await expect(stage.locator('.mc-compare-earlier')).toContainText('octubre');
  await expect(stage.locator('.mc-compare-later')).toContainText('octubre');
  await expect(page.locator('.mc-compare-slider input')).toHaveValue('45');
  await expect(stage).toHaveAttribute('style', /--mc-split: 45%/);
  const item = page.locator('.mc-photo-item').filter({ hasText: 'noviembre' });
  await expect(item.locator('[id^="mc-photo-confirm-"]')).toBeVisible();
  await expect(item.getByRole('button', { name: /^Borrar$/ })).toHaveCount(0);
});

test('where the browser cannot share photos, "Save a copy" saves the photo without its hidden data', async ({
  page,
}) => {
  await seedSession(page);
  await openPhotos(page);
  await addPhoto(page, '2026-11-30');
  const item = page.locator('.mc-photo-item');
  await expect(item.getByRole('button', { name: 'Share' })).toHaveCount(0);
  // Each photo's buttons say which photo they are for.
  await expect(item.getByRole('button', { name: 'Save a copy' })).toHaveAccessibleDescription(
    /30 November 2026\s*After session 1 of 3/,
  );
  const saving = page.waitForEvent('download');
  await item.getByRole('button', { name: 'Save a copy' }).click();
  const download = await saving;
  expect(download.suggestedFilename()).toBe('microcare-face-2026-11-30.jpg');
  const bytes = Array.from(await readFile(await download.path()));
  const [stored] = await storedPhotos(page);
  expect(bytes).toEqual(stored.image);
  expect(hasExif(bytes), 'EXIF or GPS in the saved copy').toBe(false);
  await expect(page.getByRole('status')).toHaveText('A copy of the photo was saved on this device, in Downloads.');
  await expect(item.getByRole('button', { name: 'Save a copy' })).toBeFocused();
});

test('a photo goes to the share sheet only when its Share is tapped, once for a double tap, and closing the sheet says nothing', async ({
  page,
}) => {
  // Headless Chromium on Linux has no share sheet: a stand-in records what
  // it is given, or is closed without sharing.
  await page.addInitScript(() => {
    window.shared = [];
    window.closeSheet = false;
    navigator.canShare = (data) => !!data?.files?.length && data.files.every((f) => f.type.startsWith('image/'));
    navigator.share = async (data) => {
      if (window.closeSheet) throw new DOMException('closed', 'AbortError');
      // A sheet stays open a moment: a second tap comes while it is.
      await new Promise((resolve) => setTimeout(resolve, 300));
      for (const f of data.files) {
        window.shared.push({ name: f.name, type: f.type, bytes: Array.from(new Uint8Array(await f.arrayBuffer())) });
      }
    };
  });
  let downloads = 0;
  page.on('download', () => downloads++);
  await seedSession(page);
  await openPhotos(page);
  await addPhoto(page, '2026-10-30');
  await addPhoto(page, '2026-11-30');
  expect(await page.evaluate(() => window.shared.length), 'nothing shared before a tap').toBe(0);

  const november = page.locator('.mc-photo-item').filter({ hasText: '30 November 2026' });
  await november.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Photo shared.' })).toBeVisible();
  const shared = await page.evaluate(() => window.shared);
  expect(shared.map((f) => [f.name, f.type])).toEqual([['microcare-face-2026-11-30.jpg', 'image/jpeg']]);
  const stored = (await storedPhotos(page)).find((p) => p.record.date === '2026-11-30');
  expect(shared[0].bytes).toEqual(stored.image);
  expect(hasExif(shared[0].bytes), 'EXIF or GPS in the shared photo').toBe(false);

  // A double tap shares once, and saves no copy.
  await november.getByRole('button', { name: 'Share' }).dblclick();
  await expect.poll(() => page.evaluate(() => window.shared.length)).toBe(2);
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => window.shared.length), 'a double tap shares once').toBe(2);

  await page.evaluate(() => (window.closeSheet = true));
  await november.getByRole('button', { name: 'Share' }).click();
  await expect(page.locator('#mc-photos-outcome')).toHaveText('');
  expect(await page.evaluate(() => window.shared.length)).toBe(2);
  expect(downloads, 'a closed sheet saves no copy').toBe(0);
  await expectNoViolations(page, 'photos: share');
});

test('a printed page never shows a photo', async ({ page }) => {
  await openPhotos(page);
  await addPhoto(page, '2026-11-01');
  await addPhoto(page, '2026-11-30');
  const shown = () =>
    page.locator('.mc-photos img').evaluateAll((imgs) => imgs.filter((i) => i.getBoundingClientRect().width > 0).length);
  await expect.poll(shown).toBeGreaterThan(0);
  await page.emulateMedia({ media: 'print' });
  expect(await shown()).toBe(0);
  await page.emulateMedia({ media: 'screen' });
  await expect.poll(shown).toBeGreaterThan(0);
});

test('a photo is deleted on its own, after a confirmation, and stays deleted', async ({ page }) => {
  await openPhotos(page);
  await addPhoto(page, '2026-11-01');
  await addPhoto(page, '2026-11-30');
  const items = page.locator('.mc-photo-item');
  await expect(items).toHaveCount(2);

  const first = items.filter({ hasText: '1 November 2026' });
  await first.getByRole('button', { name: 'Delete' }).click();
  await expect(first.getByText('Delete this photo from this phone?')).toBeFocused();
  await expectNoViolations(page, 'photos: confirm delete');
  // "Keep it" keeps it, and gives the focus back.
  await first.getByRole('button', { name: 'Keep it' }).click();
  await expect(first.getByRole('button', { name: 'Delete' })).toBeFocused();
  await first.getByRole('button', { name: 'Delete' }).click();
  await first.getByRole('button', { name: 'Yes, delete it' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Photo deleted.' })).toBeVisible();
  // The deleted photo's button is gone: focus is on what happened.
  await expect(page.locator('#mc-photos-outcome')).toBeFocused();
  await expect(items).toHaveCount(1);
  await expect(items).toContainText('30 November 2026');

  await page.reload();
  await expect(items).toHaveCount(1);
  expect((await storedPhotos(page)).map((p) => p.record.date)).toEqual(['2026-11-30']);
});

// Issue #21, photos at 375 px: the form started below a nine-line privacy
// note; "Save a copy" and "Delete" stacked under every thumbnail; the delete
// question was squeezed into a half-width cell (six lines, its button on
// three); the compare captions covered the bottom of both photos.
test('on a phone and a wide screen, nothing is squeezed or laid over the photos', async ({ page }) => {
  await seedSession(page);
  await openPhotos(page);
  const box = (locator) => locator.boundingBox();
  // The form starts on the first screen.
  const form = await box(page.getByRole('heading', { name: 'Add a photo' }));
  expect(form.y + form.height, 'the heading of the form within the first 812 px').toBeLessThan(812);
  await addPhoto(page, '2026-10-30');
  await addPhoto(page, '2026-11-30');
  const items = page.locator('.mc-photo-item');
  const stage = page.locator('.mc-compare-stage');
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 800 });
    // Each photo's two buttons side by side, on one line each.
    for (const item of await items.all()) {
      const share = await box(item.getByRole('button', { name: 'Save a copy' }));
      const remove = await box(item.getByRole('button', { name: 'Delete' }));
      expect(Math.abs(share.y - remove.y), `buttons in a row at ${width} px`).toBeLessThan(2);
      expect(remove.height, `"Delete" on one line at ${width} px`).toBeLessThan(56);
    }
    // Both captions below both photos, inside the screen.
    const images = await stage.locator('img').evaluateAll((all) => all.map((i) => i.getBoundingClientRect().bottom));
    for (const caption of await stage.locator('.mc-compare-caption').all()) {
      const c = await box(caption);
      expect(c.y, `caption under the photos at ${width} px`).toBeGreaterThanOrEqual(Math.max(...images) - 1);
      expect(c.x).toBeGreaterThanOrEqual(0);
      expect(c.x + c.width).toBeLessThanOrEqual(width);
    }
  }
  await page.setViewportSize({ width: 375, height: 812 });
  // The delete question takes the row's full width.
  const first = items.first();
  await first.getByRole('button', { name: 'Delete' }).click();
  const question = first.getByText('Delete this photo from this phone?');
  await expect(question).toBeFocused();
  const row = await box(first);
  const confirm = await box(first.locator('.mc-confirm'));
  expect(confirm.width, 'the question as wide as its row').toBeGreaterThan(row.width - 2);
  expect(confirm.x + confirm.width).toBeLessThanOrEqual(375);
  const lines = await question.evaluate((p) => {
    const range = document.createRange();
    range.selectNodeContents(p);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  });
  expect(lines, 'the question on at most three lines (it was six)').toBeLessThanOrEqual(3);
  expect((await box(first.getByRole('button', { name: 'Yes, delete it' }))).height).toBeLessThan(56);
  await expectNoViolations(page, 'photos: delete question at 375 px');
});

test('a file that is not a photo, or a day still to come, is refused with a message and nothing saved', async ({
  page,
}) => {
  await openPhotos(page);
  await page.getByLabel('Day of the photo').fill('2026-12-25');
  await page.getByLabel('Choose a photo from this phone').setInputFiles(FIXTURE);
  await expect(page.getByText('The day of the photo cannot be in the future.')).toBeVisible();
  await expect(page.getByLabel('Day of the photo')).toHaveValue('2026-12-25');

  await page.getByLabel('Day of the photo').fill('2026-11-29');
  await page.getByLabel('Choose a photo from this phone').setInputFiles({
    name: 'notes.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from('not a photo at all'),
  });
  await expect(page.locator('#mc-photos-outcome')).toContainText('This file is not a photo');
  await expect(page.locator('#mc-photos-outcome .mc-error')).toBeVisible();
  expect(await storedPhotos(page)).toEqual([]);
  await expect(page.getByText('No photos yet.')).toBeVisible();
});

test('a browser that keeps no photos says so, and the rest of the app works', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', {
      get() {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      },
    });
  });
  await page.clock.install({ time: NOW });
  await openApp(page, '#/aftercare/photos');
  await expect(page.getByRole('alert')).toContainText(
    'This browser does not let MicroCare keep photos here',
  );
  // Issue #21: said once, why and what cannot be done; not "Nothing was
  // saved" before anything was tried, nor a promise that photos stay here.
  await expect(page.getByRole('alert')).toContainText('so photos cannot be added');
  await expect(page.getByText('Nothing was saved')).toHaveCount(0);
  await expect(page.locator('.mc-photos-private')).toHaveCount(0);
  await expect(page.getByLabel('Choose a photo from this phone')).toHaveCount(0);
  await expectNoViolations(page, 'photos: storage blocked');
  await page.getByRole('link', { name: 'Back to aftercare' }).click();
  await expect(page.getByRole('heading', { name: 'I had a session' })).toBeVisible();
});

test('the aftercare page leads to the photos, before and after a session', async ({ page }) => {
  await page.clock.install({ time: NOW });
  await openApp(page, '#/aftercare');
  await page.getByRole('link', { name: 'Open my photos' }).click();
  await expect(page).toHaveURL(/#\/aftercare\/photos$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Progress photos' })).toBeFocused();
  // The Aftercare tab stays the current section.
  await expect(page.getByRole('link', { name: 'Aftercare', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
});

test('photos added here travel in a backup that includes them, and show in a fresh browser', async ({
  page,
  browser,
  baseURL,
}) => {
  await seedSession(page);
  await openPhotos(page);
  await addPhoto(page, '2026-10-30');
  await addPhoto(page, '2026-11-30');
  await page.getByRole('link', { name: 'Privacy' }).first().click();
  await page.getByRole('checkbox', { name: 'Include my photos' }).check();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download a backup' }).click();
  const file = await (await downloading).path();

  const fresh = await browser.newContext({ baseURL, viewport: { width: 375, height: 812 }, timezoneId: 'Europe/Lisbon' });
  const other = await fresh.newPage();
  const problems = await recordProblems(other, baseURL);
  await other.clock.install({ time: NOW });
  await openApp(other, '#/privacy');
  await other.getByLabel('Restore from a backup file').setInputFiles(file);
  await expect(other.getByRole('status')).toHaveText('Your backup was restored, with its 2 photos.');
  await openApp(other, '#/aftercare/photos');
  await expect(other.locator('.mc-photo-item')).toHaveCount(2);
  // The session came back with them: the later photo still follows it.
  const stage = other.locator('.mc-compare-stage');
  await expect(stage.locator('.mc-compare-later')).toContainText('After session 1 of 3');
  await expect(stage.getByRole('img', { name: 'Face, 30 October 2026' })).toBeVisible();
  await expect
    .poll(() => stage.locator('img').evaluateAll((imgs) => imgs.map((i) => i.naturalWidth)))
    .toEqual([1067, 1067]);
  await expectNoProblems(other, problems);
  await fresh.close();
});
