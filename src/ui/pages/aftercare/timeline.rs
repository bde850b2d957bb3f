//! The whole timeline after the latest session: every step, marked done,
//! now or later, with when it starts and ends.

use super::local_time_label;
use super::today::use_steps;
use super::use_care;
use crate::core::aftercare::{CareText, Phase, Scheduled};
use crate::core::i18n::CareKey;
use crate::ui::content::use_words;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;

/// Every step after the latest session, in order.
#[component]
pub(super) fn Timeline() -> impl IntoView {
    let words = use_words::<CareText>();
    let steps = use_steps();
    view! {
        <h2>{words.t(CareKey::TimelineTitle)}</h2>
        <ol class="mc-timeline">
            <For each=move || steps.get() key=|s| s.step.id let:step>
                <TimelineStep step/>
            </For>
        </ol>
    }
}

/// One step of the timeline: its phase changes its mark and class, and
/// nothing else, when the clock passes its start or end.
#[component]
fn TimelineStep(
    /// The step, placed in time.
    step: Scheduled,
) -> impl IntoView {
    let i18n = use_i18n();
    let text = use_words::<CareText>();
    let clock = use_care().clock;
    let phase = Memo::new(move |_| step.phase(clock.now.get()));
    let title = text.with(|text| format!(" {}", text.step(step.step.id).0));
    let class = move || match phase.get() {
        Phase::Done => "mc-step-done",
        Phase::Now => "mc-step-now",
        Phase::Later => "mc-step-later",
    };
    let tag = {
        move || {
            text.t(match phase.get() {
                Phase::Done => CareKey::TimelineDone,
                Phase::Now => CareKey::TimelineNow,
                Phase::Later => CareKey::TimelineLater,
            })
            .to_string()
        }
    };
    let when = move || match step.end {
        None => text.t(CareKey::TimelineOngoing),
        Some(end) => text.fill(
            CareKey::TimelineFromTo,
            &[
                ("from", &local_time_label(i18n, clock, step.start)),
                ("to", &local_time_label(i18n, clock, end)),
            ],
        ),
    };
    view! {
        <li class=class>
            <span class="mc-tag">{tag}</span>
            <strong>{title}</strong>
            <p class="mc-hint">{when}</p>
        </li>
    }
}
