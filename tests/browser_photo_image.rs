//! Re-encoding a photo in Chromium: the stored image has no EXIF (so no GPS
//! position), is upright, at most 1600 px on its longest side, and comes
//! with a small thumbnail. The fixture and how it was made:
//! tests/fixtures/make-gps-photo.py.
#![cfg(target_arch = "wasm32")]

use microcare::browser::photo_image::{prepare, ImageError, STORED_MIME};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// 1800 × 1200 pixels stored with EXIF Orientation 6 (shown 1200 × 1800),
/// a GPS position, a camera make and model.
const GPS_PHOTO: &[u8] = include_bytes!("fixtures/gps-photo.jpg");

fn blob(bytes: &[u8], mime: &str) -> web_sys::Blob {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).unwrap()
}

async fn bytes_of(blob: &web_sys::Blob) -> Vec<u8> {
    let buffer = JsFuture::from(blob.array_buffer()).await.unwrap();
    js_sys::Uint8Array::new(&buffer).to_vec()
}

/// The JPEG segments' markers before the image data (start of scan).
fn jpeg_markers(bytes: &[u8]) -> Vec<u8> {
    assert_eq!(&bytes[..2], &[0xFF, 0xD8], "a JPEG starts with SOI");
    let mut markers = Vec::new();
    let mut at = 2;
    while at + 4 <= bytes.len() && bytes[at] == 0xFF {
        let marker = bytes[at + 1];
        markers.push(marker);
        if marker == 0xDA {
            break;
        }
        let len = usize::from(bytes[at + 2]) << 8 | usize::from(bytes[at + 3]);
        at += 2 + len;
    }
    markers
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The pixel size the browser reads from an encoded image.
async fn decoded_size(blob: &web_sys::Blob) -> (u32, u32) {
    let window = web_sys::window().unwrap();
    let bitmap: web_sys::ImageBitmap =
        JsFuture::from(window.create_image_bitmap_with_blob(blob).unwrap())
            .await
            .unwrap()
            .unchecked_into();
    (bitmap.width(), bitmap.height())
}

#[wasm_bindgen_test]
async fn the_fixture_really_carries_gps_exif() {
    let markers = jpeg_markers(GPS_PHOTO);
    assert!(markers.contains(&0xE1), "APP1 present: {markers:x?}");
    assert!(contains(GPS_PHOTO, b"Exif\0\0"));
    assert!(contains(GPS_PHOTO, b"MicroCare test camera"));
}

#[wasm_bindgen_test]
async fn re_encoding_drops_exif_and_gps_and_keeps_the_photo_upright_and_small() {
    let prepared = prepare(&blob(GPS_PHOTO, "image/jpeg")).await.unwrap();
    let image = bytes_of(&prepared.image).await;
    let thumb = bytes_of(&prepared.thumb).await;
    for (what, bytes) in [("image", &image), ("thumbnail", &thumb)] {
        let markers = jpeg_markers(bytes);
        assert!(
            !markers.contains(&0xE1),
            "{what} has an APP1 segment: {markers:x?}"
        );
        assert!(!contains(bytes, b"Exif"), "{what} has EXIF");
        assert!(
            !contains(bytes, b"MicroCare test camera"),
            "{what} names the camera"
        );
    }
    assert_eq!(prepared.image.type_(), STORED_MIME);
    assert_eq!(prepared.mime, "image/jpeg");
    // Orientation 6 turned upright: portrait, scaled to 1600 px high.
    assert_eq!((prepared.width, prepared.height), (1067, 1600));
    assert_eq!(decoded_size(&prepared.image).await, (1067, 1600));
    assert_eq!(decoded_size(&prepared.thumb).await, (160, 240));
    assert!(thumb.len() < 30_000, "thumbnail of {} bytes", thumb.len());
    assert!(
        thumb.len() * 5 < image.len(),
        "{} vs {}",
        thumb.len(),
        image.len()
    );
}

#[wasm_bindgen_test]
async fn a_small_image_is_not_enlarged() {
    let small = &blob(GPS_PHOTO, "image/jpeg");
    let once = prepare(small).await.unwrap();
    let again = prepare(&once.thumb).await.unwrap();
    assert_eq!((again.width, again.height), (160, 240));
    assert_eq!(decoded_size(&again.image).await, (160, 240));
}

#[wasm_bindgen_test]
async fn a_file_that_is_not_an_image_is_refused_not_a_panic() {
    for (bytes, mime) in [
        (&b"%PDF-1.7 not a photo"[..], "application/pdf"),
        (&b"\xFF\xD8\xFF\xE0 broken jpeg"[..], "image/jpeg"),
        (&b""[..], "image/jpeg"),
    ] {
        let refused = prepare(&blob(bytes, mime)).await;
        assert_eq!(refused.err(), Some(ImageError::NotAnImage), "{mime}");
    }
}
