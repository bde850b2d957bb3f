// Steps the photo tests share: the clock, a logged session, opening the
// Photos page, adding the fixture photo, and reading what IndexedDB holds.
import { expect, openApp } from './fixtures.mjs';

export const FIXTURE = 'tests/fixtures/gps-photo.jpg';
// Monday 30 November 2026, 10:30 in Lisbon.
export const NOW = new Date('2026-11-30T10:30:00Z');

/** A session that ended on 2 November 2026, saved as the app saves it. */
export async function seedSession(page) {
  await page.addInitScript(() => {
    if (localStorage.getItem('microcare.aftercare')) return;
    const session = { id: 's1', end: Date.parse('2026-11-02T11:00:00Z'), area: 'face', note: '' };
    localStorage.setItem(
      'microcare.aftercare',
      JSON.stringify({ schema: 3, rev: 1, data: { sessions: [session], ticks: {} } }),
    );
  });
}

export async function openPhotos(page) {
  await page.clock.install({ time: NOW });
  await openApp(page, '#/aftercare/photos');
  await expect(page.getByRole('heading', { name: 'Add a photo' })).toBeVisible();
}

/** Adds the fixture photo for `day` (YYYY-MM-DD) through the file picker. */
export async function addPhoto(page, day) {
  if (day) await page.getByLabel('Day of the photo').fill(day);
  await page.getByLabel('Choose a photo from this phone').setInputFiles(FIXTURE);
  await expect(page.getByRole('status').filter({ hasText: 'Photo saved on this phone.' })).toBeVisible();
}

/** What IndexedDB holds: each photo's record and its stored image bytes. */
export const storedPhotos = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('microcare-photos');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('photos')) return resolve([]);
          const tx = db.transaction(['photos', 'images', 'thumbs'], 'readonly');
          const records = tx.objectStore('photos').getAll();
          const images = tx.objectStore('images').getAll();
          const thumbs = tx.objectStore('thumbs').getAll();
          tx.oncomplete = async () => {
            const bytes = async (blob) => Array.from(new Uint8Array(await blob.arrayBuffer()));
            const out = [];
            for (let i = 0; i < records.result.length; i++) {
              out.push({
                record: JSON.parse(records.result[i]),
                image: await bytes(images.result[i]),
                thumb: await bytes(thumbs.result[i]),
              });
            }
            db.close();
            resolve(out);
          };
        };
      }),
  );

/** Whether JPEG bytes hold an EXIF segment (APP1 "Exif") or GPS tags. */
export function hasExif(bytes) {
  const text = Buffer.from(bytes).toString('latin1');
  return text.includes('Exif') || text.includes('GPS');
}
