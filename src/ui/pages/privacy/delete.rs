//! "Delete everything": the records and the photos, after a question asked
//! in the page.

use super::{use_privacy, Outcome, PhotoFault};
use crate::browser::photo_store::{PhotoStore, DB_NAME};
use crate::core::i18n::Key;
use crate::ui::data::use_data;
use crate::ui::i18n::use_i18n;
use crate::ui::kit::focus::focus_now;
use crate::ui::kit::widgets::Confirm;
use leptos::either::Either;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The button, or in its place the question and its two answers.
#[component]
pub(super) fn DeletePart() -> impl IntoView {
    let data = use_data();
    let i18n = use_i18n();
    let state = use_privacy();
    let confirming = state.confirming;
    let ask = move |_| {
        confirming.set(true);
        request_animation_frame(|| focus_now("#mc-delete-confirm-title"));
    };
    let keep = Callback::new(move |()| {
        confirming.set(false);
        request_animation_frame(|| focus_now("#mc-delete-start"));
    });
    let delete = Callback::new(move |()| {
        confirming.set(false);
        state.include_photos.set(false);
        state.busy.set(true);
        state.announce(Outcome::Working);
        spawn_local(async move {
            // Where a photo database exists, its tools are fetched before
            // anything is deleted: if they cannot be, nothing is.
            let tools = if PhotoStore::exists(DB_NAME).await == Some(false) {
                None
            } else if let Some(tools) = state.load_tools().await {
                Some(tools)
            } else {
                state.busy.try_set(false);
                state.announce(Outcome::Unavailable);
                return;
            };
            data.delete_all();
            let result = match tools {
                None => Outcome::Deleted,
                Some(tools) => match (tools.delete_photos)().await {
                    Ok(()) => Outcome::Deleted,
                    Err(error) => Outcome::PhotosNotDeleted(PhotoFault::of(&error)),
                },
            };
            state.busy.try_set(false);
            state.announce(result);
            state.look_at_photos();
        });
    });
    let part = move || {
        if confirming.get() {
            Either::Left(view! {
                <Confirm
                    id="mc-delete-confirm-title".to_string()
                    question=Key::PrivacyDeleteConfirmTitle
                    detail=Key::PrivacyDeleteConfirmText
                    yes=Key::PrivacyDeleteConfirm
                    no=Key::PrivacyDeleteCancel
                    on_yes=delete
                    on_no=keep
                />
            })
        } else {
            Either::Right(view! {
                <p>
                    <button
                        id="mc-delete-start"
                        type="button"
                        class="mc-button mc-button-danger"
                        disabled=state.busy
                        on:click=ask
                    >
                        {i18n.text(Key::PrivacyDelete)}
                    </button>
                </p>
            })
        }
    };
    view! {
        <h2>{i18n.text(Key::PrivacyDeleteTitle)}</h2>
        <p>{i18n.text(Key::PrivacyDeleteText)}</p>
        {part}
    }
}
