//! The live camera, for a progress photo taken the same way as the last one.
//!
//! Only what the Photos screen needs: whether the browser offers a camera
//! at all, starting it into a `<video>`, and stopping it. The frame itself
//! is scaled and encoded by [`crate::browser::photo_image::prepare_frame`].
//! Nothing is recorded or sent: the stream goes to the page's own video
//! element and stops when the person takes the photo or leaves.
//!
//! ```no_run
//! # async fn demo(video: web_sys::HtmlVideoElement) {
//! use microcare::browser::camera;
//! if camera::available() {
//!     match camera::start(&video, true).await {
//!         Ok(stream) => camera::stop(&stream),
//!         Err(why) => leptos::logging::warn!("{why:?}"),
//!     }
//! }
//! # }
//! ```

use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlVideoElement, MediaStream, MediaStreamConstraints, MediaStreamTrack};

/// Why the camera did not start. The file picker is the way on in every case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CameraError {
    /// The person (or the browser's settings) refused the camera.
    Denied,
    /// No camera, or none the browser can use now (another app holds it).
    NoCamera,
}

/// Whether the browser can offer a live camera here: `getUserMedia` exists
/// only in a secure context (https or localhost) and where it is allowed.
pub fn available() -> bool {
    web_sys::window()
        .and_then(|w| Reflect::get(&w.navigator(), &"mediaDevices".into()).ok())
        .filter(|devices| !devices.is_undefined())
        .and_then(|devices| Reflect::get(&devices, &"getUserMedia".into()).ok())
        .is_some_and(|f| f.is_function())
}

/// Starts the camera into `video`: the front camera (`selfie`, for the face
/// and neck) or the back one, without sound.
pub async fn start(video: &HtmlVideoElement, selfie: bool) -> Result<MediaStream, CameraError> {
    let devices = web_sys::window()
        .and_then(|w| w.navigator().media_devices().ok())
        .ok_or(CameraError::NoCamera)?;
    let facing = Object::new();
    let mode = if selfie { "user" } else { "environment" };
    let _ = Reflect::set(&facing, &"facingMode".into(), &mode.into());
    let constraints = MediaStreamConstraints::new();
    constraints.set_video(&facing);
    constraints.set_audio(&JsValue::FALSE);
    let promise = devices
        .get_user_media_with_constraints(&constraints)
        .map_err(|_| CameraError::NoCamera)?;
    let stream: MediaStream = JsFuture::from(promise)
        .await
        .map_err(|e| match super::error_name(&e).as_str() {
            "NotAllowedError" | "SecurityError" => CameraError::Denied,
            _ => CameraError::NoCamera,
        })?
        .unchecked_into();
    video.set_src_object(Some(&stream));
    // Muted and inline, or iOS will not play it without a tap.
    video.set_muted(true);
    let _ = video.set_attribute("playsinline", "");
    if let Ok(playing) = video.play() {
        let _ = JsFuture::from(playing).await;
    }
    Ok(stream)
}

/// Stops every track of `stream`: the camera light goes off.
pub fn stop(stream: &MediaStream) {
    for track in stream.get_tracks().iter() {
        track.unchecked_into::<MediaStreamTrack>().stop();
    }
}
