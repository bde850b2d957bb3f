//! Today: what to avoid now and for how long, today's checklist, what to
//! expect, the warning signs with the clinic's contact actions; and the
//! one-time Home Screen and backup tip.
//!
//! Each list is a `Memo` of the steps that apply at this moment, so a clock
//! tick changes a list only when a step starts or ends; the countdowns are
//! the only texts that follow every tick. Rows are keyed by step: a checkbox
//! stays the same element (and keeps the focus) when it is ticked.

use super::{remaining_text, CareState};
use crate::browser::dates::{format_date, BrowserZone};
use crate::core::aftercare::{checklist, schedule, CareText, Category, Phase, Scheduled};
use crate::core::calendar::CivilDate;
use crate::core::i18n::Key;
use crate::core::time::{LocalDateTime, Millis};
use crate::ui::clinic::{use_clinic, ContactLinks};
use crate::ui::data::use_data;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;
use std::sync::Arc;

/// The steps after the latest session (none without one).
pub(super) fn use_steps() -> Memo<Vec<Scheduled>> {
    let data = use_data();
    Memo::new(move |_| {
        data.aftercare.with(|r| {
            r.latest()
                .map(|s| schedule(&use_clinic().protocol(), s.end))
                .unwrap_or_default()
        })
    })
}

/// The person's date at the clock's time (changes once a day).
pub(super) fn use_today(now: RwSignal<Millis>) -> Memo<CivilDate> {
    Memo::new(move |_| LocalDateTime::at(now.get(), &BrowserZone).date)
}

/// The steps of `category` that apply at the clock's time.
fn applying(
    steps: Memo<Vec<Scheduled>>,
    now: RwSignal<Millis>,
    category: Category,
) -> Memo<Vec<Scheduled>> {
    Memo::new(move |_| {
        let now = now.get();
        steps.with(|steps| {
            steps
                .iter()
                .filter(|s| s.step.category == category && s.phase(now) == Phase::Now)
                .copied()
                .collect()
        })
    })
}

/// The Today section of the latest session.
#[component]
pub(super) fn Today(
    /// The page's state (the clock).
    state: CareState,
    /// The aftercare words in the current language.
    text: Arc<CareText>,
) -> impl IntoView {
    let data = use_data();
    let i18n = use_i18n();
    let now = state.now;
    let steps = use_steps();
    let today = use_today(now);
    let session_day = Memo::new(move |_| {
        data.aftercare.with(|r| {
            r.latest()
                .map(|s| LocalDateTime::at(s.end, &BrowserZone).date)
        })
    });
    let since = move || {
        let day = session_day.get()?;
        let n = day.days_until(today.get()) + 1;
        Some(
            i18n.t(Key::CareTodayDaysSince)
                .replace("{n}", &n.max(1).to_string())
                .replace("{date}", &format_date(i18n.lang(), day)),
        )
    };
    let avoid = applying(steps, now, Category::Avoid);
    // What applies at this moment: the first day's "only your clinic's
    // product" and the sunscreen that follows it never show together.
    let todo = Memo::new(move |_| {
        let now = now.get();
        steps.with(|steps| checklist(steps, now))
    });
    let expect = applying(steps, now, Category::Expect);
    let (warning_title, warning_text) = text.step("warning_signs");
    let (warning_title, warning_text) = (warning_title.to_string(), warning_text.to_string());
    // A Copy handle on the words, for the rows drawn inside the lists.
    let words = StoredValue::new(text);
    view! {
        <section class="mc-care-today">
            <h2 id="mc-care-heading" tabindex="-1">{i18n.text(Key::CareTodayTitle)}</h2>
            <p class="mc-lead">{since}</p>

            <h3>{i18n.text(Key::CareAvoidTitle)}</h3>
            <Show
                when=move || avoid.with(|a| !a.is_empty())
                fallback=move || view! { <p>{i18n.text(Key::CareNothingToAvoid)}</p> }
            >
                <ul class="mc-care-list mc-care-avoid">
                    <For each=move || avoid.get() key=|s| s.step.id let:step>
                        <AvoidItem step now text=words.get_value()/>
                    </For>
                </ul>
            </Show>

            <Show when=move || todo.with(|t| !t.is_empty())>
                <h3>{i18n.text(Key::CareDoTitle)}</h3>
                <ul class="mc-care-list mc-checklist">
                    <For each=move || todo.get() key=|s| s.step.id let:step>
                        <CheckItem id=step.step.id today text=words.get_value()/>
                    </For>
                </ul>
            </Show>

            <Show when=move || expect.with(|e| !e.is_empty())>
                <h3>{i18n.text(Key::CareExpectTitle)}</h3>
                <ul class="mc-care-list">
                    <For each=move || expect.get() key=|s| s.step.id let:step>
                        <StepItem id=step.step.id text=words.get_value()>{None::<()>}</StepItem>
                    </For>
                </ul>
            </Show>

            <div class="mc-warning">
                <h3>{warning_title}</h3>
                <p>{warning_text}</p>
                <p>{i18n.text(Key::CareWarningContact)}</p>
                <ContactLinks/>
            </div>
        </section>
    }
}

/// A step as a list item: its title in bold, what `children` adds after it
/// (a countdown), and its detail (a clinic's own steps have a title only).
#[component]
fn StepItem(
    /// The step's id.
    id: &'static str,
    /// The aftercare words in the current language.
    text: Arc<CareText>,
    /// What follows the title on its line.
    children: Children,
) -> impl IntoView {
    let (title, detail) = text.step(id);
    let detail = (!detail.is_empty()).then(|| detail.to_string());
    view! {
        <li class="mc-care-item" data-step=id>
            <strong>{title.to_string()}</strong>
            {children()}
            {detail.map(|detail| view! { <p class="mc-hint">{detail}</p> })}
        </li>
    }
}

/// Something to avoid now, with how much longer: the countdown is the only
/// text that changes as the clock ticks.
#[component]
fn AvoidItem(
    /// The step, placed in time.
    step: Scheduled,
    /// The clock.
    now: RwSignal<Millis>,
    /// The aftercare words in the current language.
    text: Arc<CareText>,
) -> impl IntoView {
    let i18n = use_i18n();
    let countdown = step.end.map(|end| {
        let left = move || {
            let time = remaining_text(i18n, now.get(), end);
            format!(" {}", i18n.t(Key::CareAvoidFor).replace("{time}", &time))
        };
        view! { <span class="mc-countdown">{left}</span> }
    });
    view! { <StepItem id=step.step.id text>{countdown}</StepItem> }
}

/// An item of today's checklist: a checkbox, ticked or not for today,
/// saved as soon as it changes.
#[component]
fn CheckItem(
    /// The step's id.
    id: &'static str,
    /// The person's date, which the ticks belong to.
    today: Memo<CivilDate>,
    /// The aftercare words in the current language.
    text: Arc<CareText>,
) -> impl IntoView {
    let data = use_data();
    let (title, detail) = text.step(id);
    let detail = (!detail.is_empty()).then(|| detail.to_string());
    let ticked = move || {
        data.aftercare
            .with(|r| r.is_ticked(&today.get().to_iso(), id))
    };
    let tick = move |ev: leptos::ev::Targeted<leptos::ev::Event, web_sys::HtmlInputElement>| {
        let date = today.get_untracked().to_iso();
        let checked = ev.target().checked();
        data.update_aftercare(|r| r.set_tick(&date, id, checked));
    };
    view! {
        <li>
            <label class="mc-option">
                <input type="checkbox" data-tick=id prop:checked=ticked on:change:target=tick/>
                <span>{title.to_string()}</span>
            </label>
            {detail.map(|detail| view! { <p class="mc-hint">{detail}</p> })}
        </li>
    }
}

/// The one-time tip: add MicroCare to the Home Screen and keep a backup.
#[component]
pub(super) fn Nudge() -> impl IntoView {
    let data = use_data();
    let i18n = use_i18n();
    view! {
        <Show when=move || !data.aftercare.with(|r| r.nudge_done)>
            <div class="mc-notice mc-notice-row">
                <p>{i18n.text(Key::CareNudgeText)}</p>
                <button
                    type="button"
                    class="mc-button-quiet"
                    on:click=move |_| data.update_aftercare(|r| r.nudge_done = true)
                >
                    {i18n.text(Key::CareNudgeDismiss)}
                </button>
            </div>
        </Show>
    }
}
