//! Turns a picked or captured photo into what MicroCare stores: the image
//! scaled so that its longest side is at most 1600 px and re-encoded as
//! JPEG, and a 240 px thumbnail.
//!
//! Re-encoding draws the pixels on a canvas and encodes the canvas, so
//! nothing of the original file is kept but its pixels: no EXIF block, no
//! GPS position, no camera serial, no embedded preview. The photo is first
//! turned upright from its EXIF orientation (`imageOrientation:
//! "from-image"`), since that tag is dropped with the rest.
//!
//! Nothing here runs before the person adds a photo: it is called from the
//! Photos screen only.
//!
//! ```no_run
//! # async fn demo(file: web_sys::File) {
//! use microcare::browser::photo_image::prepare;
//! match prepare(&file).await {
//!     Ok(prepared) => { /* save prepared.image and prepared.thumb */ }
//!     Err(why) => leptos::logging::warn!("{why}"),
//! }
//! # }
//! ```

use crate::core::photos::{scaled_size, JPEG_QUALITY, MAX_SIDE, THUMB_QUALITY, THUMB_SIDE};
use js_sys::{Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, CanvasRenderingContext2d, HtmlCanvasElement, ImageBitmap};

/// The type every stored image and thumbnail is encoded as: JPEG, which
/// every browser can encode (Safari cannot encode WebP).
pub const STORED_MIME: &str = "image/jpeg";

/// A photo ready to store: its image and thumbnail, and the image's size.
#[derive(Clone, Debug)]
pub struct Prepared {
    pub image: Blob,
    pub thumb: Blob,
    /// Size of `image` in pixels, upright.
    pub width: u32,
    pub height: u32,
    /// The type of `image` and `thumb` ([`STORED_MIME`]).
    pub mime: &'static str,
}

/// Why a file could not be made into a stored photo.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImageError {
    /// The browser could not read the file as an image (not an image, a
    /// damaged one, or a type it cannot decode such as HEIC in Chromium).
    NotAnImage,
    /// The browser could not draw or encode it (no canvas, or out of memory
    /// for a very large image).
    CannotEncode,
}

impl std::fmt::Display for ImageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImageError::NotAnImage => write!(f, "the file is not an image this browser can read"),
            ImageError::CannotEncode => write!(f, "the browser could not re-encode the image"),
        }
    }
}

/// Decodes `file` upright, scales it and re-encodes it, with its thumbnail.
pub async fn prepare(file: &Blob) -> Result<Prepared, ImageError> {
    let bitmap = decode(file).await?;
    let result = encode_both(&bitmap).await;
    bitmap.close();
    result
}

/// Scales and encodes the frame `video` shows now (the live camera), with
/// its thumbnail, as [`prepare`] does for a file.
pub async fn prepare_frame(video: &web_sys::HtmlVideoElement) -> Result<Prepared, ImageError> {
    let window = web_sys::window().ok_or(ImageError::CannotEncode)?;
    let promise = window
        .create_image_bitmap_with_html_video_element(video)
        .map_err(|_| ImageError::CannotEncode)?;
    let bitmap: ImageBitmap = JsFuture::from(promise)
        .await
        .map(JsCast::unchecked_into)
        .map_err(|_| ImageError::CannotEncode)?;
    let result = encode_both(&bitmap).await;
    bitmap.close();
    result
}

/// The file's pixels, turned upright from its EXIF orientation.
async fn decode(file: &Blob) -> Result<ImageBitmap, ImageError> {
    let window = web_sys::window().ok_or(ImageError::CannotEncode)?;
    let options = js_sys::Object::new();
    let _ = Reflect::set(&options, &"imageOrientation".into(), &"from-image".into());
    let promise = window
        .create_image_bitmap_with_blob_and_image_bitmap_options(file, options.unchecked_ref())
        .map_err(|_| ImageError::NotAnImage)?;
    JsFuture::from(promise)
        .await
        .map(JsCast::unchecked_into)
        .map_err(|_| ImageError::NotAnImage)
}

async fn encode_both(bitmap: &ImageBitmap) -> Result<Prepared, ImageError> {
    let (width, height) = scaled_size(bitmap.width(), bitmap.height(), MAX_SIDE);
    let large = canvas(width, height)?;
    draw(&large, |ctx| {
        ctx.draw_image_with_image_bitmap_and_dw_and_dh(
            bitmap,
            0.0,
            0.0,
            f64::from(width),
            f64::from(height),
        )
    })?;
    let (thumb_width, thumb_height) = scaled_size(width, height, THUMB_SIDE);
    let small = canvas(thumb_width, thumb_height)?;
    draw(&small, |ctx| {
        ctx.draw_image_with_html_canvas_element_and_dw_and_dh(
            &large,
            0.0,
            0.0,
            f64::from(thumb_width),
            f64::from(thumb_height),
        )
    })?;
    let image = to_jpeg(&large, JPEG_QUALITY).await;
    let thumb = to_jpeg(&small, THUMB_QUALITY).await;
    // A canvas holds its pixels until it is shrunk: Safari counts canvas
    // memory per page and refuses new canvases past its limit.
    for canvas in [&large, &small] {
        canvas.set_width(0);
        canvas.set_height(0);
    }
    Ok(Prepared {
        image: image?,
        thumb: thumb?,
        width,
        height,
        mime: STORED_MIME,
    })
}

fn canvas(width: u32, height: u32) -> Result<HtmlCanvasElement, ImageError> {
    let canvas: HtmlCanvasElement = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("canvas").ok())
        .ok_or(ImageError::CannotEncode)?
        .unchecked_into();
    canvas.set_width(width);
    canvas.set_height(height);
    Ok(canvas)
}

/// Paints `canvas` white (a JPEG has no transparency), then draws on it
/// with the best smoothing the browser has.
fn draw(
    canvas: &HtmlCanvasElement,
    paint: impl FnOnce(&CanvasRenderingContext2d) -> Result<(), JsValue>,
) -> Result<(), ImageError> {
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .ok_or(ImageError::CannotEncode)?
        .unchecked_into();
    let _ = Reflect::set(&ctx, &"imageSmoothingQuality".into(), &"high".into());
    ctx.set_fill_style_str("#fff");
    ctx.fill_rect(
        0.0,
        0.0,
        f64::from(canvas.width()),
        f64::from(canvas.height()),
    );
    paint(&ctx).map_err(|_| ImageError::CannotEncode)
}

/// The canvas encoded as JPEG at `quality`; `toBlob` calls the promise's
/// own `resolve`, so no Rust closure is needed.
async fn to_jpeg(canvas: &HtmlCanvasElement, quality: f64) -> Result<Blob, ImageError> {
    let mut started = Ok(());
    let promise = Promise::new(&mut |resolve, _reject| {
        started = canvas.to_blob_with_type_and_encoder_options(
            &resolve,
            STORED_MIME,
            &JsValue::from_f64(quality),
        );
    });
    started.map_err(|_| ImageError::CannotEncode)?;
    // `toBlob` gives `null` when the canvas cannot be encoded.
    JsFuture::from(promise)
        .await
        .ok()
        .and_then(|blob| blob.dyn_into::<Blob>().ok())
        .ok_or(ImageError::CannotEncode)
}
