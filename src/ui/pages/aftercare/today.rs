//! Today: what to avoid now and for how long, today's checklist, what to
//! expect, the warning signs with the clinic's contact actions; and the
//! one-time Home Screen and backup tip.
//!
//! Each list is a `Memo` of the steps that apply at this moment, so a clock
//! tick changes a list only when a step starts or ends; the countdowns are
//! the only texts that follow every tick. Rows are keyed by step: a checkbox
//! stays the same element (and keeps the focus) when it is ticked.

use super::{remaining_text, use_care};
use crate::core::aftercare::{checklist, schedule, CareText, Category, Phase, Scheduled};
use crate::core::calendar::CivilDate;
use crate::core::dates::DateStyle;
use crate::core::i18n::CareKey;
use crate::ui::clinic::use_clinic;
use crate::ui::content::use_words;
use crate::ui::data::use_data;
use crate::ui::env::Clock;
use crate::ui::i18n::use_i18n;
use crate::ui::kit::contact::ContactLinks;
use leptos::prelude::*;

/// The steps after the latest session (none without one).
pub(super) fn use_steps() -> Memo<Vec<Scheduled>> {
    let data = use_data();
    let clinic = use_clinic();
    Memo::new(move |_| {
        data.aftercare.with(|r| {
            r.latest()
                .map(|s| schedule(&clinic.protocol, s.end))
                .unwrap_or_default()
        })
    })
}

/// The person's date at the clock's time (changes once a day).
pub(super) fn use_today(clock: Clock) -> Memo<CivilDate> {
    Memo::new(move |_| clock.today())
}

/// The steps of `category` that apply at the clock's time.
fn applying(steps: Memo<Vec<Scheduled>>, clock: Clock, category: Category) -> Memo<Vec<Scheduled>> {
    Memo::new(move |_| {
        let now = clock.now.get();
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
pub(super) fn Today() -> impl IntoView {
    let data = use_data();
    let i18n = use_i18n();
    let words = use_words::<CareText>();
    let clock = use_care().clock;
    let steps = use_steps();
    let today = use_today(clock);
    let session_day = Memo::new(move |_| {
        data.aftercare
            .with(|r| r.latest().map(|s| clock.local(s.end).date))
    });
    let since = {
        move || {
            let day = session_day.get()?;
            let n = day.days_until(today.get()) + 1;
            Some(words.fill(
                CareKey::TodayDaysSince,
                &[
                    ("n", &n.max(1).to_string()),
                    ("date", &i18n.date(day, DateStyle::Date)),
                ],
            ))
        }
    };
    let avoid = applying(steps, clock, Category::Avoid);
    // What applies at this moment: the first day's "only your clinic's
    // product" and the sunscreen that follows it never show together.
    let todo = Memo::new(move |_| {
        let now = clock.now.get();
        steps.with(|steps| checklist(steps, now))
    });
    let expect = applying(steps, clock, Category::Expect);
    let (warning_title, warning_text) = words.with(|words| {
        let (title, text) = words.step("warning_signs");
        (title.to_string(), text.to_string())
    });
    let nothing = words.t(CareKey::NothingToAvoid);
    view! {
        <section class="mc-care-today">
            <h2 id="mc-care-heading" tabindex="-1">{words.t(CareKey::TodayTitle)}</h2>
            <p class="mc-lead">{since}</p>

            <h3>{words.t(CareKey::AvoidTitle)}</h3>
            <Show
                when=move || avoid.with(|a| !a.is_empty())
                fallback=move || view! { <p>{nothing.clone()}</p> }
            >
                <ul class="mc-care-list mc-care-avoid">
                    <For each=move || avoid.get() key=|s| s.step.id let:step>
                        <AvoidItem step/>
                    </For>
                </ul>
            </Show>

            <Show when=move || todo.with(|t| !t.is_empty())>
                <h3>{words.t(CareKey::DoTitle)}</h3>
                <ul class="mc-care-list mc-checklist">
                    <For each=move || todo.get() key=|s| s.step.id let:step>
                        <CheckItem id=step.step.id today/>
                    </For>
                </ul>
            </Show>

            <Show when=move || expect.with(|e| !e.is_empty())>
                <h3>{words.t(CareKey::ExpectTitle)}</h3>
                <ul class="mc-care-list">
                    <For each=move || expect.get() key=|s| s.step.id let:step>
                        <StepItem id=step.step.id>{None::<()>}</StepItem>
                    </For>
                </ul>
            </Show>

            <div class="mc-warning">
                <h3>{warning_title}</h3>
                <p>{warning_text}</p>
                <p>{words.t(CareKey::WarningContact)}</p>
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
    /// What follows the title on its line.
    children: Children,
) -> impl IntoView {
    let text = use_words::<CareText>();
    let (title, detail) = text.with(|text| {
        let (title, detail) = text.step(id);
        (
            title.to_string(),
            (!detail.is_empty()).then(|| detail.to_string()),
        )
    });
    view! {
        <li class="mc-care-item" data-step=id>
            <strong>{title}</strong>
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
) -> impl IntoView {
    let words = use_words::<CareText>();
    let now = use_care().clock.now;
    let countdown = step.end.map(|end| {
        let left = move || {
            let time = remaining_text(words, now.get(), end);
            format!(" {}", words.fill(CareKey::AvoidFor, &[("time", &time)]))
        };
        view! { <span class="mc-countdown">{left}</span> }
    });
    view! { <StepItem id=step.step.id>{countdown}</StepItem> }
}

/// An item of today's checklist: a checkbox, ticked or not for today,
/// saved as soon as it changes.
#[component]
fn CheckItem(
    /// The step's id.
    id: &'static str,
    /// The person's date, which the ticks belong to.
    today: Memo<CivilDate>,
) -> impl IntoView {
    let data = use_data();
    let text = use_words::<CareText>();
    let (title, detail) = text.with(|text| {
        let (title, detail) = text.step(id);
        (
            title.to_string(),
            (!detail.is_empty()).then(|| detail.to_string()),
        )
    });
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
                <span>{title}</span>
            </label>
            {detail.map(|detail| view! { <p class="mc-hint">{detail}</p> })}
        </li>
    }
}

/// The one-time tip: add MicroCare to the Home Screen and keep a backup.
#[component]
pub(super) fn Nudge() -> impl IntoView {
    let data = use_data();
    let words = use_words::<CareText>();
    view! {
        <Show when=move || !data.aftercare.with(|r| r.nudge_done)>
            <div class="mc-notice mc-notice-row">
                <p>{words.t(CareKey::NudgeText)}</p>
                <button
                    type="button"
                    class="mc-button-quiet"
                    on:click=move |_| data.update_aftercare(|r| r.nudge_done = true)
                >
                    {words.t(CareKey::NudgeDismiss)}
                </button>
            </div>
        </Show>
    }
}
