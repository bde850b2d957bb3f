//! The sessions logged, newest first, each with Edit and Remove; "I had
//! another session"; and the way to the aftercare questions in the FAQ.

use super::{local_time_label, CareState};
use crate::core::aftercare::CareText;
use crate::core::i18n::Key;
use crate::core::route::Route;
use crate::core::schema::Session;
use crate::ui::data::use_data;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;
use std::sync::Arc;

/// Every session logged, newest first.
#[component]
pub(super) fn History(
    /// The page's state (to open the form).
    state: CareState,
    /// The aftercare words (the areas' names).
    text: Arc<CareText>,
) -> impl IntoView {
    let data = use_data();
    let i18n = use_i18n();
    let sessions = move || {
        let mut sessions = data.aftercare.with(|r| r.sessions.clone());
        // Stable: sessions that ended at the same moment keep their order.
        sessions.sort_by_key(|s| std::cmp::Reverse(s.end));
        sessions
    };
    let words = StoredValue::new(text);
    view! {
        <h2>{i18n.text(Key::CareHistoryTitle)}</h2>
        <ul class="mc-care-list mc-history">
            // Keyed by everything shown: a changed session is drawn again.
            <For
                each=sessions
                key=|s| (s.id.clone(), s.end, s.area.clone(), s.note.clone())
                let:session
            >
                <HistoryRow session state text=words.get_value()/>
            </For>
        </ul>
        <p>
            <button
                type="button"
                class="mc-button mc-button-secondary"
                on:click=move |_| state.open_form(None)
            >
                {i18n.text(Key::CareHistoryAdd)}
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
    /// The page's state (to open the form).
    state: CareState,
    /// The aftercare words (the area's name).
    text: Arc<CareText>,
) -> impl IntoView {
    let data = use_data();
    let i18n = use_i18n();
    let end = session.end;
    let when = move || local_time_label(i18n, end);
    // "Edit: 23 November 2026, 08:30", for a list read aloud.
    let labelled = move |key| move || format!("{}: {}", i18n.t(key), when());
    let area = format!(" · {}", text.stored_area(&session.area));
    let note = (!session.note.is_empty()).then(|| session.note.clone());
    let id = StoredValue::new(session.id.clone());
    let edit = {
        let session = session.clone();
        move |_| state.open_form(Some(&session))
    };
    let remove = move |_| {
        let question = i18n
            .t_untracked(Key::CareHistoryConfirmRemove)
            .replace("{date}", &untrack(when));
        if window().confirm_with_message(&question).unwrap_or(false) {
            let id = id.get_value();
            let last = data.aftercare.with_untracked(|r| r.sessions.len() == 1);
            if last {
                // The form to log a session shows next: empty.
                state.draft.fill(None, crate::browser::dates::now_millis());
            }
            data.update_aftercare(|r| r.sessions.retain(|s| s.id != id));
        }
    };
    view! {
        <li>
            <strong>{when}</strong>
            <span>{area}</span>
            {note.map(|note| view! { <p class="mc-hint">{note}</p> })}
            <div class="mc-actions">
                <button
                    type="button"
                    class="mc-button-link"
                    aria-label=labelled(Key::CareHistoryEdit)
                    on:click=edit
                >
                    {i18n.text(Key::CareHistoryEdit)}
                </button>
                <button
                    type="button"
                    class="mc-button-link"
                    aria-label=labelled(Key::CareHistoryRemove)
                    on:click=remove
                >
                    {i18n.text(Key::CareHistoryRemove)}
                </button>
            </div>
        </li>
    }
}
