//! The sessions logged, newest first, each with Edit and Remove (after a
//! question in the page, as every deletion); "I had another session"; and
//! the way to the aftercare questions in the FAQ.

use super::{local_time_label, use_care};
use crate::core::aftercare::CareText;
use crate::core::i18n::{CareKey, Key};
use crate::core::plan::numbered_sessions;
use crate::core::route::Route;
use crate::core::schema::Session;
use crate::ui::content::use_words;
use crate::ui::data::use_data;
use crate::ui::i18n::use_i18n;
use crate::ui::kit::focus::focus_now;
use crate::ui::kit::widgets::Confirm;
use leptos::prelude::*;

/// Every session logged, newest first.
#[component]
pub(super) fn History() -> impl IntoView {
    let data = use_data();
    let i18n = use_i18n();
    let state = use_care();
    let words = use_words::<CareText>();
    let sessions = move || {
        data.aftercare.with(|r| {
            numbered_sessions(&r.sessions)
                .into_iter()
                .rev()
                .map(|(_, s)| s.clone())
                .collect::<Vec<_>>()
        })
    };
    view! {
        <h2>{words.t(CareKey::HistoryTitle)}</h2>
        <ul class="mc-care-list mc-history">
            // Keyed by everything shown: a changed session is drawn again.
            <For
                each=sessions
                key=|s| (s.id.clone(), s.end, s.area.clone(), s.note.clone())
                let:session
            >
                <HistoryRow session/>
            </For>
        </ul>
        <p>
            <button
                type="button"
                class="mc-button mc-button-secondary"
                on:click=move |_| state.open_form(None)
            >
                {words.t(CareKey::HistoryAdd)}
            </button>
        </p>
        <p class="mc-hint">
            <a href=Route::FaqEntry("aftercare-overview".into()).href()>{i18n.text(Key::FaqTitle)}</a>
        </p>
    }
}

/// One session: when it ended, the area, the note, and Edit and Remove.
#[component]
fn HistoryRow(
    /// The session.
    session: Session,
) -> impl IntoView {
    let data = use_data();
    let i18n = use_i18n();
    let state = use_care();
    let words = use_words::<CareText>();
    let end = session.end;
    let clock = state.clock;
    let when = move || local_time_label(i18n, clock, end);
    // "Edit: 23 November 2026, 08:30", for a list read aloud.
    let labelled = {
        move |key| {
            let label = words.t(key);
            move || format!("{label}: {}", when())
        }
    };
    let area = format!(" · {}", words.get().stored_area(&session.area));
    let note = (!session.note.is_empty()).then(|| session.note.clone());
    let id = session.id.clone();
    let remove_id = format!("mc-session-remove-{id}");
    let confirm_id = format!("mc-session-confirm-{id}");
    let asking = {
        let id = id.clone();
        Memo::new(move |_| state.removing.with(|open| open.as_ref() == Some(&id)))
    };
    let edit = {
        let session = session.clone();
        move |_| state.open_form(Some(&session))
    };
    let ask = {
        let id = id.clone();
        let confirm = format!("#{confirm_id}");
        move |_| {
            state.removing.set(Some(id.clone()));
            let confirm = confirm.clone();
            request_animation_frame(move || focus_now(&confirm));
        }
    };
    let keep = {
        let remove = format!("#{remove_id}");
        Callback::new(move |()| {
            state.removing.set(None);
            let remove = remove.clone();
            request_animation_frame(move || focus_now(&remove));
        })
    };
    let remove = Callback::new(move |()| {
        let last = data.aftercare.with_untracked(|r| r.sessions.len() == 1);
        if last {
            // The form to log a session shows next: empty.
            state.draft.fill(None);
        }
        state.removing.set(None);
        data.update_aftercare(|r| r.sessions.retain(|s| s.id != id));
        request_animation_frame(|| focus_now("#mc-care-heading"));
    });
    let question = words.fill(CareKey::HistoryConfirmRemove, &[("date", &untrack(when))]);
    view! {
        <li>
            <strong>{when}</strong>
            <span>{area}</span>
            {note.map(|note| view! { <p class="mc-hint">{note}</p> })}
            <Show
                when=move || asking.get()
                fallback={
                    move || view! {
                        <div class="mc-actions">
                            <button
                                type="button"
                                class="mc-button-link"
                                aria-label=labelled(CareKey::HistoryEdit)
                                on:click=edit.clone()
                            >
                                {words.t(CareKey::HistoryEdit)}
                            </button>
                            <button
                                id=remove_id.clone()
                                type="button"
                                class="mc-button-link"
                                aria-label=labelled(CareKey::HistoryRemove)
                                on:click=ask.clone()
                            >
                                {words.t(CareKey::HistoryRemove)}
                            </button>
                        </div>
                    }
                }
            >
                <Confirm
                    id=confirm_id.clone()
                    question=question.clone()
                    yes=words.t(CareKey::HistoryRemoveYes)
                    no=words.t(CareKey::HistoryRemoveNo)
                    on_yes=remove
                    on_no=keep
                />
            </Show>
        </li>
    }
}
