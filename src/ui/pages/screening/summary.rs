//! Every answer before the result, each with "Change".

use super::{answer_rows, answers_of, use_flow, ForwardAndBack, Screen};
use crate::core::i18n::CheckKey;
use crate::core::screening::CheckText;
use crate::ui::content::use_words;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// The answers given, each with a "Change" button that goes back to its
/// question, then "See my result".
#[component]
pub(super) fn Summary() -> impl IntoView {
    let flow = use_flow();
    let words = use_words::<CheckText>();
    let rows = Memo::new(move |_| answer_rows(flow, &words.get(), &flow.answers()));
    let see_result = move |ev: SubmitEvent| {
        ev.prevent_default();
        flow.see_result();
    };
    let back = Callback::new(move |()| {
        let answers = flow.data.screening.with_untracked(answers_of);
        let last = flow.steps(&answers).len().saturating_sub(1);
        flow.go(Screen::Step(last));
    });
    let change = words.t(CheckKey::Change);

    view! {
        <h2 id="mc-check-heading" tabindex="-1">{words.t(CheckKey::SummaryTitle)}</h2>
        <p>{words.t(CheckKey::SummaryIntro)}</p>
        <dl class="mc-answers">
            <For each=move || rows.get() key=|row| row.clone() let:row>
                <div class="mc-answer-row">
                    <dt>{row.question.clone()}</dt>
                    <dd>
                        {row.answer}
                        <button
                            type="button"
                            class="mc-button-link"
                            aria-label=format!("{change}: {}", row.question)
                            on:click=move |_| {
                                flow.returning.set_value(true);
                                flow.go(Screen::Step(row.index));
                            }
                        >
                            {change.clone()}
                        </button>
                    </dd>
                </div>
            </For>
        </dl>
        <form class="mc-form" on:submit=see_result>
            <ForwardAndBack forward=CheckKey::SeeResult on_back=back/>
        </form>
    }
}
