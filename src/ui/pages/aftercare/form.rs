//! "I had a session": the form to log a session or change one.
//!
//! What is typed lives in [`Draft`], created with the page: the clock's tick
//! and a language switch leave the fields, their text and the focus alone.

use super::{use_care, CareState, FormMode};
use crate::core::aftercare::CareText;
use crate::core::area::Area;
use crate::core::i18n::CareKey;
use crate::core::schema::Session;
use crate::core::time::{LocalDateTime, Millis, MINUTE};
use crate::ui::content::use_words;
use crate::ui::data::use_data;
use crate::ui::env::Clock;
use crate::ui::kit::widgets::{
    hint_id, set_area, AreaOptions, DateField, DateKind, Field, Message, Tone,
};
use leptos::prelude::*;

/// The longest note kept, in characters.
const NOTE_MAX: usize = 500;

/// The form's fields as typed, one signal each.
#[derive(Clone, Copy)]
pub(super) struct Draft {
    /// The clock: a new session ended now.
    clock: Clock,
    /// When the session ended, as the `datetime-local` control writes it.
    when: RwSignal<String>,
    /// The treated area.
    area: RwSignal<Area>,
    /// The person's note.
    note: RwSignal<String>,
}

impl Draft {
    /// An empty draft: the session ended now, on the first area.
    pub(super) fn new(clock: Clock) -> Self {
        Draft {
            clock,
            when: RwSignal::new(clock.local(clock.now.get_untracked()).to_string()),
            area: RwSignal::new(Area::ALL[0]),
            note: RwSignal::new(String::new()),
        }
    }

    /// Fills the fields with `session`, or empties them (ended now).
    pub(super) fn fill(self, session: Option<&Session>) {
        let now = crate::browser::dates::now_millis();
        let end = session.map_or(now, |s| s.end);
        self.when.set(self.clock.local(end).to_string());
        // A session of an area this version does not know: the first area.
        self.area
            .set(session.and_then(|s| s.area.area()).unwrap_or(Area::ALL[0]));
        self.note
            .set(session.map(|s| s.note.clone()).unwrap_or_default());
    }

    /// The session typed, or why it cannot be saved.
    fn read(self, now: Millis) -> Result<(Millis, Area, String), CareKey> {
        let end = self
            .when
            .with_untracked(|when| LocalDateTime::parse(when))
            .ok_or(CareKey::LogInvalidDate)?
            .to_moment(&self.clock.zone());
        if end > now + MINUTE {
            return Err(CareKey::LogFuture);
        }
        let area = self.area.get_untracked();
        let note = self
            .note
            .with_untracked(|note| note.chars().take(NOTE_MAX).collect());
        Ok((end, area, note))
    }
}

/// The form to log a new session, or to change the one being edited.
#[component]
pub(super) fn SessionForm() -> impl IntoView {
    let data = use_data();
    let text = use_words::<CareText>();
    let CareState {
        clock,
        form,
        draft,
        error,
        ..
    } = use_care();
    let editing = move || form.with(|f| matches!(f, FormMode::Edit(_)));
    let has_sessions = move || data.aftercare.with(|r| !r.sessions.is_empty());

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let now = crate::browser::dates::now_millis();
        match draft.read(now) {
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
                        id: format!("s{now}"),
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

    let error_text = { move || error.get().map(|key| text.t(key)) };
    view! {
        <h2 id="mc-care-heading" tabindex="-1">{text.t(CareKey::LogTitle)}</h2>
        <p>{text.t(CareKey::LogIntro)}</p>
        // Our own messages, in the person's language and announced, rather
        // than the browser's bubbles for `required` and `max`.
        <form class="mc-form" novalidate on:submit=save>
            <DateField
                id="mc-session-end"
                kind=DateKind::DateTime
                label=text.t(CareKey::LogWhen)
                value=draft.when
                max=Signal::derive(move || Some(clock.local(clock.now.get()).to_string()))
                invalid=Signal::derive(move || error.get().is_some())
                described_by=Signal::derive(move || error.get().map(|_| "mc-care-error".to_string()))
            >
                {move || error_text().map(|text| view! {
                    <Message tone=Tone::Error text id="mc-care-error"/>
                })}
            </DateField>
            <Field id="mc-session-area" label=text.t(CareKey::LogArea)>
                <select
                    id="mc-session-area"
                    on:change:target=move |ev| set_area(draft.area, &ev.target().value())
                >
                    <AreaOptions selected=draft.area/>
                </select>
            </Field>
            <Field id="mc-session-note" label=text.t(CareKey::LogNote) hint=text.t(CareKey::LogNoteHint)>
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
                    {
                        move || text.t(if editing() { CareKey::LogUpdate } else { CareKey::LogSave }).to_string()
                    }
                </button>
                <Show when=has_sessions>
                    <button type="button" class="mc-button mc-button-secondary" on:click=cancel>
                        {text.t(CareKey::LogCancel)}
                    </button>
                </Show>
            </div>
        </form>
    }
}
