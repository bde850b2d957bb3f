//! The photo store against Chromium's real IndexedDB: save, list, read back,
//! delete one, delete all, a full storage, a blocked database and a browser
//! that gives no IndexedDB at all.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Function, Object, Reflect};
use microcare::browser::photo_store::{estimate, PhotoStore, PhotoStoreError};
use microcare::core::area::Area;
use microcare::core::backup::Backup;
use microcare::core::photos::Photo;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn photo(id: &str, date: &str, area: Area) -> Photo {
    Photo {
        id: id.into(),
        date: date.into(),
        added: 1,
        area,
        session: None,
        width: 4,
        height: 3,
        bytes: 5,
        thumb_bytes: 2,
        mime: "image/jpeg".into(),
    }
}

fn blob(bytes: &[u8]) -> web_sys::Blob {
    let parts = Array::of1(&js_sys::Uint8Array::from(bytes));
    web_sys::Blob::new_with_u8_array_sequence(&parts).unwrap()
}

async fn bytes_of(blob: web_sys::Blob) -> Vec<u8> {
    let buffer = JsFuture::from(blob.array_buffer()).await.unwrap();
    js_sys::Uint8Array::new(&buffer).to_vec()
}

/// A store of its own for each test, emptied first.
async fn fresh(name: &str) -> PhotoStore {
    let store = PhotoStore::open_named(name, 1).await.unwrap();
    store.delete_all().await.unwrap();
    store
}

fn ids(list: &[Photo]) -> Vec<&str> {
    let mut ids: Vec<&str> = list.iter().map(|p| p.id.as_str()).collect();
    ids.sort();
    ids
}

#[wasm_bindgen_test]
async fn saves_lists_and_reads_back_images_and_thumbnails() {
    let store = fresh("mc-test-save").await;
    let first = photo("p1", "2026-11-30", Area::Face);
    let second = Photo {
        session: Some("s1".into()),
        ..photo("p2", "2026-12-28", Area::Neck)
    };
    store
        .save(&first, &blob(b"image"), &blob(b"t1"))
        .await
        .unwrap();
    store
        .save(&second, &blob(b"other"), &blob(b"t2"))
        .await
        .unwrap();
    // A new connection sees what was written: it is on disk, not in memory.
    store.close();
    let store = PhotoStore::open_named("mc-test-save", 1).await.unwrap();
    let list = store.list().await.unwrap();
    assert_eq!(list.unreadable, 0);
    assert_eq!(ids(&list.photos), ["p1", "p2"]);
    assert!(list.photos.contains(&second), "the record comes back whole");
    assert_eq!(bytes_of(store.image("p1").await.unwrap()).await, b"image");
    assert_eq!(bytes_of(store.thumbnail("p2").await.unwrap()).await, b"t2");
    assert_eq!(
        store.image("nope").await.unwrap_err(),
        PhotoStoreError::NotFound
    );
    // Saving the same id again replaces that photo.
    let moved = photo("p1", "2026-11-29", Area::Face);
    store
        .save(&moved, &blob(b"again"), &blob(b"t3"))
        .await
        .unwrap();
    let list = store.list().await.unwrap();
    assert_eq!(list.photos.len(), 2);
    assert!(list.photos.contains(&moved));
    assert_eq!(bytes_of(store.image("p1").await.unwrap()).await, b"again");
}

#[wasm_bindgen_test]
async fn deletes_one_photo_with_its_image_and_thumbnail_then_all() {
    let store = fresh("mc-test-delete").await;
    for id in ["p1", "p2", "p3"] {
        store
            .save(
                &photo(id, "2026-11-30", Area::Face),
                &blob(b"x"),
                &blob(b"y"),
            )
            .await
            .unwrap();
    }
    store.delete("p2").await.unwrap();
    assert_eq!(ids(&store.list().await.unwrap().photos), ["p1", "p3"]);
    assert_eq!(
        store.image("p2").await.unwrap_err(),
        PhotoStoreError::NotFound
    );
    assert_eq!(
        store.thumbnail("p2").await.unwrap_err(),
        PhotoStoreError::NotFound
    );
    // Deleting what is not there is fine.
    store.delete("p2").await.unwrap();
    store.delete_all().await.unwrap();
    assert!(store.list().await.unwrap().photos.is_empty());
    assert_eq!(
        store.thumbnail("p1").await.unwrap_err(),
        PhotoStoreError::NotFound
    );
}

#[wasm_bindgen_test]
async fn an_unreadable_record_is_counted_not_shown() {
    let store = fresh("mc-test-unreadable").await;
    store
        .save(
            &photo("p1", "2026-11-30", Area::Face),
            &blob(b"x"),
            &blob(b"y"),
        )
        .await
        .unwrap();
    // A record no valid photo has (a day that does not exist), written
    // as-is.
    let bad = photo("p2", "2026-02-30", Area::Face);
    store.save(&bad, &blob(b"x"), &blob(b"y")).await.unwrap();
    let list = store.list().await.unwrap();
    assert_eq!(ids(&list.photos), ["p1"]);
    assert_eq!(list.unreadable, 1);
}

/// A full storage cannot be produced on demand in a test browser (Chromium's
/// quota is a share of the whole disk), so `IDBObjectStore.prototype.put`
/// is replaced for the duration of the test by one that throws the
/// DOMException a full storage gives, `QuotaExceededError`, when it is
/// given a Blob: the record of the photo is written first in the same
/// transaction, so the test also proves that the transaction is undone.
#[wasm_bindgen_test]
async fn a_full_storage_is_its_own_error_and_loses_nothing_saved() {
    let store = fresh("mc-test-quota").await;
    let kept = photo("p1", "2026-11-30", Area::Face);
    store
        .save(&kept, &blob(b"kept"), &blob(b"k"))
        .await
        .unwrap();

    let prototype = Reflect::get(&js_sys::global(), &"IDBObjectStore".into())
        .and_then(|c| Reflect::get(&c, &"prototype".into()))
        .unwrap();
    let original = Reflect::get(&prototype, &"put".into()).unwrap();
    let original_put: Function = original.clone().unchecked_into();
    let full = Closure::<dyn Fn(JsValue, JsValue, JsValue) -> Result<JsValue, JsValue>>::new(
        move |this: JsValue, value: JsValue, key: JsValue| {
            if value.is_instance_of::<web_sys::Blob>() {
                let error = web_sys::DomException::new_with_message_and_name(
                    "The quota has been exceeded.",
                    "QuotaExceededError",
                )
                .unwrap();
                return Err(error.into());
            }
            original_put.call2(&this, &value, &key)
        },
    );
    // `put(value, key)` with `this` passed on: a small adapter function.
    let adapter = Function::new_with_args(
        "impl",
        "return function (value, key) { return impl(this, value, key); };",
    )
    .call1(&JsValue::NULL, full.as_ref())
    .unwrap();
    Reflect::set(&prototype, &"put".into(), &adapter).unwrap();
    let refused = store
        .save(
            &photo("p2", "2026-12-01", Area::Face),
            &blob(b"new"),
            &blob(b"n"),
        )
        .await;
    Reflect::set(&prototype, &"put".into(), &original).unwrap();
    drop(full);

    assert_eq!(refused, Err(PhotoStoreError::QuotaExceeded));
    let list = store.list().await.unwrap();
    assert_eq!(list.photos, vec![kept], "the new photo is not half saved");
    assert_eq!(bytes_of(store.image("p1").await.unwrap()).await, b"kept");
}

/// An older connection that does not let go (another tab) blocks an
/// upgrade: the open says so instead of waiting forever, and once the other
/// connection closes, opening works.
#[wasm_bindgen_test]
async fn a_database_held_open_elsewhere_is_reported_blocked() {
    let name = "mc-test-blocked";
    let factory = web_sys::window().unwrap().indexed_db().unwrap().unwrap();
    let delete = factory.delete_database(name).unwrap();
    wait_for(&delete).await;
    // Another tab's connection at version 1, with no versionchange handler.
    let request = factory.open_with_u32(name, 1).unwrap();
    wait_for(&request).await;
    let other: web_sys::IdbDatabase = request.result().unwrap().unchecked_into();

    let blocked = PhotoStore::open_named(name, 2).await;
    assert_eq!(blocked.err(), Some(PhotoStoreError::Blocked));

    other.close();
    let store = PhotoStore::open_named(name, 3).await.unwrap();
    store
        .save(
            &photo("p1", "2026-11-30", Area::Body),
            &blob(b"x"),
            &blob(b"y"),
        )
        .await
        .unwrap();
    assert_eq!(store.list().await.unwrap().photos.len(), 1);
    // A newer database than this build knows is its own error.
    store.close();
    assert_eq!(
        PhotoStore::open_named(name, 1).await.err(),
        Some(PhotoStoreError::Newer)
    );
}

async fn wait_for(request: &web_sys::IdbRequest) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        request.set_onsuccess(Some(&resolve));
    });
    JsFuture::from(promise).await.unwrap();
}

/// Where reading `window.indexedDB` throws (storage blocked by settings,
/// some private modes), opening is a clear error, not a panic.
#[wasm_bindgen_test]
async fn no_indexeddb_is_unavailable_not_a_panic() {
    let window: Object = web_sys::window().unwrap().unchecked_into();
    // `indexedDB` is the global object's own property (or its prototype's):
    // keep its descriptor to put it back exactly.
    let mut owner = window.clone();
    let original = loop {
        let found = Reflect::get_own_property_descriptor(&owner, &"indexedDB".into()).unwrap();
        if !found.is_undefined() {
            break found;
        }
        owner = Reflect::get_prototype_of(&owner).unwrap();
    };
    let descriptor = Object::new();
    let getter = Function::new_with_args(
        "",
        "throw new DOMException('The operation is insecure.', 'SecurityError');",
    );
    Reflect::set(&descriptor, &"get".into(), &getter).unwrap();
    Reflect::set(&descriptor, &"configurable".into(), &true.into()).unwrap();
    Reflect::define_property(&window, &"indexedDB".into(), &descriptor).unwrap();
    let result = PhotoStore::open().await;
    if owner == window {
        Reflect::define_property(&window, &"indexedDB".into(), original.unchecked_ref()).unwrap();
    } else {
        Reflect::delete_property(&window, &"indexedDB".into()).unwrap();
    }
    assert!(
        matches!(result, Err(PhotoStoreError::Unavailable(_))),
        "{:?}",
        result.err()
    );
    assert!(PhotoStore::open_named("mc-test-back", 1).await.is_ok());
}

#[wasm_bindgen_test]
async fn the_storage_estimate_counts_what_is_saved() {
    let store = fresh("mc-test-estimate").await;
    let image = vec![7u8; 500_000];
    store
        .save(
            &photo("p1", "2026-11-30", Area::Face),
            &blob(&image),
            &blob(b"t"),
        )
        .await
        .unwrap();
    let estimate = estimate().await.expect("Chromium gives an estimate");
    assert!(estimate.quota > estimate.usage, "{estimate:?}");
    assert!(estimate.usage >= 500_000.0, "{estimate:?}");
}

/// Export with photos, then import into another (fresh) database: the same
/// photos, records and bytes.
#[wasm_bindgen_test]
async fn photos_go_through_a_backup_file_into_a_fresh_profile() {
    let source = fresh("mc-test-backup-from").await;
    let jpeg = |tail: &[u8]| [&[0xFF, 0xD8, 0xFF, 0xE0][..], tail].concat();
    let first = Photo {
        bytes: 6,
        thumb_bytes: 5,
        ..photo("p1", "2026-11-30", Area::Face)
    };
    let second = Photo {
        bytes: 7,
        thumb_bytes: 4,
        session: Some("s1".into()),
        ..photo("p2", "2026-12-28", Area::Neck)
    };
    source
        .save(&first, &blob(&jpeg(b"ab")), &blob(&jpeg(b"t")))
        .await
        .unwrap();
    source
        .save(&second, &blob(&jpeg(b"abc")), &blob(&jpeg(b"")))
        .await
        .unwrap();

    let mut backup = Backup::new("2026-12-30T10:00:00Z".into());
    let said = backup.len_with_photos(&source.list().await.unwrap().photos);
    for entry in source.backup_photos().await.unwrap() {
        backup.add_photo(entry.photo, entry.image.0, entry.thumb.0);
    }
    let file = backup.to_json();
    assert_eq!(said, file.len() as u64);

    let imported = Backup::parse(&file).unwrap();
    let target = fresh("mc-test-backup-to").await;
    target.restore(&imported.photos).await.unwrap();
    let list = target.list().await.unwrap().photos;
    assert_eq!(ids(&list), ["p1", "p2"]);
    assert!(list.contains(&first) && list.contains(&second));
    assert_eq!(
        bytes_of(target.image("p2").await.unwrap()).await,
        jpeg(b"abc")
    );
    assert_eq!(
        bytes_of(target.thumbnail("p1").await.unwrap()).await,
        jpeg(b"t")
    );
}

/// Opening a database creates it: the Privacy page asks whether the photo
/// database exists first, so that a visit leaves no empty one behind.
#[wasm_bindgen_test]
async fn whether_a_database_exists_is_known_without_creating_it() {
    let name = "mc-test-exists";
    let factory = web_sys::window().unwrap().indexed_db().unwrap().unwrap();
    wait_for(&factory.delete_database(name).unwrap()).await;
    assert_eq!(PhotoStore::exists(name).await, Some(false));
    assert_eq!(
        PhotoStore::exists(name).await,
        Some(false),
        "asking created it"
    );
    PhotoStore::open_named(name, 1).await.unwrap().close();
    assert_eq!(PhotoStore::exists(name).await, Some(true));
}
