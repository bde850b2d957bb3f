//! Each treated area's photos, oldest first, as thumbnails with their date
//! and session, the comparison above them, sharing one photo (or saving a
//! copy), and deleting one after a confirmation.
//!
//! Lists are keyed by area and by photo id: adding or deleting a photo
//! leaves the others' elements, an open confirmation and the compare choice
//! as they are.

use super::compare::Compare;
use super::{photo_alt, thumb_src, use_album, PhotoCaptionText};
use crate::core::aftercare::CareText;
use crate::core::area::Area;
use crate::core::i18n::CareKey;
use crate::core::photos::{areas_with_photos, of_area, Photo};
use crate::ui::content::use_words;
use crate::ui::kit::focus::focus_now;
use crate::ui::kit::widgets::{Confirm, Message, Tone};
use leptos::prelude::*;

/// Every area that has photos, in the app's order of areas.
#[component]
pub(super) fn Areas() -> impl IntoView {
    let album = use_album();
    let words = use_words::<CareText>();
    let areas = Memo::new(move |_| {
        album.photos.with(|all| {
            areas_with_photos(all)
                .into_iter()
                .map(|(area, _)| area)
                .collect::<Vec<_>>()
        })
    });
    let unreadable = move || {
        (album.unreadable.get() > 0)
            .then(|| view! { <Message tone=Tone::Info text=words.t(CareKey::PhotosUnreadable)/> })
    };
    view! {
        {unreadable}
        <Show
            when=move || !areas.with(Vec::is_empty)
            fallback=move || view! { <p class="mc-photos-none">{words.t(CareKey::PhotosNone)}</p> }
        >
            <For
                each=move || areas.get()
                key=|area| *area
                children=move |area| view! { <AreaPhotos area/> }
            />
        </Show>
    }
}

/// One area: its name, the comparison, and its photos.
#[component]
fn AreaPhotos(
    /// The area.
    area: Area,
) -> impl IntoView {
    let album = use_album();
    let words = use_words::<CareText>();
    let photos = Memo::new(move |_| {
        album.photos.with(|all| {
            of_area(all, area)
                .into_iter()
                .cloned()
                .collect::<Vec<Photo>>()
        })
    });
    let heading = format!("mc-photos-{area}");
    let labelled_by = heading.clone();
    view! {
        <section class="mc-photos-area" aria-labelledby=labelled_by>
            <h2 id=heading>{words.with(|w| w.area(area).to_string())}</h2>
            <Compare area photos/>
            <ul class="mc-photo-list">
                <For
                    each=move || photos.get()
                    key=|photo| photo.id.clone()
                    children=move |photo| view! { <PhotoItem photo/> }
                />
            </ul>
        </section>
    }
}

/// One photo in a list: its thumbnail, date, session, "Share" (or "Save a
/// copy") and "Delete".
#[component]
fn PhotoItem(
    /// The photo.
    photo: Photo,
) -> impl IntoView {
    let album = use_album();
    let words = use_words::<CareText>();
    let id = photo.id.clone();
    let confirming = {
        let id = id.clone();
        Memo::new(move |_| album.confirming.with(|open| open.as_ref() == Some(&id)))
    };
    let delete_id = format!("mc-photo-delete-{id}");
    let src = thumb_src(album, id.clone());
    let alt = photo_alt(photo.clone());
    let ask = {
        let id = id.clone();
        move |_| {
            album.confirming.set(Some(id.clone()));
            let selector = format!("#mc-photo-confirm-{id}");
            request_animation_frame(move || focus_now(&selector));
        }
    };
    let keep = {
        let selector = format!("#{delete_id}");
        Callback::new(move |()| {
            album.confirming.set(None);
            let selector = selector.clone();
            request_animation_frame(move || focus_now(&selector));
        })
    };
    let delete = {
        let id = id.clone();
        Callback::new(move |()| album.delete(id.clone()))
    };
    let share = {
        let photo = photo.clone();
        move |_| album.share(photo.clone())
    };
    let share_label = if album.shares_files {
        CareKey::PhotosShare
    } else {
        CareKey::PhotosSaveCopy
    };
    let (width, height) = crate::core::photos::scaled_size(
        photo.width,
        photo.height,
        crate::core::photos::THUMB_SIDE,
    );
    let confirm_id = format!("mc-photo-confirm-{id}");
    // Every photo has a "Share" and a "Delete": the caption (its date and
    // session) tells a screen reader which photo each one is for.
    let caption_id = format!("mc-photo-caption-{id}");
    // The thumbnail beside its date and buttons, in a row; a delete
    // question takes the row's full width under them (issue #21: squeezed
    // into a half-width cell it ran to six lines).
    view! {
        <li class="mc-photo-item">
            <img
                class="mc-photo-thumb"
                src=src
                alt=alt
                width=width
                height=height
                decoding="async"
            />
            <div class="mc-photo-body">
                <p class="mc-photo-caption" id=caption_id.clone()>
                    <PhotoCaptionText photo=photo.clone()/>
                </p>
                <Show when=move || !confirming.get()>
                    <div class="mc-photo-actions">
                        <button
                            type="button"
                            class="mc-button mc-button-quiet"
                            aria-describedby=caption_id.clone()
                            on:click=share.clone()
                        >
                            {words.t(share_label)}
                        </button>
                        <button
                            id=delete_id.clone()
                            type="button"
                            class="mc-button mc-button-quiet"
                            aria-describedby=caption_id.clone()
                            on:click=ask.clone()
                        >
                            {words.t(CareKey::PhotosDelete)}
                        </button>
                    </div>
                </Show>
            </div>
            <Show when=move || confirming.get()>
                <Confirm
                    id=confirm_id.clone()
                    question=words.t(CareKey::PhotosDeleteConfirm)
                    yes=words.t(CareKey::PhotosDeleteYes)
                    no=words.t(CareKey::PhotosDeleteNo)
                    on_yes=delete
                    on_no=keep
                />
            </Show>
        </li>
    }
}
