//! "I had a session": the form to log a session or change one.
//!
//! What is typed lives in [`Draft`], created with the page: the clock's tick
//! and a language switch leave the fields, their text and the focus alone.

use super::{CareState, FormMode};
use crate::browser::dates::{now_millis, BrowserZone};
use crate::core::aftercare::CareText;
use crate::core::area::Area;
use crate::core::i18n::Key;
use crate::core::schema::Session;
use crate::core::time::{LocalDateTime, Millis, MINUTE};
use crate::ui::data::use_data;
use crate::ui::i18n::use_i18n;
use crate::ui::widgets::{hint_id, set_area, AreaOptions, Field, Message, Tone};
use leptos::prelude::*;
use std::sync::Arc;

/// The longest note kept, in characters.
const NOTE_MAX: usize = 500;

/// The form's fields as typed, one signal each.
#[derive(Clone, Copy)]
pub(super) struct Draft {
    /// When the session ended, as the `datetime-local` control writes it.
    when: RwSignal<String>,
    /// The treated area.
    area: RwSignal<Area>,
    /// The person's note.
    note: RwSignal<String>,
}

impl Draft {
    /// An empty draft: the session ended `now`, on the first area.
    pub(super) fn new(now: Millis) -> Self {
        Draft {
            when: RwSignal::new(local_input(now)),
            area: RwSignal::new(Area::ALL[0]),
            note: RwSignal::new(String::new()),
        }
    }

    /// Fills the fields with `session`, or empties them (ended `now`).
    pub(super) fn fill(self, session: Option<&Session>, now: Millis) {
        self.when.set(local_input(session.map_or(now, |s| s.end)));
        // A session of an area this version does not know: the first area.
        self.area
            .set(session.and_then(|s| s.area.area()).unwrap_or(Area::ALL[0]));
        self.note
            .set(session.map(|s| s.note.clone()).unwrap_or_default());
    }

    /// The session typed, or why it cannot be saved.
    fn read(self, now: Millis) -> Result<(Millis, Area, String), Key> {
        let end = self
            .when
            .with_untracked(|when| LocalDateTime::parse(when))
            .ok_or(Key::CareLogInvalidDate)?
            .to_moment(&BrowserZone);
        if end > now + MINUTE {
            return Err(Key::CareLogFuture);
        }
        let area = self.area.get_untracked();
        let note = self
            .note
            .with_untracked(|note| note.chars().take(NOTE_MAX).collect());
        Ok((end, area, note))
    }
}

/// `moment` as a `datetime-local` value in the person's time zone.
fn local_input(moment: Millis) -> String {
    LocalDateTime::at(moment, &BrowserZone).to_string()
}

/// The form to log a new session, or to change the one being edited.
#[component]
pub(super) fn SessionForm(
    /// The page's state: the draft, the error, the form open.
    state: CareState,
    /// The aftercare words (the areas' names).
    text: Arc<CareText>,
) -> impl IntoView {
    let data = use_data();
    let i18n = use_i18n();
    let CareState {
        now,
        form,
        draft,
        error,
        ..
    } = state;
    let editing = move || form.with(|f| matches!(f, FormMode::Edit(_)));
    let has_sessions = move || data.aftercare.with(|r| !r.sessions.is_empty());

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match draft.read(now_millis()) {
            Err(key) => error.set(Some(key)),
            Ok((end, area, note)) => {
                error.set(None);
                let editing = form.get_untracked();
                data.update_aftercare(|r| match editing {
                    FormMode::Edit(id) => {
                        if let Some(s) = r.sessions.iter_mut().find(|s| s.id == id) {
                            s.end = end;
                            s.area = area.into();
                            s.note = note;
                        }
                    }
                    _ => r.sessions.push(Session {
                        id: format!("s{}", now_millis()),
                        end,
                        area: area.into(),
                        note,
                        plan: None,
                    }),
                });
                form.set(FormMode::Closed);
            }
        }
    };
    let cancel = move |_| {
        error.set(None);
        form.set(FormMode::Closed);
    };

    view! {
        <h2 id="mc-care-heading" tabindex="-1">{i18n.text(Key::CareLogTitle)}</h2>
        <p>{i18n.text(Key::CareLogIntro)}</p>
        // Our own messages, in the person's language and announced, rather
        // than the browser's bubbles for `required` and `max`.
        <form class="mc-form" novalidate on:submit=save>
            <Field id="mc-session-end" label=Key::CareLogWhen>
                // While a date is typed part by part the control's value is
                // empty: writing it back would clear the parts typed so far,
                // so typing updates the draft without writing to the control.
                <input
                    type="datetime-local"
                    id="mc-session-end"
                    required
                    prop:value=move || draft.when.get()
                    on:input:target=move |ev| {
                        draft.when.update_untracked(|when| *when = ev.target().value())
                    }
                    max=move || local_input(now.get())
                    aria-invalid=move || error.get().map(|_| "true")
                    aria-describedby=move || error.get().map(|_| "mc-care-error")
                />
                {move || error.get().map(|text| view! {
                    <Message tone=Tone::Error text id="mc-care-error"/>
                })}
            </Field>
            <Field id="mc-session-area" label=Key::CareLogArea>
                <select
                    id="mc-session-area"
                    on:change:target=move |ev| set_area(draft.area, &ev.target().value())
                >
                    <AreaOptions selected=draft.area words=text.clone()/>
                </select>
            </Field>
            <Field id="mc-session-note" label=Key::CareLogNote hint=Key::CareLogNoteHint>
                <textarea
                    id="mc-session-note"
                    aria-describedby=hint_id("mc-session-note")
                    rows="3"
                    maxlength=NOTE_MAX
                    prop:value=move || draft.note.get()
                    on:input:target=move |ev| draft.note.set(ev.target().value())
                ></textarea>
            </Field>
            <div class="mc-actions">
                <button type="submit" class="mc-button">
                    {move || i18n.t(if editing() { Key::CareLogUpdate } else { Key::CareLogSave })}
                </button>
                <Show when=has_sessions>
                    <button type="button" class="mc-button mc-button-secondary" on:click=cancel>
                        {i18n.text(Key::CareLogCancel)}
                    </button>
                </Show>
            </div>
        </form>
    }
}
