//! Each treated area's photos, oldest first, as thumbnails with their date
//! and session, the comparison above them, sharing one photo (or saving a
//! copy), and deleting one after a confirmation.
//!
//! Lists are keyed by area and by photo id: adding or deleting a photo
//! leaves the others' elements, an open confirmation and the compare choice
//! as they are.

use super::compare::Compare;
use super::{date_and_place, photo_alt, thumb_src, Album};
use crate::core::aftercare::CareText;
use crate::core::area::Area;
use crate::core::i18n::Key;
use crate::core::photos::{areas_with_photos, of_area, session_label, Photo};
use crate::ui::focus::focus_now;
use crate::ui::i18n::use_i18n;
use crate::ui::widgets::{Confirm, Message, Tone};
use leptos::prelude::*;
use std::sync::Arc;

/// Every area that has photos, in the app's order of areas.
#[component]
pub(super) fn Areas(
    /// The page's state.
    album: Album,
    /// The aftercare words in the current language.
    text: Arc<CareText>,
) -> impl IntoView {
    let i18n = use_i18n();
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
            .then(|| view! { <Message tone=Tone::Info text=Key::CarePhotosUnreadable/> })
    };
    view! {
        {unreadable}
        <Show
            when=move || !areas.with(Vec::is_empty)
            fallback=move || view! { <p class="mc-photos-none">{i18n.text(Key::CarePhotosNone)}</p> }
        >
            <For
                each=move || areas.get()
                key=|area| *area
                children={
                    let text = text.clone();
                    move |area| view! { <AreaPhotos album area text=text.clone()/> }
                }
            />
        </Show>
    }
}

/// One area: its name, the comparison, and its photos.
#[component]
fn AreaPhotos(
    /// The page's state.
    album: Album,
    /// The area.
    area: Area,
    /// The aftercare words in the current language.
    text: Arc<CareText>,
) -> impl IntoView {
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
            <h2 id=heading>{text.area(area).to_string()}</h2>
            <Compare album area photos text=text.clone()/>
            <ul class="mc-photo-list">
                <For
                    each=move || photos.get()
                    key=|photo| photo.id.clone()
                    children={
                        let text = text.clone();
                        move |photo| view! { <PhotoItem album photo text=text.clone()/> }
                    }
                />
            </ul>
        </section>
    }
}

/// A photo's caption text: "30 November 2026" and, when it follows a
/// logged session, "After session 2 of 3".
#[component]
pub(super) fn PhotoCaptionText(
    /// The photo.
    photo: Photo,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let (date, place) = date_and_place(i18n, &photo);
        let session = place.map(|place| i18n.with_locale(|locale| session_label(locale, place)));
        view! {
            <span class="mc-photo-date">{date}</span>
            {session.map(|s| view! { <span class="mc-photo-session">{s}</span> })}
        }
    }
}

/// One photo in a list: its thumbnail, date, session, "Share" (or "Save a
/// copy") and "Delete".
#[component]
fn PhotoItem(
    /// The page's state.
    album: Album,
    /// The photo.
    photo: Photo,
    /// The aftercare words in the current language.
    text: Arc<CareText>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = photo.id.clone();
    let confirming = {
        let id = id.clone();
        Memo::new(move |_| album.confirming.with(|open| open.as_ref() == Some(&id)))
    };
    let delete_id = format!("mc-photo-delete-{id}");
    let src = thumb_src(album, id.clone());
    let alt = photo_alt(i18n, text, photo.clone());
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
        Key::CarePhotosShare
    } else {
        Key::CarePhotosSaveCopy
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
                            {i18n.text(share_label)}
                        </button>
                        <button
                            id=delete_id.clone()
                            type="button"
                            class="mc-button mc-button-quiet"
                            aria-describedby=caption_id.clone()
                            on:click=ask.clone()
                        >
                            {i18n.text(Key::CarePhotosDelete)}
                        </button>
                    </div>
                </Show>
            </div>
            <Show when=move || confirming.get()>
                <Confirm
                    id=confirm_id.clone()
                    question=Key::CarePhotosDeleteConfirm
                    yes=Key::CarePhotosDeleteYes
                    no=Key::CarePhotosDeleteNo
                    on_yes=delete
                    on_no=keep
                />
            </Show>
        </li>
    }
}
