// Taking a progress photo with the live camera (issue #16): the last photo
// of the area shows faintly over the view to line up with, and the camera
// stops once the photo is taken. Chromium's fake camera stands in for the
// phone's: a moving test pattern, allowed without a prompt.
import { test, expect } from './fixtures.mjs';
import { expectNoViolations } from './axe.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';
import { openPhotos, addPhoto, storedPhotos } from './photo-steps.mjs';

test.use({
  timezoneId: 'Europe/Lisbon',
  launchOptions: {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  },
});

test('the camera shows the last photo faintly to line up with, and takes the photo', async ({ page }) => {
  await openPhotos(page);
  await addPhoto(page, '2026-11-01');
  await page.getByLabel('Day of the photo').fill('2026-11-30');
  const camera = page.locator('.mc-camera');
  // Cancel closes the camera and gives the focus back to the form.
  await page.getByRole('button', { name: 'Take a photo with the camera' }).click();
  await expect(camera.getByRole('heading', { name: 'Line up with your last photo' })).toBeFocused();
  // Issue #21: the button that opened the camera goes while it is open.
  await expect(page.getByRole('button', { name: 'Take a photo with the camera' })).toHaveCount(0);
  // The area cannot change under the camera: its last photo is the one shown.
  await expect(page.getByLabel('Treated area')).toBeDisabled();
  await camera.getByRole('button', { name: 'Cancel' }).click();
  await expect(camera).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Add a photo' })).toBeFocused();
  await page.getByRole('button', { name: 'Take a photo with the camera' }).click();
  await expect(camera.getByRole('heading', { name: 'Line up with your last photo' })).toBeFocused();
  await expect(camera).toContainText('Your last photo of this area is shown faintly');
  await expect(page.getByText('same distance (about an arm')).toBeVisible();
  const ghost = camera.locator('.mc-camera-ghost');
  await expect.poll(() => ghost.evaluate((img) => img.naturalWidth)).toBe(1067);
  expect(Number(await ghost.evaluate((img) => getComputedStyle(img).opacity))).toBeLessThan(0.5);
  await expect
    .poll(() => camera.locator('video').evaluate((v) => v.videoWidth))
    .toBeGreaterThan(0);
  await expectNoViolations(page, 'photos: camera open');

  // The live stream, to check it is stopped once the photo is taken.
  await page.evaluate(() => {
    window.__stream = document.querySelector('.mc-camera video').srcObject;
  });
  const tracks = () => page.evaluate(() => window.__stream.getTracks().map((t) => t.readyState));
  expect(await tracks()).toEqual(['live']);
  await camera.getByRole('button', { name: 'Take photo' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Photo saved on this phone.' })).toBeVisible();
  await expect(camera).toHaveCount(0);
  await expect(page.locator('.mc-photo-item')).toHaveCount(2);
  // The camera is off once the photo is taken.
  expect(await tracks()).toEqual(['ended']);
  // Focus goes to what happened: the camera and its button are gone.
  await expect(page.locator('#mc-photos-outcome')).toBeFocused();
  const stored = await storedPhotos(page);
  expect(stored.map((p) => p.record.date).sort()).toEqual(['2026-11-01', '2026-11-30']);
});
