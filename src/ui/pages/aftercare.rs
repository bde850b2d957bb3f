//! Aftercare: log a session, then see what to avoid now (with countdowns),
//! today's checklist, what to expect, warning signs, the whole timeline, the
//! plan, calendar reminders and the session history.
//!
//! One screen per file: [`form`] ("I had a session"), [`today`], [`timeline`],
//! [`plan`] (with the reminders) and [`history`]. The page keeps its state in
//! [`CareState`], created once when the page opens and provided to its
//! screens, outside what is drawn from the loaded words, so that a language
//! switch changes only the words and a clock tick only the texts that show
//! the time.

mod form;
mod history;
mod plan;
mod timeline;
mod today;

use crate::browser::notify::{show, Permission};
use crate::core::aftercare::{remaining, reminders, CareText, Remaining, BOOK_NEXT};
use crate::core::dates::DateStyle;
use crate::core::i18n::{CareKey, Key};
use crate::core::ics::{calendar, Event};
use crate::core::plan::position;
use crate::core::route::Route;
use crate::core::schema::{AftercareRecord, Session};
use crate::core::time::{Millis, MINUTE};
use crate::ui::clinic::{use_clinic, ClinicSetup};
use crate::ui::content::{use_section, use_words, SectionData, SectionView, Words};
use crate::ui::data::use_data;
use crate::ui::env::{tick_clock, use_clock, Clock};
use crate::ui::i18n::I18n;
use crate::ui::kit::focus::focus_now;
use crate::ui::kit::layout::PageSection;
use form::{Draft, SessionForm};
use history::History;
use leptos::either::Either;
use leptos::prelude::*;
use plan::{Plan, Reminders};
use timeline::Timeline;
use today::{Nudge, Today};

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

/// The page's state, one signal per concern, provided to its screens.
#[derive(Clone, Copy)]
struct CareState {
    /// The app's clock, ticking every 30 seconds while the page is open;
    /// read only by what shows the time (directly, or through a `Memo`
    /// that changes when what it shows does).
    clock: Clock,
    /// The form open.
    form: RwSignal<FormMode>,
    /// What is being typed into the form.
    draft: Draft,
    /// Why the form's session could not be saved.
    error: RwSignal<Option<CareKey>>,
    /// A calendar file was just downloaded.
    downloaded: RwSignal<bool>,
    /// The answer to "notify me", once asked.
    notify: RwSignal<Option<Permission>>,
    /// The session whose "Remove this session?" is open.
    removing: RwSignal<Option<String>>,
}

impl CareState {
    fn new() -> Self {
        let clock = use_clock();
        CareState {
            clock,
            form: RwSignal::new(FormMode::Closed),
            draft: Draft::new(clock),
            error: RwSignal::new(None),
            downloaded: RwSignal::new(false),
            notify: RwSignal::new(None),
            removing: RwSignal::new(None),
        }
    }

    /// Opens the form: empty for a new session (`None`), or filled with
    /// `session` to change it.
    fn open_form(self, session: Option<&Session>) {
        self.draft.fill(session);
        self.error.set(None);
        self.form.set(match session {
            Some(s) => FormMode::Edit(s.id.clone()),
            None => FormMode::Add,
        });
    }
}

fn use_care() -> CareState {
    expect_context::<CareState>()
}

/// The aftercare page: the form to log a session until there is one, then
/// that session's aftercare, plan, reminders and history.
#[component]
pub fn AftercarePage() -> impl IntoView {
    let data = use_data();
    let state = CareState::new();
    provide_context(state);
    let section = use_section::<CareText>();
    follow_the_clock(state, section);

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

    let screen = move || {
        if show_form.get() {
            Either::Left(view! { <SessionForm/><PhotosLink/> })
        } else {
            Either::Right(view! { <CareView/> })
        }
    };
    view! {
        <PageSection class="mc-page mc-care" title=Key::AftercareTitle intro=Key::AftercareIntro>
            <div class="mc-care-flow">
                <SectionView<CareText> section>{screen}</SectionView<CareText>>
            </div>
        </PageSection>
    }
}

/// The aftercare of the latest session, and everything around it.
#[component]
fn CareView() -> impl IntoView {
    view! {
        <Today/>
        // What must not wait comes first; the one-time tip after it.
        <Nudge/>
        <PhotosLink/>
        <Timeline/>
        <Plan/>
        <Reminders/>
        <History/>
    }
}

/// The link to the Photos page, before and after a session.
#[component]
fn PhotosLink() -> impl IntoView {
    let words = use_words::<CareText>();
    view! {
        <section class="mc-photos-link" aria-labelledby="mc-photos-link-title">
            <h2 id="mc-photos-link-title">{words.t(CareKey::PhotosLink)}</h2>
            <p>{words.t(CareKey::PhotosLinkText)}</p>
            <p>
                <a class="mc-button mc-button-secondary" href=Route::Photos.href()>
                    {words.t(CareKey::PhotosOpen)}
                </a>
            </p>
        </section>
    }
}

/// Moves the clock while the page is open, and shows the in-app
/// notifications that fell due since the last tick, if the person turned
/// them on.
fn follow_the_clock(state: CareState, words: SectionData<CareText>) {
    let data = use_data();
    let clinic = use_clinic();
    let clock = state.clock;
    tick_clock(clock);
    Effect::new(move |last: Option<Millis>| {
        let now = clock.now.get();
        let granted = state.notify.get_untracked() == Some(Permission::Granted);
        if let (Some(last), true) = (last, granted) {
            let record = data.aftercare.get_untracked();
            if let (Some(session), Some(text)) = (record.latest(), words.get_untracked()) {
                let next = position(clinic.plan, &record.sessions).days_to_next;
                for due in reminders(&clinic.protocol, session.end, next, &clock.zone()) {
                    if due.at > last && due.at <= now {
                        let (title, body) = text.reminder(due.id);
                        show(title, body);
                    }
                }
            }
        }
        now
    });
}

/// "14 March 2027, 14:30" in the person's language (reactive) and time zone.
fn local_time_label(i18n: I18n, clock: Clock, moment: Millis) -> String {
    let local = clock.local(moment);
    format!(
        "{}, {:02}:{:02}",
        i18n.date(local.date, DateStyle::Date),
        local.hour,
        local.minute
    )
}

/// "5 hours", "3 days": the time from `now` until `until`, said plainly.
fn remaining_text(words: Words<CareText>, now: Millis, until: Millis) -> String {
    let (key, n) = match remaining(now, until) {
        Remaining::Minutes(n) => (CareKey::TimeMinutes, n),
        Remaining::Hours(n) => (CareKey::TimeHours, n),
        Remaining::Days(n) => (CareKey::TimeDays, n),
    };
    words.count(key, n.max(0) as u64, &[])
}

/// The reminders of the latest session as an .ics file; with `only_next`,
/// just the one to book the next session (the same event, so importing both
/// files keeps one).
fn reminders_file(
    clinic: &ClinicSetup,
    clock: Clock,
    record: &AftercareRecord,
    session: &Session,
    text: &CareText,
    only_next: bool,
) -> String {
    let next = position(clinic.plan, &record.sessions).days_to_next;
    let events: Vec<Event> = reminders(&clinic.protocol, session.end, next, &clock.zone())
        .into_iter()
        .filter(|r| !only_next || r.id == BOOK_NEXT)
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
    calendar(&events, clock.now.get_untracked())
}
