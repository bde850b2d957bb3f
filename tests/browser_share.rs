//! `browser::share` with a photo, in a real browser: the share sheet gets
//! one file with the photo's name, type and bytes; a closed sheet is not an
//! error; a browser whose sheet takes no files says so before the tap, and
//! one that refuses this file fails without sending it anywhere else. Headless Chromium on Linux has no share sheet, so each
//! test puts a stand-in on `navigator` and removes it at the end.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Function, Reflect, Uint8Array};
use microcare::browser::share::{can_share_photos, share_file, Shared};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn jpeg(bytes: &[u8]) -> web_sys::Blob {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/jpeg");
    let parts = Array::of1(&Uint8Array::from(bytes));
    web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).unwrap()
}

fn navigator() -> JsValue {
    web_sys::window().unwrap().navigator().into()
}

/// A share sheet that takes image files and records them in
/// `globalThis.shared`, or fails with the DOMException named `fails_with`.
fn stand_in_sheet(fails_with: &str) {
    let install = Function::new_with_args(
        "navigator, failsWith",
        "globalThis.shared = [];
         navigator.canShare = (data) =>
           !!data && Array.isArray(data.files) && data.files.length > 0 &&
           data.files.every((f) => f.type.startsWith('image/'));
         navigator.share = async (data) => {
           if (failsWith) throw new DOMException('stand-in', failsWith);
           for (const f of data.files) {
             globalThis.shared.push({ name: f.name, type: f.type, bytes: await f.arrayBuffer() });
           }
         };",
    );
    install
        .call2(&JsValue::NULL, &navigator(), &fails_with.into())
        .unwrap();
}

fn remove_sheet() {
    let navigator = navigator();
    Reflect::delete_property(&navigator.clone().into(), &"share".into()).unwrap();
    Reflect::delete_property(&navigator.into(), &"canShare".into()).unwrap();
}

fn shared_files() -> Array {
    Reflect::get(&js_sys::global(), &"shared".into())
        .unwrap()
        .into()
}

#[wasm_bindgen_test]
async fn a_photo_goes_to_the_share_sheet_as_one_named_jpeg() {
    stand_in_sheet("");
    assert!(can_share_photos());
    let outcome = share_file("microcare-face-2026-11-30.jpg", &jpeg(&[0xff, 0xd8, 1, 2])).await;
    let files = shared_files();
    remove_sheet();

    assert_eq!(outcome, Shared::Sheet);
    assert_eq!(files.length(), 1);
    let file = files.get(0);
    let field = |name: &str| Reflect::get(&file, &name.into()).unwrap();
    assert_eq!(field("name"), "microcare-face-2026-11-30.jpg");
    assert_eq!(field("type"), "image/jpeg");
    assert_eq!(
        Uint8Array::new(&field("bytes")).to_vec(),
        [0xff, 0xd8, 1, 2]
    );
}

#[wasm_bindgen_test]
async fn closing_the_share_sheet_is_cancelled_and_saves_nothing() {
    stand_in_sheet("AbortError");
    let outcome = share_file("microcare-face-2026-11-30.jpg", &jpeg(&[0xff, 0xd8])).await;
    remove_sheet();
    assert_eq!(outcome, Shared::Cancelled);
}

/// A share the browser refuses (a second one while the first is open, or
/// a tap it no longer counts) fails: the photo is not saved anywhere else
/// instead, since the person tapped Share, not "Save a copy".
#[wasm_bindgen_test]
async fn a_refused_share_fails_and_goes_nowhere() {
    stand_in_sheet("NotAllowedError");
    let outcome = share_file("microcare-face-2026-11-30.jpg", &jpeg(&[0xff, 0xd8])).await;
    let files = shared_files();
    remove_sheet();
    assert_eq!(outcome, Shared::Failed);
    assert_eq!(files.length(), 0);
}

#[wasm_bindgen_test]
async fn without_a_share_sheet_for_files_the_page_is_told_and_nothing_is_shared() {
    remove_sheet();
    assert!(!can_share_photos());
    let outcome = share_file("microcare-face-2026-11-30.jpg", &jpeg(&[0xff, 0xd8])).await;
    assert_eq!(outcome, Shared::Failed);
}
