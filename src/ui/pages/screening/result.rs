//! The result: the overall outcome, every reason with its dates and next
//! steps, the clinic's contact actions, the answers, and what can be done
//! with it (share, print, start over).

use super::{
    answer_rows, outcome_sentence, outcome_tag, use_flow, AnswerRow, Flow, FlowMessage, Screen,
    ScreenMessage,
};
use crate::browser::share::{share_text, Shared};
use crate::core::calendar::CivilDate;
use crate::core::dates::DateStyle;
use crate::core::i18n::{CheckKey, Key};
use crate::core::route::Route;
use crate::core::schema::ScreeningRecord;
use crate::core::screening::{evaluate, CheckText, Evaluation, Finding, Step, WaitDate};
use crate::ui::clinic::use_clinic;
use crate::ui::content::use_words;
use crate::ui::files::Section;
use crate::ui::kit::contact::ContactLinks;
use leptos::prelude::*;

/// The result of a complete set of answers. Sharing or copying it leaves
/// the screen (and the focus on its button) as it is; only the status line
/// under the buttons changes.
#[component]
pub(super) fn ResultScreen() -> impl IntoView {
    let flow = use_flow();
    let text = use_words::<CheckText>();
    let i18n = flow.i18n;
    // `None` while answers are missing: the page then shows the first
    // missing question instead.
    let evaluation = Memo::new(move |_| {
        let answers = flow.answers();
        let today = flow.clock.today();
        flow.questions
            .with_value(|qs| evaluate(qs, &answers, today).ok())
    });
    let rows = Memo::new(move |_| answer_rows(flow, &text.get(), &flow.answers()));

    let class = move || {
        let id = evaluation.with(|e| e.as_ref().map_or("ok", |e| e.overall.id()));
        format!("mc-result mc-result-{id}")
    };
    let sentence = {
        move || {
            evaluation.with(|e| {
                e.as_ref()
                    .map(|e| text.t(outcome_sentence(e.overall)).to_string())
            })
        }
    };
    let findings =
        move || evaluation.with(|e| e.as_ref().map(|e| e.findings.clone()).unwrap_or_default());
    let has_findings =
        move || evaluation.with(|e| e.as_ref().is_some_and(|e| !e.findings.is_empty()));
    let findings_list = move || {
        view! {
            <ul class="mc-findings">
                <For
                    each=findings
                    key=|f| (f.question, f.outcome, f.unsure, f.wait)
                    children=move |finding| view! { <FindingItem finding/> }
                />
            </ul>
        }
    };
    let contact = (!use_clinic().actions.is_empty()).then(|| {
        view! {
            <p>{i18n.text(Key::ClinicNextStep)}</p>
            <ContactLinks/>
        }
    });
    let checked_on = {
        move || {
            let date = flow.data.screening.with(|r| done_on(r, flow));
            text.fill(
                CheckKey::CheckedOn,
                &[("date", &i18n.date(date, DateStyle::Date))],
            )
        }
    };
    let kept = {
        move || {
            text.t(if flow.data.screening.with(|r| r.consent) {
                CheckKey::SavedNote
            } else {
                CheckKey::MemoryNote
            })
            .to_string()
        }
    };

    let share = {
        move |_| {
            let record = flow.data.screening.get_untracked();
            let summary = evaluation.with_untracked(|e| {
                e.as_ref()
                    .map(|e| summary_text(flow, &text.get(), &record, e, &rows.get_untracked()))
            });
            let Some(summary) = summary else {
                return;
            };
            let title = i18n.t_untracked(Key::CheckTitle);
            leptos::task::spawn_local(async move {
                let said = match share_text(&title, &summary).await {
                    Shared::Sheet => Some(CheckKey::Shared),
                    Shared::Copied => Some(CheckKey::Copied),
                    Shared::Cancelled => None,
                    Shared::Failed => Some(CheckKey::ShareFailed),
                };
                flow.message.set(said.map(ScreenMessage::Status));
            });
        }
    };
    let print = move |_| {
        let _ = window().print();
    };
    let restart = move |_| {
        flow.data
            .update_screening(|r| *r = ScreeningRecord::default());
        flow.consent.set(None);
        flow.returning.set_value(false);
        flow.go(Screen::Intro);
    };

    view! {
        <div class=class>
            <h2 id="mc-check-heading" tabindex="-1">{text.t(CheckKey::ResultTitle)}</h2>
            <p class="mc-result-sentence">{sentence}</p>
        </div>
        <Show when=has_findings>{findings_list}</Show>
        <section class="mc-next-step">
            <h3>{text.t(CheckKey::NextStepTitle)}</h3>
            <p>{text.t(CheckKey::NextStepText)}</p>
            {contact}
        </section>
        <h3>{text.t(CheckKey::YourAnswers)}</h3>
        <dl class="mc-answers mc-answers-compact">
            <For each=move || rows.get() key=|row| row.clone() let:row>
                <div class="mc-answer-row">
                    <dt>{row.question}</dt>
                    <dd>{row.answer}</dd>
                </div>
            </For>
        </dl>
        <p class="mc-hint">{checked_on}</p>
        <p class="mc-hint mc-no-print">{kept}</p>
        <div class="mc-actions mc-no-print">
            <button type="button" class="mc-button" on:click=share>
                {text.t(CheckKey::Share)}
            </button>
            <button type="button" class="mc-button mc-button-secondary" on:click=print>
                {text.t(CheckKey::Print)}
            </button>
            <button type="button" class="mc-button mc-button-secondary" on:click=restart>
                {text.t(CheckKey::StartOver)}
            </button>
        </div>
        <p class="mc-hint mc-no-print">{text.t(CheckKey::ShareHint)}</p>
        <FlowMessage/>
        <p class="mc-disclaimer">{text.t(CheckKey::Disclaimer)}</p>
    }
}

/// One reason in the result: its outcome, the question, why it matters,
/// what to do next, and the date the usual wait ends.
#[component]
fn FindingItem(
    /// The answer that matters.
    finding: Finding,
) -> impl IntoView {
    let flow = use_flow();
    let text = use_words::<CheckText>();
    let i18n = flow.i18n;
    let words = text.get().question(finding.question);
    let faq = flow
        .questions
        .with_value(|qs| qs.iter().find(|q| q.id == finding.question).map(|q| q.faq));
    let wait_line = finding.wait.map(|wait| wait_text(&text.get(), i18n, wait));
    // A wait that has ended: the answer still counts until the person
    // answers the question again (its own screen, then back to the result).
    let answer_again = matches!(finding.wait, Some(WaitDate::Ended(_))).then(|| {
        let question = finding.question;
        let again = move |_| {
            let answers = flow.answers_untracked();
            let at = flow
                .steps(&answers)
                .iter()
                .position(|s| *s == Step::Question(question));
            if let Some(at) = at {
                flow.returning.set_value(true);
                flow.go(Screen::Step(at));
            }
        };
        view! {
            <p class="mc-no-print">
                <button type="button" class="mc-button mc-button-secondary" on:click=again>
                    {text.t(CheckKey::AnswerAgain)}
                </button>
            </p>
        }
    });
    view! {
        <li class=format!("mc-finding mc-finding-{}", finding.outcome.id())>
            <p class="mc-tag">{text.t(outcome_tag(finding.outcome)).to_string()}</p>
            <h3>{words.text}</h3>
            <p>
                <strong>{format!("{}: ", text.t(CheckKey::Why))}</strong>
                {words.reason}
            </p>
            <p>
                <strong>{format!("{}: ", text.t(CheckKey::WhatNext))}</strong>
                {words.next}
            </p>
            {finding.unsure.then(|| view! {
                <p class="mc-finding-note">{text.t(CheckKey::FindingUnsure)}</p>
            })}
            {wait_line.map(|line| view! { <p class="mc-finding-date">{line}</p> })}
            {answer_again}
            {faq.map(|faq| view! {
                <p class="mc-no-print">
                    <a href=Route::FaqEntry(faq.to_string()).href()>{text.t(CheckKey::LearnMore)}</a>
                </p>
            })}
        </li>
    }
}

/// "The usual waiting time ends on 23 March 2027", or that it ended.
fn wait_text(text: &Section<CheckText>, i18n: crate::ui::i18n::I18n, wait: WaitDate) -> String {
    let (key, date) = match wait {
        WaitDate::Ends(date) => (CheckKey::FindingFrom, date),
        WaitDate::Ended(date) => (CheckKey::FindingEnded, date),
    };
    let date = i18n.with_locale(|l| l.date(date, DateStyle::Date));
    text.fill(key, &[("date", &date)])
}

/// The day the result was first shown (today if not recorded).
fn done_on(record: &ScreeningRecord, flow: Flow) -> CivilDate {
    record
        .done_on
        .as_deref()
        .and_then(CivilDate::parse_iso)
        .unwrap_or_else(|| flow.clock.today_untracked())
}

/// The plain-text summary the person may send to their clinic.
fn summary_text(
    flow: Flow,
    text: &Section<CheckText>,
    record: &ScreeningRecord,
    evaluation: &Evaluation,
    rows: &[AnswerRow],
) -> String {
    let i18n = flow.i18n;
    let t = |key| text.t(key).to_string();
    let done = i18n.with_locale(|l| l.date(done_on(record, flow), DateStyle::Date));
    let mut out = vec![
        i18n.t_untracked(Key::CheckTitle),
        text.fill(CheckKey::CheckedOn, &[("date", &done)]),
        String::new(),
        t(outcome_sentence(evaluation.overall)),
    ];
    for finding in &evaluation.findings {
        let mut line = format!(
            "- {} ({})",
            text.question(finding.question).text,
            t(outcome_tag(finding.outcome))
        );
        if let Some(wait) = finding.wait {
            line.push_str(&format!(" {}", wait_text(text, i18n, wait)));
        }
        out.push(line);
    }
    out.push(String::new());
    out.push(t(CheckKey::YourAnswers));
    for row in rows {
        out.push(format!("- {} {}", row.question, row.answer));
    }
    out.push(String::new());
    out.push(t(CheckKey::Disclaimer));
    out.join("\n")
}
