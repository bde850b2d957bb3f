// Progress photos on the Privacy page (issue #16): how much space they use,
// a backup that includes them only when the person ticks it (and says how
// large the file will be), restoring them from a backup into a fresh
// browser, "Delete all my data" deleting them too, and what happens where
// the browser keeps no photos, where its storage is full, and with files
// that are not ours. Photos are stored here directly in IndexedDB, exactly
// as browser::photo_store keeps them: database "microcare-photos" (version
// 1), stores "photos" (the JSON text of a core::photos::Photo), "thumbs" and
// "images" (Blobs), every value under the photo's id.
import { readFile, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { test, expect, openApp, recordProblems, expectNoProblems } from './fixtures.mjs';
import { expectNoViolations } from './axe.mjs';

/** Bytes that pass for a JPEG (its start-of-image marker), different for each `seed`. */
function jpeg(length, seed) {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 31 + seed * 7 + (i >> 8)) & 0xff;
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return bytes;
}

/** A stored photo: its record as core::photos::Photo writes it, its image and thumbnail. */
function photo(id, { bytes, thumb, area = 'face', session = null, date = '2026-11-30', seed = 1 }) {
  return {
    record: {
      id,
      date,
      added: 1796000000000 + seed,
      area,
      session,
      width: 1200,
      height: 1600,
      bytes,
      thumb_bytes: thumb,
      mime: 'image/jpeg',
    },
    image: jpeg(bytes, seed),
    thumb: jpeg(thumb, seed + 100),
  };
}

const sha = (bytes) => createHash('sha256').update(bytes).digest('hex');

// Three photos, 1.15 MB in all: a backup with them is over 1 MB.
const PHOTOS = [
  photo('p1796000000000', { bytes: 412_345, thumb: 15_001, session: 's1796000000000', seed: 1 }),
  photo('p1798400000000', { bytes: 398_765, thumb: 14_321, date: '2026-12-28', seed: 2 }),
  photo('p1798500000000', { bytes: 301_234, thumb: 12_345, area: 'neck', date: '2026-12-29', seed: 3 }),
];
const PHOTO_BYTES = PHOTOS.reduce((sum, p) => sum + p.record.bytes + p.record.thumb_bytes, 0);

/** What IndexedDB should hold for `photos`, as `storedPhotos` reads it. */
const expected = (photos) =>
  Object.fromEntries(
    photos.map((p) => [
      p.record.id,
      {
        record: p.record,
        image: { sha: sha(p.image), size: p.image.length, type: 'image/jpeg' },
        thumb: { sha: sha(p.thumb), size: p.thumb.length, type: 'image/jpeg' },
      },
    ]),
  );

/** An aftercare record with one session, as the storage module saves it. */
const aftercare = (note) => ({
  sessions: [{ id: 's1796000000000', end: 1796000000000, area: 'face', note }],
  ticks: {},
  nudge_done: true,
});

/**
 * Adds `photos` (if any) to the page's IndexedDB in the photo store's
 * format, then returns everything the photo database holds, by id: the
 * records, and each image's and thumbnail's SHA-256, size and type.
 */
function photoDatabase(page, photos = []) {
  const entries = photos.map((p) => ({
    record: p.record,
    image: p.image.toString('base64'),
    thumb: p.thumb.toString('base64'),
  }));
  return page.evaluate(async (entries) => {
    // Opens the photo database as the app does, creating its stores if it is new.
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('microcare-photos', 1);
      request.onupgradeneeded = () => {
        for (const store of ['photos', 'thumbs', 'images']) {
          if (!request.result.objectStoreNames.contains(store)) request.result.createObjectStore(store);
        }
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const done = (tx) =>
      new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onabort = () => reject(tx.error);
      });
    if (entries.length > 0) {
      const blob = (base64) =>
        new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'image/jpeg' });
      const tx = db.transaction(['photos', 'thumbs', 'images'], 'readwrite');
      for (const { record, image, thumb } of entries) {
        tx.objectStore('photos').put(JSON.stringify(record), record.id);
        tx.objectStore('thumbs').put(blob(thumb), record.id);
        tx.objectStore('images').put(blob(image), record.id);
      }
      await done(tx);
    }
    const all = async (store) => {
      const tx = db.transaction(store, 'readonly');
      const keys = tx.objectStore(store).getAllKeys();
      const values = tx.objectStore(store).getAll();
      await done(tx);
      return keys.result.map((key, i) => [key, values.result[i]]);
    };
    const describe = async (blob) => {
      const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
      const sha = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
      return { sha, size: blob.size, type: blob.type };
    };
    const result = {};
    for (const [id, text] of await all('photos')) result[id] = { record: JSON.parse(text) };
    for (const [store, field] of [['images', 'image'], ['thumbs', 'thumb']]) {
      for (const [id, blob] of await all(store)) {
        result[id] = { ...(result[id] ?? {}), [field]: await describe(blob) };
      }
    }
    db.close();
    return result;
  }, entries);
}

const storedPhotos = (page) => photoDatabase(page);

const savedAftercare = (page) =>
  page.evaluate(() => {
    const stored = localStorage.getItem('microcare.aftercare');
    return stored ? JSON.parse(stored).data : null;
  });

const microcareKeys = (page) =>
  page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('microcare.')));

/** Opens the Privacy page with `photos` in IndexedDB and an aftercare record with `note`. */
async function openPrivacyWith(page, photos, note = 'Balm from the clinic') {
  await openApp(page, '#/');
  await page.evaluate(
    (data) => localStorage.setItem('microcare.aftercare', JSON.stringify({ schema: 3, rev: 1, data })),
    aftercare(note),
  );
  await photoDatabase(page, photos);
  await page.goto('#/privacy');
  await page.reload();
  await expect(page.locator('#microcare[data-mc-started]')).toHaveCount(1);
}

/**
 * From the next load on, opening any IndexedDB database throws, as where
 * storage is blocked; with `listing`, so does listing the databases.
 */
function refuseIndexedDb(page, { listing }) {
  return page.addInitScript((listing) => {
    const refused = () => new DOMException('The operation is insecure.', 'SecurityError');
    IDBFactory.prototype.open = function open() {
      throw refused();
    };
    if (listing) IDBFactory.prototype.databases = () => Promise.reject(refused());
  }, listing);
}

/**
 * A size as core::sizes::format_size writes it ("1.2 MB"; `point` is the
 * language's decimal mark), with a plain space for the no-break space.
 */
function formatSize(bytes, point = '.') {
  const units = ['KB', 'MB', 'GB', 'TB'];
  let unit = 1000;
  for (let i = 0; i < units.length; i++) {
    const tenths = Math.floor((bytes + unit / 20) / (unit / 10));
    if (i > 0 && tenths < 100) return `${Math.floor(tenths / 10)}${point}${tenths % 10} ${units[i]}`;
    const whole = Math.floor((bytes + unit / 2) / unit);
    if (whole < 1000 || i === units.length - 1) return `${bytes > 0 ? Math.max(whole, 1) : 0} ${units[i]}`;
    unit *= 1000;
  }
}

/** A size written by the page ("1,3 MB") back in bytes, to compare with the browser's figures. */
function bytesOf(text) {
  const [, number, unit] = text.match(/^([\d.,]+) (KB|MB|GB|TB)$/);
  return Number(number.replace(',', '.')) * 1000 ** (['KB', 'MB', 'GB', 'TB'].indexOf(unit) + 1);
}

/** The text of `locator` with no-break spaces as plain spaces. */
const textOf = async (locator) => (await locator.textContent()).replace(/\u00a0/g, ' ');

/** Downloads a backup with the page's button and returns the file's text and path. */
async function downloadBackup(page, button = 'Download a backup') {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^microcare-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const path = await download.path();
  return { text: await readFile(path, 'utf8'), path };
}

/** A backup file with `photos`, as MicroCare exports one. */
function backupFile(photos, note) {
  return JSON.stringify({
    app: 'microcare',
    schema: 3,
    exported_at: '2026-12-30T10:00:00.000Z',
    records: { aftercare: aftercare(note) },
    photos: photos.map((p) => ({
      photo: p.record,
      image: p.image.toString('base64'),
      thumb: p.thumb.toString('base64'),
    })),
  });
}

const restoreFrom = (page, file, label = 'Restore from a backup file') =>
  page.getByLabel(label).setInputFiles(
    typeof file === 'string' ? file : { name: file.name, mimeType: 'application/json', buffer: file.buffer },
  );

test('photos go in a backup only when ticked, the size said is the file’s, and a fresh browser gets them back', async ({
  page,
  browser,
  baseURL,
}) => {
  await openPrivacyWith(page, PHOTOS);
  const status = page.getByRole('status');

  // What is kept, and the space the photos use.
  await expect(page.getByRole('listitem').filter({ hasText: 'progress photos' })).toHaveText(
    "Your progress photos, if you add any. They are kept in this browser's own storage for websites (IndexedDB), on this device only. Deleting this website's data in your browser's settings deletes them too.",
  );
  const usage = page.locator('#mc-photo-usage');
  expect(formatSize(PHOTO_BYTES)).toBe('1.2 MB');
  const sentence =
    /^Your 3 photos use about 1\.2 MB\. In all, this website uses about (.+) of the (.+) your browser lets it use\.$/;
  await expect.poll(() => textOf(usage)).toMatch(sentence);
  const whole = (await textOf(usage)).match(sentence);
  const [used, quota] = [bytesOf(whole[1]), bytesOf(whole[2])];
  const estimate = await page.evaluate(() => navigator.storage.estimate());
  expect(used).toBeGreaterThanOrEqual(1_000_000);
  expect(used).toBeLessThan(quota);
  expect(Math.abs(quota - estimate.quota) / estimate.quota).toBeLessThan(0.05);

  // The choice, unticked, with the size of the file with photos.
  const include = page.getByRole('checkbox', { name: 'Include my photos' });
  await expect(include).not.toBeChecked();
  const hint = page.locator('#mc-include-photos-hint');
  await expect(include).toHaveAttribute('aria-describedby', 'mc-include-photos-hint');
  const said = (await textOf(hint)).match(
    /^With your 3 photos, the file will be about (.+)\. Anyone who has the file can see the photos: keep it somewhere private\.$/,
  );
  expect(said, await textOf(hint)).not.toBeNull();
  await expectNoViolations(page, 'privacy with photos stored');

  // Unticked: no photos in the file, exactly as before photos existed.
  const plain = await downloadBackup(page);
  const plainBackup = JSON.parse(plain.text);
  expect(Object.keys(plainBackup)).not.toContain('photos');
  expect(plain.text).not.toContain('/9j/');
  expect(plainBackup.records.aftercare.sessions[0].note).toBe('Balm from the clinic');
  await expect(status).toHaveText('Your backup was downloaded.');

  // Ticked: every photo, its image and its thumbnail, byte for byte.
  await include.check();
  await expectNoViolations(page, 'privacy with photos to include ticked');
  const withPhotos = await downloadBackup(page);
  await expect(status).toHaveText('Your backup was downloaded, with your 3 photos.');
  const backup = JSON.parse(withPhotos.text);
  expect(backup.schema).toBe(3);
  expect(backup.records).toEqual(plainBackup.records);
  expect(backup.photos.map((p) => p.photo)).toEqual(expect.arrayContaining(PHOTOS.map((p) => p.record)));
  expect(backup.photos).toHaveLength(3);
  for (const entry of backup.photos) {
    const original = PHOTOS.find((p) => p.record.id === entry.photo.id);
    expect(sha(Buffer.from(entry.image, 'base64'))).toBe(sha(original.image));
    expect(sha(Buffer.from(entry.thumb, 'base64'))).toBe(sha(original.thumb));
  }
  // The size said beforehand is the file's, as the page rounds it.
  const fileBytes = Buffer.byteLength(withPhotos.text);
  expect(fileBytes).toBeGreaterThan(1_000_000);
  expect(said[1]).toBe(formatSize(fileBytes));
  await expectNoViolations(page, 'privacy after a backup with photos');

  // A fresh browser: no photos, no records; the file brings both back.
  const fresh = await browser.newContext({ baseURL, viewport: { width: 375, height: 812 }, hasTouch: true });
  const other = await fresh.newPage();
  const problems = await recordProblems(other, baseURL);
  await openApp(other, '#/privacy');
  await expect(other.getByRole('heading', { level: 1 })).toHaveText('Your privacy');
  await expect(other.locator('#mc-photo-usage')).toHaveCount(0);
  await expect(other.getByRole('checkbox', { name: 'Include my photos' })).toHaveCount(0);
  expect(await storedPhotos(other)).toEqual({});
  await restoreFrom(other, withPhotos.path);
  await expect(other.getByRole('status')).toHaveText('Your backup was restored, with its 3 photos.');
  expect(await storedPhotos(other)).toEqual(expected(PHOTOS));
  expect(await savedAftercare(other)).toEqual(aftercare('Balm from the clinic'));
  await expect(other.locator('#mc-photo-usage')).toContainText('Your 3 photos use about 1.2');
  await expect(other.getByRole('checkbox', { name: 'Include my photos' })).not.toBeChecked();
  // The same file again replaces them: still three, the same.
  await restoreFrom(other, withPhotos.path);
  await expect(other.getByRole('status')).toHaveText('Your backup was restored, with its 3 photos.');
  expect(await storedPhotos(other)).toEqual(expected(PHOTOS));
  await expectNoProblems(other, problems);
  await fresh.close();
});

test('one photo, in Spanish: its space and the file’s size are written as Spanish writes them', async ({ page }) => {
  const one = photo('p1796000000000', { bytes: 1_234_567, thumb: 20_000, seed: 9 });
  await openApp(page, '#/');
  await page.getByRole('combobox').selectOption({ label: 'Español' });
  await openPrivacyWith(page, [one]);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tu privacidad');
  const usage = page.locator('#mc-photo-usage');
  await expect.poll(() => textOf(usage)).toMatch(
    /^Tu foto ocupa unos 1,3 MB\. En total, este sitio web usa unos [\d,]+ (KB|MB|GB) de los [\d,]+ (MB|GB|TB) que tu navegador le permite usar\.$/,
  );
  const hint = await textOf(page.locator('#mc-include-photos-hint'));
  const said = hint.match(/^Con tu foto, el archivo pesará unos (.+)\. Quien tenga el archivo puede ver la foto: guárdalo en un lugar privado\.$/);
  expect(said, hint).not.toBeNull();
  await page.getByRole('checkbox', { name: 'Incluir mis fotos' }).check();
  const file = await downloadBackup(page, 'Descargar una copia de seguridad');
  await expect(page.getByRole('status')).toHaveText('Tu copia de seguridad se descargó, con tu foto.');
  expect(said[1]).toBe(formatSize(Buffer.byteLength(file.text), ','));
  expect(said[1]).toMatch(/^1,\d MB$/);
});

test('"Delete all my data" says it deletes the photos, and leaves none behind', async ({ page }) => {
  await openPrivacyWith(page, PHOTOS);
  await expect(page.locator('#mc-photo-usage')).toBeVisible();
  expect(Object.keys(await storedPhotos(page))).toHaveLength(3);
  await page.getByRole('button', { name: 'Delete all my data' }).click();
  const question = page.getByRole('group', { name: 'Delete everything?' });
  await expect(question).toContainText(
    'Everything MicroCare saved on this device will be removed, your photos too, and this cannot be undone.',
  );
  await question.getByRole('button', { name: 'Yes, delete everything' }).click();
  await expect(page.getByRole('status')).toHaveText('Everything MicroCare saved on this device was deleted.');
  await expect(page.locator('#mc-privacy-outcome')).toBeFocused();
  expect(await storedPhotos(page)).toEqual({});
  expect(await microcareKeys(page)).toEqual([]);
  await expect(page.locator('#mc-photo-usage')).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: 'Include my photos' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your privacy');
  expect(await storedPhotos(page)).toEqual({});
});

test('someone who never kept a photo: the Privacy page and "Delete all my data" leave no photo database', async ({
  page,
}) => {
  await openApp(page, '#/');
  await page.evaluate(
    (data) => localStorage.setItem('microcare.aftercare', JSON.stringify({ schema: 3, rev: 1, data })),
    aftercare('Balm from the clinic'),
  );
  await page.goto('#/privacy');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your privacy');
  await page.getByRole('button', { name: 'Delete all my data' }).click();
  await page
    .getByRole('group', { name: 'Delete everything?' })
    .getByRole('button', { name: 'Yes, delete everything' })
    .click();
  // Shown once the photos were looked for and deleted: both are done.
  await expect(page.getByRole('status')).toHaveText('Everything MicroCare saved on this device was deleted.');
  const names = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
  expect(names).not.toContain('microcare-photos');
});

test('where the browser keeps no photos (IndexedDB blocked): no choice, records still export, import and delete, and the messages say what happened', async ({
  page,
}) => {
  // Blocked as a browser blocks it: opening throws, and so does listing
  // the databases (where a database that does not exist needs no deleting).
  await refuseIndexedDb(page, { listing: true });
  await openApp(page, '#/');
  await page.evaluate(
    (data) => localStorage.setItem('microcare.aftercare', JSON.stringify({ schema: 3, rev: 1, data })),
    aftercare('Kept in localStorage'),
  );
  await page.goto('#/privacy');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your privacy');
  await expect(page.getByRole('listitem').filter({ hasText: 'progress photos' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Download a backup' })).toBeEnabled();
  await expect(page.getByRole('checkbox')).toHaveCount(0);
  await expect(page.locator('#mc-photo-usage')).toHaveCount(0);

  const plain = JSON.parse((await downloadBackup(page)).text);
  expect(Object.keys(plain)).not.toContain('photos');
  expect(plain.records.aftercare.sessions[0].note).toBe('Kept in localStorage');
  await expect(page.getByRole('status')).toHaveText('Your backup was downloaded.');

  await restoreFrom(page, { name: 'with-photos.json', buffer: Buffer.from(backupFile(PHOTOS, 'From the backup')) });
  await expect(page.getByRole('status')).toHaveText(
    'Your backup was restored, but not its photos: this browser does not let MicroCare keep photos (private browsing, or storage blocked in its settings). The photos are still in the backup file.',
  );
  expect((await savedAftercare(page)).sessions[0].note).toBe('From the backup');
  await expectNoViolations(page, 'privacy, photos not restored');

  await page.getByRole('button', { name: 'Delete all my data' }).click();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  await expect(page.getByRole('status')).toHaveText(
    "Your other data was deleted, but MicroCare could not open its photo storage, so photos saved there earlier, if any, are still there. To remove them, delete this website's data in your browser's settings.",
  );
  expect(await microcareKeys(page)).toEqual([]);
});

test('photos kept earlier but their storage will not open now: "Delete all my data" says they are still there, and they are', async ({
  page,
  context,
}) => {
  await openPrivacyWith(page, [PHOTOS[0]], 'Before');
  await expect(page.locator('#mc-photo-usage')).toContainText('Your photo uses about');
  // The browser still lists the photo database but refuses to open it (as
  // after the person blocks storage for this site in its settings).
  await refuseIndexedDb(page, { listing: false });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your privacy');
  await expect(page.locator('#mc-photo-usage')).toHaveCount(0);
  await page.getByRole('button', { name: 'Delete all my data' }).click();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  await expect(page.getByRole('status')).toHaveText(
    "Your other data was deleted, but MicroCare could not open its photo storage, so photos saved there earlier, if any, are still there. To remove them, delete this website's data in your browser's settings.",
  );
  expect(await microcareKeys(page)).toEqual([]);

  // What the message said is true: where the storage opens again, the photo is there.
  const later = await context.newPage();
  await openApp(later, '#/');
  expect(await storedPhotos(later)).toEqual(expected([PHOTOS[0]]));
});

test('a full storage while restoring photos: the records are restored, the photos already here stay, none is half saved', async ({
  page,
}) => {
  await openPrivacyWith(page, [PHOTOS[0]], 'Before the backup');
  await expect(page.locator('#mc-photo-usage')).toContainText('Your photo uses about');
  // From now on the browser refuses to store any image: the disk is full.
  await page.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function full(value, key) {
      if (this.name === 'images') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.call(this, value, key);
    };
  });
  await restoreFrom(page, {
    name: 'two-more.json',
    buffer: Buffer.from(backupFile([PHOTOS[1], PHOTOS[2]], 'From the backup')),
  });
  await expect(page.getByRole('status')).toHaveText(
    'Your backup was restored, but not its photos: there is not enough storage space on this device. The photos you already had here are kept. Free some space, then restore the same file again.',
  );
  expect((await savedAftercare(page)).sessions[0].note).toBe('From the backup');
  expect(await storedPhotos(page)).toEqual(expected([PHOTOS[0]]));
  await expect(page.locator('#mc-photo-usage')).toContainText('Your photo uses about');
});

test('large files that are not a backup with photos, and damaged ones, are refused; nothing changes', async ({
  page,
}, testInfo) => {
  await openPrivacyWith(page, [PHOTOS[0]], 'Before');
  const before = { aftercare: await savedAftercare(page), photos: await storedPhotos(page) };
  expect(Object.keys(before.photos)).toEqual([PHOTOS[0].record.id]);
  const tooLarge = 'This file is too large to be a MicroCare backup. Nothing was changed.';
  const start = '{"app":"microcare","schema":3,"exported_at":"2026-12-30T10:00:00.000Z","records":{}';
  const damaged = JSON.parse(backupFile([PHOTOS[1]], 'Damaged'));
  // An image that is a PNG where the record says JPEG.
  damaged.photos[0].image = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), PHOTOS[1].image.subarray(8)]).toString('base64');
  const huge = testInfo.outputPath('huge.json');
  await writeFile(huge, Buffer.alloc(64_000_001, 0x20));
  // Consecutive cases get different messages, so each message is the new one.
  const cases = [
    ['a 2 MB video', { name: 'clip.mp4', buffer: Buffer.concat([Buffer.from('\0\0\0\x18ftypmp42'), Buffer.alloc(2_000_000, 7)]) }, tooLarge],
    ['a small file of someone else', { name: 'other.json', buffer: Buffer.from('{"hello":"world"}') }, 'This file is not a MicroCare backup. Nothing was changed.'],
    ['a backup over 1 MB without photos', { name: 'padded.json', buffer: Buffer.from(`${start},"pad":"${'x'.repeat(1_200_000)}"}`) }, tooLarge],
    ['a photo that is not what it says', { name: 'damaged.json', buffer: Buffer.from(JSON.stringify(damaged)) }, 'This backup is damaged and cannot be read. Nothing was changed.'],
    ['a backup over 1 MB of many small values', { name: 'values.json', buffer: Buffer.from(`${start},"photos":[${'1,'.repeat(600_000)}1]}`) }, tooLarge],
    ['a newer backup', { name: 'newer.json', buffer: Buffer.from('{"app":"microcare","schema":99,"exported_at":"x","records":{}}') }, 'This backup comes from a newer version of MicroCare.'],
    ['a file over 64 MB', huge, tooLarge],
  ];
  for (const [what, file, message] of cases) {
    await restoreFrom(page, file);
    await expect(page.getByRole('status'), what).toContainText(message);
    expect(await savedAftercare(page), what).toEqual(before.aftercare);
    expect(await storedPhotos(page), what).toEqual(before.photos);
  }
  await expectNoViolations(page, 'privacy, large file refused');
});

test('photos too many or too large for one backup are never put in a file the app would refuse', async ({
  page,
}) => {
  // Seventeen photos said to be 3.9 MB each: about 88 MB as base64, over the
  // 64 MB a backup with photos may be. Only their records are read here.
  const big = Array.from({ length: 17 }, (_, i) => {
    const small = photo(`p${1796000000000 + i}`, { bytes: 1_000, thumb: 100, seed: i + 1 });
    return { ...small, record: { ...small.record, bytes: 3_900_000 } };
  });
  await openPrivacyWith(page, big);
  const include = page.getByRole('checkbox', { name: 'Include my photos' });
  await expect(page.locator('#mc-include-photos-hint')).toHaveText(
    /^Your photos are too many or too large for one backup file \(at most 500 photos and 64 MB\)/,
  );
  await include.check();
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.getByRole('button', { name: 'Download a backup' }).click();
  await expect(page.getByRole('status')).toContainText('Download the backup without photos');
  await page.waitForTimeout(300);
  expect(downloads).toBe(0);
  // Without photos, the backup is still there to take.
  await include.uncheck();
  await downloadBackup(page);
  await expect(page.getByRole('status')).toHaveText('Your backup was downloaded.');
});
