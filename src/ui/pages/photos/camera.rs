//! The live camera, with the area's last photo shown faintly over it to
//! line the new one up with, and the tip on light and distance.
//!
//! The camera starts when this part is shown and stops when it goes (the
//! photo taken, "Cancel", or the page left). The last photo's full image is
//! read only here, and its address released with the part.

use super::{use_album, use_full_image};
use crate::browser::camera::{self, CameraError};
use crate::core::aftercare::CareText;
use crate::core::area::Area;
use crate::core::i18n::CareKey;
use crate::core::photos::{latest_of_area, selfie_area};
use crate::ui::content::use_words;
use crate::ui::kit::focus::focus_now;
use crate::ui::kit::widgets::{Message, Tone};
use leptos::html::Video;
use leptos::prelude::*;
use web_sys::{HtmlVideoElement, MediaStream};

/// The camera view.
#[component]
pub(super) fn Camera(
    /// The area being photographed.
    area: Area,
    /// Called with the video when the person taps "Take photo".
    on_take: Callback<HtmlVideoElement>,
    /// Called when the person cancels.
    on_close: Callback<()>,
) -> impl IntoView {
    let album = use_album();
    let words = use_words::<CareText>();
    let video = NodeRef::<Video>::new();
    let stream = StoredValue::new_local(None::<MediaStream>);
    let failed = RwSignal::new(None::<CareKey>);
    let ready = RwSignal::new(false);
    // The last photo of the area, full size, faintly over the live view.
    let last = album
        .photos
        .with_untracked(|all| latest_of_area(all, area).map(|p| p.id.clone()));
    let has_last = last.is_some();
    let ghost = use_full_image(album, last);
    let selfie = selfie_area(area);
    video.on_load(move |element: HtmlVideoElement| {
        leptos::task::spawn_local(async move {
            match camera::start(&element, selfie).await {
                Ok(started) => match stream.try_set_value(Some(started)) {
                    // Closed while the camera was starting.
                    Some(Some(started)) => camera::stop(&started),
                    _ => {
                        ready.try_set(true);
                    }
                },
                Err(error) => {
                    failed.try_set(Some(match error {
                        CameraError::Denied => CareKey::PhotosCameraDenied,
                        CameraError::NoCamera => CareKey::PhotosCameraNone,
                    }));
                }
            }
        });
    });
    on_cleanup(move || {
        if let Some(Some(started)) = stream.try_get_value() {
            camera::stop(&started);
        }
    });
    Effect::new(|_| request_animation_frame(|| focus_now("#mc-camera-title")));

    let take = move |_| {
        if let Some(element) = video.get_untracked() {
            on_take.run(element);
        }
    };
    let close = move |_| {
        on_close.run(());
        request_animation_frame(|| focus_now("#mc-photos-add-title"));
    };
    let guide = if has_last {
        CareKey::PhotosCameraGhost
    } else {
        CareKey::PhotosCameraFirst
    };
    view! {
        <section class="mc-camera" aria-labelledby="mc-camera-title">
            <h3 id="mc-camera-title" tabindex="-1">{words.t(CareKey::PhotosCameraTitle)}</h3>
            <p>{words.t(guide)}</p>
            {move || failed.get().map(|key| view! { <Message tone=Tone::Error text=words.t(key)/> })}
            <div class="mc-camera-view" class:mc-camera-selfie=selfie>
                <video node_ref=video autoplay muted playsinline></video>
                <img class="mc-camera-ghost" src=ghost alt="" aria-hidden="true"/>
            </div>
            <div class="mc-actions">
                <button
                    type="button"
                    class="mc-button"
                    prop:disabled=Signal::derive(move || !ready.get() || album.busy.get())
                    on:click=take
                >
                    {words.t(CareKey::PhotosCameraTake)}
                </button>
                <button type="button" class="mc-button mc-button-secondary" on:click=close>
                    {words.t(CareKey::PhotosCameraCancel)}
                </button>
            </div>
        </section>
    }
}
