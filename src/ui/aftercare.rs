//! Aftercare: log a session, then see what to avoid now (with countdowns),
//! today's checklist, what to expect, warning signs, the whole timeline, the
//! plan, calendar reminders and the session history.
//!
//! One screen per file: [`form`] ("I had a session"), [`today`], [`timeline`],
//! [`plan`] (with the reminders) and [`history`]. The page keeps its state in
//! [`CareState`], created once at its top, outside what is drawn from the
//! loaded words, so that a language switch changes only the words and a clock
//! tick only the texts that show the time.

mod form;
mod history;
mod plan;
mod timeline;
mod today;

use crate::browser::dates::{format_date, now_millis, BrowserZone};
use crate::browser::notify::{show, Permission};
use crate::core::aftercare::{remaining, reminders, CareText, Remaining};
use crate::core::i18n::Key;
use crate::core::ics::{calendar, Event};
use crate::core::plan::position;
use crate::core::schema::{AftercareRecord, Session};
use crate::core::time::{LocalDateTime, Millis, MINUTE};
use crate::ui::clinic::use_clinic;
use crate::ui::data::use_data;
use crate::ui::focus::focus_now;
use crate::ui::i18n::I18n;
use crate::ui::layout::PageSection;
use crate::ui::lazy::{use_content, ContentPending};
use crate::ui::photos::PhotosLink;
use form::{Draft, SessionForm};
use history::History;
use leptos::either::Either;
use leptos::prelude::*;
use plan::{Plan, Reminders};
use std::sync::Arc;
use timeline::Timeline;
use today::{Nudge, Today};

/// How often the clock ticks: countdowns are said in minutes at the finest.
const TICK: std::time::Duration = std::time::Duration::from_secs(30);

/// Which form is open, if any.
#[derive(Clone, Debug, PartialEq, Eq)]
enum FormMode {
    /// No form: the aftercare of the latest session (or the form to log the
    /// first one, when there is none).
    Closed,
    /// Logging a new session.
    Add,
    /// Changing the session with this id.
    Edit(String),
}

/// The page's state, one signal per concern, shared by its screens.
#[derive(Clone, Copy)]
struct CareState {
    /// The time, ticking every 30 seconds; read only by what shows the time
    /// (directly, or through a `Memo` that changes when what it shows does).
    now: RwSignal<Millis>,
    /// The form open.
    form: RwSignal<FormMode>,
    /// What is being typed into the form.
    draft: Draft,
    /// Why the form's session could not be saved.
    error: RwSignal<Option<Key>>,
    /// A calendar file was just downloaded.
    downloaded: RwSignal<bool>,
    /// The answer to "notify me", once asked.
    notify: RwSignal<Option<Permission>>,
}

impl CareState {
    fn new() -> Self {
        let now = now_millis();
        CareState {
            now: RwSignal::new(now),
            form: RwSignal::new(FormMode::Closed),
            draft: Draft::new(now),
            error: RwSignal::new(None),
            downloaded: RwSignal::new(false),
            notify: RwSignal::new(None),
        }
    }

    /// Opens the form: empty for a new session (`None`), or filled with
    /// `session` to change it.
    fn open_form(self, session: Option<&Session>) {
        self.draft.fill(session, now_millis());
        self.error.set(None);
        self.form.set(match session {
            Some(s) => FormMode::Edit(s.id.clone()),
            None => FormMode::Add,
        });
    }
}

/// The aftercare page: the form to log a session until there is one, then
/// that session's aftercare, plan, reminders and history.
#[component]
pub fn AftercarePage() -> impl IntoView {
    let data = use_data();
    let words = use_content::<CareText>();
    // The same words (by pointer) keep the screens as they are.
    let words = Memo::new_with_compare(move |_| words.get(), words_changed);
    let state = CareState::new();
    follow_the_clock(state, words);

    // The form shows until a session is logged, and while one is added or
    // changed.
    let show_form = Memo::new(move |_| {
        state.form.with(|f| *f != FormMode::Closed)
            || data.aftercare.with(|r| r.sessions.is_empty())
    });
    // Switching between the form and the aftercare moves focus to the new
    // screen's heading (not on the first drawing).
    Effect::new(move |previous: Option<(bool, FormMode)>| {
        let current = (show_form.get(), state.form.get());
        if previous.is_some_and(|p| p != current) {
            request_animation_frame(|| focus_now("#mc-care-heading"));
        }
        current
    });

    let screen = move || match words.get() {
        None => Either::Left(view! { <ContentPending<CareText>/> }),
        Some(text) => Either::Right(if show_form.get() {
            Either::Left(view! { <SessionForm state text/><PhotosLink/> })
        } else {
            Either::Right(view! { <CareView state text/> })
        }),
    };
    view! {
        <PageSection class="mc-page mc-care" title=Key::AftercareTitle intro=Key::AftercareIntro>
            <div class="mc-care-flow">{screen}</div>
        </PageSection>
    }
}

/// Whether the loaded words changed: another language or a new load.
fn words_changed(old: Option<&Option<Arc<CareText>>>, new: Option<&Option<Arc<CareText>>>) -> bool {
    match (old, new) {
        (Some(Some(a)), Some(Some(b))) => !Arc::ptr_eq(a, b),
        (Some(None), Some(None)) => false,
        _ => true,
    }
}

/// The aftercare of the latest session, and everything around it.
#[component]
fn CareView(
    /// The page's state.
    state: CareState,
    /// The aftercare words in the current language.
    text: Arc<CareText>,
) -> impl IntoView {
    view! {
        <Today state text=text.clone()/>
        // What must not wait comes first; the one-time tip after it.
        <Nudge/>
        <PhotosLink/>
        <Timeline now=state.now text=text.clone()/>
        <Plan state text=text.clone()/>
        <Reminders state text=text.clone()/>
        <History state text/>
    }
}

/// Moves the clock every [`TICK`] while the page is open, and shows the
/// in-app notifications that fell due since the last tick, if the person
/// turned them on.
fn follow_the_clock(state: CareState, words: Memo<Option<Arc<CareText>>>) {
    let data = use_data();
    let last_check = std::cell::Cell::new(state.now.get_untracked());
    let tick = move || {
        let current = now_millis();
        state.now.set(current);
        if state.notify.get_untracked() == Some(Permission::Granted) {
            let record = data.aftercare.get_untracked();
            if let (Some(session), Some(text)) = (record.latest(), words.get_untracked()) {
                let clinic = use_clinic();
                let next = position(clinic.plan(), &record.sessions).days_to_next;
                for due in reminders(&clinic.protocol(), session.end, next, &BrowserZone) {
                    if due.at > last_check.get() && due.at <= current {
                        let (title, body) = text.reminder(due.id);
                        show(title, body);
                    }
                }
            }
        }
        last_check.set(current);
    };
    if let Ok(handle) = set_interval_with_handle(tick, TICK) {
        on_cleanup(move || handle.clear());
    }
}

/// "14 March 2027, 14:30" in the person's language (reactive) and time zone.
fn local_time_label(i18n: I18n, moment: Millis) -> String {
    let local = LocalDateTime::at(moment, &BrowserZone);
    format!(
        "{}, {:02}:{:02}",
        format_date(i18n.lang(), local.date),
        local.hour,
        local.minute
    )
}

/// "5 hours", "3 days": the time from `now` until `until`, said plainly.
fn remaining_text(i18n: I18n, now: Millis, until: Millis) -> String {
    match remaining(now, until) {
        Remaining::Minutes(n) => i18n.t(Key::CareTimeMinutes).replace("{n}", &n.to_string()),
        Remaining::Hours(1) => i18n.t(Key::CareTimeHour),
        Remaining::Hours(n) => i18n.t(Key::CareTimeHours).replace("{n}", &n.to_string()),
        Remaining::Days(n) => i18n.t(Key::CareTimeDays).replace("{n}", &n.to_string()),
    }
}

/// The reminders of the latest session as an .ics file; with `only_next`,
/// just the one to book the next session (the same event, so importing both
/// files keeps one).
fn reminders_file(
    record: &AftercareRecord,
    session: &Session,
    text: &CareText,
    only_next: bool,
) -> String {
    let clinic = use_clinic();
    let next = position(clinic.plan(), &record.sessions).days_to_next;
    let events: Vec<Event> = reminders(&clinic.protocol(), session.end, next, &BrowserZone)
        .into_iter()
        .filter(|r| !only_next || r.id == crate::core::aftercare::BOOK_NEXT)
        .map(|r| {
            let (summary, description) = text.reminder(r.id);
            Event {
                uid: format!("{}-{}@microcare", session.id, r.id),
                start: r.at,
                end: r.at + 15 * MINUTE,
                summary: summary.to_string(),
                description: description.to_string(),
            }
        })
        .collect();
    calendar(&events, now_millis())
}
