//! The whole timeline after the latest session: every step, marked done,
//! now or later, with when it starts and ends.

use super::local_time_label;
use super::today::use_steps;
use crate::core::aftercare::{CareText, Phase, Scheduled};
use crate::core::i18n::Key;
use crate::core::time::Millis;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;
use std::sync::Arc;

/// Every step after the latest session, in order.
#[component]
pub(super) fn Timeline(
    /// The clock.
    now: RwSignal<Millis>,
    /// The aftercare words in the current language.
    text: Arc<CareText>,
) -> impl IntoView {
    let i18n = use_i18n();
    let steps = use_steps();
    let words = StoredValue::new(text);
    view! {
        <h2>{i18n.text(Key::CareTimelineTitle)}</h2>
        <ol class="mc-timeline">
            <For each=move || steps.get() key=|s| s.step.id let:step>
                <TimelineStep step now text=words.get_value()/>
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
    /// The clock.
    now: RwSignal<Millis>,
    /// The aftercare words in the current language.
    text: Arc<CareText>,
) -> impl IntoView {
    let i18n = use_i18n();
    let phase = Memo::new(move |_| step.phase(now.get()));
    let (title, _) = text.step(step.step.id);
    let title = format!(" {title}");
    let class = move || match phase.get() {
        Phase::Done => "mc-step-done",
        Phase::Now => "mc-step-now",
        Phase::Later => "mc-step-later",
    };
    let tag = move || {
        i18n.t(match phase.get() {
            Phase::Done => Key::CareTimelineDone,
            Phase::Now => Key::CareTimelineNow,
            Phase::Later => Key::CareTimelineLater,
        })
    };
    let when = move || match step.end {
        None => i18n.t(Key::CareTimelineOngoing),
        Some(end) => i18n
            .t(Key::CareTimelineFromTo)
            .replace("{from}", &local_time_label(i18n, step.start))
            .replace("{to}", &local_time_label(i18n, end)),
    };
    view! {
        <li class=class>
            <span class="mc-tag">{tag}</span>
            <strong>{title}</strong>
            <p class="mc-hint">{when}</p>
        </li>
    }
}
