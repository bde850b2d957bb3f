//! The result: the overall outcome, every reason with its dates and next
//! steps, the clinic's contact actions, the answers, and what can be done
//! with it (share, print, start over).

use super::{
    answer_rows, outcome_sentence, outcome_tag, AnswerRow, Flow, FlowMessage, Message, Screen,
};
use crate::browser::dates::{format_date, today};
use crate::browser::share::{share_text, Shared};
use crate::core::calendar::CivilDate;
use crate::core::i18n::Key;
use crate::core::route::Route;
use crate::core::schema::ScreeningRecord;
use crate::core::screening::{evaluate, CheckText, Evaluation, Finding, Step, WaitDate};
use crate::ui::clinic::{use_clinic, ContactLinks};
use leptos::prelude::*;
use std::sync::Arc;

/// The result of a complete set of answers. Sharing or copying it leaves
/// the screen (and the focus on its button) as it is; only the status line
/// under the buttons changes.
#[component]
pub(super) fn ResultScreen(
    /// The self-check's state.
    flow: Flow,
    /// The questions' words.
    text: Arc<CheckText>,
) -> impl IntoView {
    let i18n = flow.i18n;
    let lang = i18n.lang_untracked();
    // `None` while answers are missing: the page then shows the first
    // missing question instead.
    let evaluation = Memo::new(move |_| {
        let answers = flow.answers();
        flow.questions
            .with_value(|qs| evaluate(qs, &answers, today()).ok())
    });
    let rows = Memo::new({
        let text = text.clone();
        move |_| answer_rows(flow, &text, &flow.answers())
    });

    let class = move || {
        let id = evaluation.with(|e| e.as_ref().map_or("ok", |e| e.overall.id()));
        format!("mc-result mc-result-{id}")
    };
    let sentence =
        move || evaluation.with(|e| e.as_ref().map(|e| i18n.t(outcome_sentence(e.overall))));
    let findings =
        move || evaluation.with(|e| e.as_ref().map(|e| e.findings.clone()).unwrap_or_default());
    let has_findings =
        move || evaluation.with(|e| e.as_ref().is_some_and(|e| !e.findings.is_empty()));
    let findings_list = {
        let text = text.clone();
        move || {
            let text = text.clone();
            view! {
                <ul class="mc-findings">
                    <For
                        each=findings
                        key=|f| (f.question, f.outcome, f.unsure, f.wait)
                        children=move |finding| view! { <FindingItem flow text=text.clone() finding/> }
                    />
                </ul>
            }
        }
    };
    let contact = (!use_clinic().actions().is_empty()).then(|| {
        view! {
            <p>{i18n.text(Key::ClinicNextStep)}</p>
            <ContactLinks/>
        }
    });
    let checked_on = move || {
        let date = flow.data.screening.with(done_on);
        i18n.t(Key::CheckCheckedOn)
            .replace("{date}", &format_date(lang, date))
    };
    let kept = move || {
        i18n.t(if flow.data.screening.with(|r| r.consent) {
            Key::CheckSavedNote
        } else {
            Key::CheckMemoryNote
        })
    };

    let share = move |_| {
        let record = flow.data.screening.get_untracked();
        let summary = evaluation.with_untracked(|e| {
            e.as_ref()
                .map(|e| summary_text(flow, &text, &record, e, &rows.get_untracked()))
        });
        let Some(summary) = summary else {
            return;
        };
        let title = i18n.t_untracked(Key::CheckTitle);
        leptos::task::spawn_local(async move {
            let said = match share_text(&title, &summary).await {
                Shared::Sheet => Some(Key::CheckShared),
                Shared::Copied => Some(Key::CheckCopied),
                Shared::Cancelled => None,
                Shared::Failed => Some(Key::CheckShareFailed),
            };
            flow.message.set(said.map(Message::Status));
        });
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
            <h2 id="mc-check-heading" tabindex="-1">{i18n.text(Key::CheckResultTitle)}</h2>
            <p class="mc-result-sentence">{sentence}</p>
        </div>
        <Show when=has_findings>{findings_list.clone()}</Show>
        <section class="mc-next-step">
            <h3>{i18n.text(Key::CheckNextStepTitle)}</h3>
            <p>{i18n.text(Key::CheckNextStepText)}</p>
            {contact}
        </section>
        <h3>{i18n.text(Key::CheckYourAnswers)}</h3>
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
                {i18n.text(Key::CheckShare)}
            </button>
            <button type="button" class="mc-button mc-button-secondary" on:click=print>
                {i18n.text(Key::CheckPrint)}
            </button>
            <button type="button" class="mc-button mc-button-secondary" on:click=restart>
                {i18n.text(Key::CheckStartOver)}
            </button>
        </div>
        <p class="mc-hint mc-no-print">{i18n.text(Key::CheckShareHint)}</p>
        <FlowMessage flow/>
        <p class="mc-disclaimer">{i18n.text(Key::CheckDisclaimer)}</p>
    }
}

/// One reason in the result: its outcome, the question, why it matters,
/// what to do next, and the date the usual wait ends.
#[component]
fn FindingItem(
    /// The self-check's state.
    flow: Flow,
    /// The questions' words.
    text: Arc<CheckText>,
    /// The answer that matters.
    finding: Finding,
) -> impl IntoView {
    let i18n = flow.i18n;
    let words = text.question(finding.question);
    let faq = flow
        .questions
        .with_value(|qs| qs.iter().find(|q| q.id == finding.question).map(|q| q.faq));
    let lang = i18n.lang_untracked();
    let wait_line = finding.wait.map(|wait| {
        let (key, date) = match wait {
            WaitDate::Ends(date) => (Key::CheckFindingFrom, date),
            WaitDate::Ended(date) => (Key::CheckFindingEnded, date),
        };
        i18n.t_untracked(key)
            .replace("{date}", &format_date(lang, date))
    });
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
                    {i18n.text(Key::CheckAnswerAgain)}
                </button>
            </p>
        }
    });
    view! {
        <li class=format!("mc-finding mc-finding-{}", finding.outcome.id())>
            <p class="mc-tag">{i18n.text(outcome_tag(finding.outcome))}</p>
            <h3>{words.text}</h3>
            <p>
                <strong>{move || format!("{}: ", i18n.t(Key::CheckWhy))}</strong>
                {words.reason}
            </p>
            <p>
                <strong>{move || format!("{}: ", i18n.t(Key::CheckWhatNext))}</strong>
                {words.next}
            </p>
            {finding.unsure.then(|| view! {
                <p class="mc-finding-note">{i18n.text(Key::CheckFindingUnsure)}</p>
            })}
            {wait_line.map(|line| view! { <p class="mc-finding-date">{line}</p> })}
            {answer_again}
            {faq.map(|faq| view! {
                <p class="mc-no-print">
                    <a href=Route::FaqEntry(faq.to_string()).href()>{i18n.text(Key::CheckLearnMore)}</a>
                </p>
            })}
        </li>
    }
}

/// The day the result was first shown (today if not recorded).
fn done_on(record: &ScreeningRecord) -> CivilDate {
    record
        .done_on
        .as_deref()
        .and_then(CivilDate::parse_iso)
        .unwrap_or_else(today)
}

/// The plain-text summary the person may send to their clinic.
fn summary_text(
    flow: Flow,
    text: &CheckText,
    record: &ScreeningRecord,
    evaluation: &Evaluation,
    rows: &[AnswerRow],
) -> String {
    let i18n = flow.i18n;
    let t = |key| i18n.t_untracked(key);
    let lang = i18n.lang_untracked();
    let mut out = vec![
        t(Key::CheckTitle),
        t(Key::CheckCheckedOn).replace("{date}", &format_date(lang, done_on(record))),
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
            let (key, date) = match wait {
                WaitDate::Ends(date) => (Key::CheckFindingFrom, date),
                WaitDate::Ended(date) => (Key::CheckFindingEnded, date),
            };
            line.push_str(&format!(
                " {}",
                t(key).replace("{date}", &format_date(lang, date))
            ));
        }
        out.push(line);
    }
    out.push(String::new());
    out.push(t(Key::CheckYourAnswers));
    for row in rows {
        out.push(format!("- {} {}", row.question, row.answer));
    }
    out.push(String::new());
    out.push(t(Key::CheckDisclaimer));
    out.join("\n")
}
