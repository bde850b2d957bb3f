//! The self-check screens: a notice with the consent choice, one question
//! per screen, the summary of answers, and the result.
//!
//! Each screen is a small form built with [`content_dom`] (see there why);
//! the screen shown is a signal, and taps reach one delegated click handler
//! through `data-action` attributes. The answer of a screen is read from its
//! form when the person moves on, so choosing an option never redraws.

use crate::browser::dates::{format_date, today};
use crate::browser::share::{share_text, Shared};
use crate::core::calendar::CivilDate;
use crate::core::clinic::Clinic;
use crate::core::i18n::Key;
use crate::core::route::Route;
use crate::core::schema::ScreeningRecord;
use crate::core::screening::{
    check_date, evaluate, first_missing, steps, Answer, Answers, CheckText, DateProblem, DateRule,
    Kind, Outcome, Question, Step,
};
use crate::ui::clinic::{contact_links, use_clinic};
use crate::ui::content_dom::{
    action_button, append, element, labelled_field, listen, set, tapped_action,
};
use crate::ui::data::use_data;
use crate::ui::focus::focus_now;
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::layout::page_section;
use crate::ui::lazy::with_content;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

/// The self-check page, appended to `parent` (the app's `<main>`); returns
/// its section, which the page effect removes on navigation.
pub fn check_page(parent: &Element) -> Element {
    let section = page_section(parent, "mc-page mc-check", Key::CheckTitle, Key::CheckIntro);
    with_content::<CheckText>(&section, check_flow);
    section
}

/// Which screen is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Screen {
    Intro,
    Step(usize),
    Summary,
    Result,
}

/// A message shown on the current screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Message {
    Error(Key),
    Status(Key),
}

fn answers_of(record: &ScreeningRecord) -> Answers {
    Answers(
        record
            .answers
            .iter()
            .filter_map(|(key, code)| Answer::from_code(code).map(|a| (key.clone(), a)))
            .collect(),
    )
}

/// The index of the first step without an answer that fits it, if any: no
/// result is shown until there is none (a restored backup, a question the
/// clinic added later).
fn missing_index(questions: &[Question], answers: &Answers) -> Option<usize> {
    let missing = first_missing(questions, answers)?;
    steps(questions, answers).iter().position(|s| *s == missing)
}

/// The self-check once its words are loaded; `text` holds the questions'
/// words in the current language.
fn check_flow(parent: &Element, text: Arc<CheckText>) {
    let data = use_data();
    let i18n = use_i18n();
    let started_done = data
        .screening
        .with_untracked(|r| r.done_on.is_some() && !r.answers.is_empty());
    // After "Change" on the summary, or on the way to a result that lacks
    // answers, the next answer leads to the next missing one, else the
    // summary.
    let returning = StoredValue::new(false);
    // A date that was refused, shown again with its error so that it can be
    // corrected rather than typed anew.
    let refused = StoredValue::new(String::new());
    // The screen shown and its message, in one signal: each signal type
    // costs WASM. A finished self-check opens on its result; the effect
    // below turns that into the first missing answer if there is one.
    let state = RwSignal::new((
        if started_done {
            Screen::Result
        } else {
            Screen::Intro
        },
        None::<Message>,
    ));
    let screen = move || state.with_untracked(|s| s.0);
    let set_screen = move |screen: Screen| state.update(|s| s.0 = screen);
    let set_message = move |message: Option<Message>| state.update(|s| s.1 = message);
    let root = append(parent, element("div", Some("mc-check-flow"), None));
    // The words are kept for the share action too (a Copy handle).
    let words = StoredValue::new(text.clone());

    {
        let root = root.clone();
        Effect::new(move |previous: Option<Screen>| {
            let (shown, msg) = state.get();
            let record = data.screening.get();
            root.set_text_content(None);
            // The clinic's self-check: the default one, stricter or longer.
            let clinic = use_clinic();
            let qs = clinic.questions();
            if shown == Screen::Result {
                // Never a result from an incomplete set of answers: go to
                // the first one missing instead.
                if let Some(at) = missing_index(&qs, &answers_of(&record)) {
                    returning.set_value(true);
                    state.set((Screen::Step(at), Some(Message::Status(Key::CheckMissing))));
                    return shown;
                }
            }
            let ctx = Ctx {
                i18n,
                text: &text,
                record: &record,
                questions: &qs,
                clinic: &clinic,
            };
            match shown {
                Screen::Intro => render_intro(&root, &ctx, msg),
                Screen::Step(index) => {
                    let typed = matches!(msg, Some(Message::Error(_))).then(|| refused.get_value());
                    render_step(&root, &ctx, index, msg, typed.as_deref())
                }
                Screen::Summary => render_summary(&root, &ctx),
                Screen::Result => render_result(&root, &ctx, msg),
            }
            if matches!(msg, Some(Message::Error(_))) {
                // The redraw removed the focused button: put focus on the
                // first field to fix, the error being announced meanwhile.
                focus_now(".mc-check-flow fieldset input");
            } else if previous.is_some_and(|p| p != shown) {
                focus_now("#mc-check-heading");
            }
            shown
        });
    }

    // The flow's element, for actions (a Copy handle).
    let flow = StoredValue::new_local(root.clone());
    let act = move |action: &str| {
        let root = flow.get_value();
        let record = data.screening.get_untracked();
        let answers = answers_of(&record);
        let qs = use_clinic().questions();
        match action {
            "start" => match checked_value(&root, "mc-consent") {
                None => set_message(Some(Message::Error(Key::CheckConsentRequired))),
                Some(choice) => {
                    set_message(None);
                    data.update_screening(|r| {
                        *r = ScreeningRecord {
                            consent: choice == "save",
                            ..ScreeningRecord::default()
                        }
                    });
                    set_screen(Screen::Step(0));
                }
            },
            "resume" => {
                set_message(None);
                let at = missing_index(&qs, &answers).unwrap_or(record.step);
                set_screen(Screen::Step(at));
            }
            "next" => {
                let Screen::Step(index) = screen() else {
                    return;
                };
                let all = steps(&qs, &answers);
                let Some(step) = all.get(index).copied() else {
                    set_screen(Screen::Summary);
                    return;
                };
                match read_answer(&root, step, &qs) {
                    Err(key) => {
                        let typed = input(&root, "#mc-date").map(|i| i.value());
                        refused.set_value(typed.unwrap_or_default());
                        set_message(Some(Message::Error(key)));
                    }
                    Ok(answer) => {
                        set_message(None);
                        data.update_screening(|r| {
                            r.set_answer(step.key(), answer.to_code());
                            r.step = index + 1;
                        });
                        let answers = answers_of(&data.screening.get_untracked());
                        let next = if returning.get_value() {
                            missing_index(&qs, &answers)
                        } else {
                            (index + 1 < steps(&qs, &answers).len()).then_some(index + 1)
                        };
                        set_screen(next.map_or(Screen::Summary, Screen::Step));
                    }
                }
            }
            "back" => {
                set_message(None);
                set_screen(match screen() {
                    Screen::Step(0) | Screen::Intro => Screen::Intro,
                    Screen::Step(index) => Screen::Step(index - 1),
                    Screen::Summary => Screen::Step(steps(&qs, &answers).len() - 1),
                    Screen::Result => Screen::Summary,
                });
            }
            "result" => {
                data.update_screening(|r| {
                    r.done_on.get_or_insert_with(|| today().to_iso());
                });
                returning.set_value(false);
                set_screen(Screen::Result);
            }
            "print" => {
                let _ = window().print();
            }
            "share" => {
                let summary = words.with_value(|text| {
                    let ctx = Ctx {
                        i18n,
                        text,
                        record: &record,
                        questions: &qs,
                        clinic: &use_clinic(),
                    };
                    summary_text(&ctx, &answers)
                });
                let title = i18n.t(Key::CheckTitle);
                leptos::task::spawn_local(async move {
                    let key = match share_text(&title, &summary).await {
                        Shared::Sheet => Some(Key::CheckShared),
                        Shared::Copied => Some(Key::CheckCopied),
                        Shared::Cancelled => None,
                        Shared::Failed => Some(Key::CheckShareFailed),
                    };
                    set_message(key.map(Message::Status));
                });
            }
            "restart" => {
                set_message(None);
                returning.set_value(false);
                data.update_screening(|r| *r = ScreeningRecord::default());
                set_screen(Screen::Intro);
            }
            other => {
                if let Some(index) = other.strip_prefix("change:").and_then(|i| i.parse().ok()) {
                    set_message(None);
                    returning.set_value(true);
                    set_screen(Screen::Step(index));
                }
            }
        }
    };

    listen(&root, "click", move |ev| {
        if let Some((action, _)) = tapped_action(&ev) {
            ev.prevent_default();
            act(&action);
        }
    });
    // Enter in a field submits the form: the same as "Next" or "Start".
    listen(&root, "submit", move |ev| {
        ev.prevent_default();
        let action = match screen() {
            Screen::Intro => "start",
            Screen::Step(_) => "next",
            Screen::Summary => "result",
            Screen::Result => return,
        };
        act(action);
    });
}

/// What every screen needs to draw itself.
struct Ctx<'a> {
    i18n: I18n,
    text: &'a CheckText,
    record: &'a ScreeningRecord,
    questions: &'a [Question],
    clinic: &'a Clinic,
}

impl Ctx<'_> {
    fn t(&self, key: Key) -> String {
        self.i18n.t(key)
    }
}

fn heading(parent: &Element, level: &str, text: &str) -> Element {
    let h = append(parent, element(level, None, Some(text)));
    set(&h, "id", "mc-check-heading");
    set(&h, "tabindex", "-1");
    h
}

fn radio(parent: &Element, name: &str, value: &str, label: &str, checked: bool) {
    let wrap = append(parent, element("label", Some("mc-option"), None));
    let input = append(&wrap, element("input", None, None));
    set(&input, "type", "radio");
    set(&input, "name", name);
    set(&input, "value", value);
    if checked {
        set(&input, "checked", "");
    }
    append(&wrap, element("span", None, Some(label)));
}

/// The form's submit button (`forward`, doing `action`) and "Back".
fn forward_and_back(form: &Element, ctx: &Ctx, forward: Key, action: &str) {
    let actions = append(form, element("div", Some("mc-actions"), None));
    let next = action_button(&actions, "mc-button", &ctx.t(forward), action);
    set(&next, "type", "submit");
    action_button(
        &actions,
        "mc-button mc-button-secondary",
        &ctx.t(Key::CheckBack),
        "back",
    );
}

/// Shows an error (announced at once) or a status line.
fn show_message(parent: &Element, ctx: &Ctx, message: Option<Message>) {
    match message {
        Some(Message::Error(key)) => {
            let p = append(parent, element("p", Some("mc-error"), Some(&ctx.t(key))));
            set(&p, "role", "alert");
            set(&p, "id", "mc-check-error");
        }
        Some(Message::Status(key)) => {
            let p = append(parent, element("p", Some("mc-success"), Some(&ctx.t(key))));
            set(&p, "role", "status");
        }
        None => {}
    }
}

fn render_intro(root: &Element, ctx: &Ctx, message: Option<Message>) {
    heading(root, "h2", &ctx.t(Key::CheckIntroTitle));
    append(root, element("p", None, Some(&ctx.t(Key::CheckIntroWhat))));
    append(root, element("p", None, Some(&ctx.t(Key::CheckIntroWhy))));
    append(
        root,
        element(
            "p",
            Some("mc-private"),
            Some(&ctx.t(Key::CheckIntroPrivate)),
        ),
    );
    append(
        root,
        element("p", None, Some(&ctx.t(Key::CheckIntroNotDiagnosis))),
    );
    let in_progress = !ctx.record.answers.is_empty();
    if in_progress {
        let p = append(root, element("p", None, None));
        action_button(&p, "mc-button", &ctx.t(Key::CheckResume), "resume");
    }
    let form = append(root, element("form", Some("mc-form"), None));
    let fieldset = append(&form, element("fieldset", Some("mc-fieldset"), None));
    append(
        &fieldset,
        element("legend", None, Some(&ctx.t(Key::CheckConsentLegend))),
    );
    let hint = append(
        &fieldset,
        element("p", Some("mc-hint"), Some(&ctx.t(Key::CheckConsentHint))),
    );
    set(&hint, "id", "mc-consent-hint");
    set(&fieldset, "aria-describedby", "mc-consent-hint");
    let saved = in_progress.then_some(ctx.record.consent);
    radio(
        &fieldset,
        "mc-consent",
        "save",
        &ctx.t(Key::CheckConsentSave),
        saved == Some(true),
    );
    radio(
        &fieldset,
        "mc-consent",
        "memory",
        &ctx.t(Key::CheckConsentMemory),
        saved == Some(false),
    );
    show_message(&form, ctx, message);
    let actions = append(&form, element("div", Some("mc-actions"), None));
    let start = action_button(
        &actions,
        if in_progress {
            "mc-button mc-button-secondary"
        } else {
            "mc-button"
        },
        &ctx.t(Key::CheckStart),
        "start",
    );
    set(&start, "type", "submit");
}

/// One question or date screen; `typed` is a refused date to show again.
fn render_step(
    root: &Element,
    ctx: &Ctx,
    index: usize,
    message: Option<Message>,
    typed: Option<&str>,
) {
    let answers = answers_of(ctx.record);
    let all = steps(ctx.questions, &answers);
    let Some(step) = all.get(index.min(all.len().saturating_sub(1))).copied() else {
        return;
    };
    let question = ctx.questions.iter().find(|q| q.id == step.question_id());
    let words = ctx.text.question(step.question_id());
    let progress_text = ctx
        .t(Key::CheckProgress)
        .replace("{n}", &(index + 1).to_string())
        .replace("{total}", &all.len().to_string());
    let progress = append(root, element("div", Some("mc-progress"), None));
    append(&progress, element("p", None, Some(&progress_text)));
    let bar = append(&progress, element("progress", None, None));
    set(&bar, "max", &all.len().to_string());
    set(&bar, "value", &(index + 1).to_string());
    set(&bar, "aria-hidden", "true");

    let form = append(root, element("form", Some("mc-form mc-question"), None));
    // The app checks the answer and says what to fix, in the person's
    // language, rather than the browser's own bubble.
    set(&form, "novalidate", "");
    let fieldset = append(&form, element("fieldset", Some("mc-fieldset"), None));
    let legend = append(&fieldset, element("legend", None, None));
    let title = match step {
        Step::Question(_) => words.text.clone(),
        Step::Date(_) => words.date_label.clone(),
    };
    heading(&legend, "h2", &title);
    let mut described = Vec::new();
    if matches!(step, Step::Question(_)) && !words.hint.is_empty() {
        let hint = append(&fieldset, element("p", Some("mc-hint"), Some(&words.hint)));
        set(&hint, "id", "mc-question-hint");
        described.push("mc-question-hint");
    }
    let current = answers.get(&step.key());
    match (step, question.map(|q| q.kind)) {
        (Step::Question(_), Some(Kind::YesNo { not_sure })) => {
            let mut options = vec![(Answer::Yes, Key::CheckYes), (Answer::No, Key::CheckNo)];
            if not_sure {
                options.push((Answer::NotSure, Key::CheckNotSure));
            }
            for (answer, label) in options {
                radio(
                    &fieldset,
                    "mc-answer",
                    &answer.to_code(),
                    &ctx.t(label),
                    current == Some(&answer),
                );
            }
        }
        (Step::Question(id), Some(Kind::Choice(choices))) => {
            for choice in choices {
                let answer = Answer::Choice(choice.to_string());
                radio(
                    &fieldset,
                    "mc-answer",
                    &answer.to_code(),
                    &ctx.text.choice(id, choice),
                    current == Some(&answer),
                );
            }
        }
        (Step::Date(_), _) => {
            let rule = question.and_then(|q| q.date);
            let (_, input) = labelled_field(
                &fieldset,
                "input",
                "mc-date",
                &ctx.t(Key::CheckDateLabelHint),
                None,
            );
            set(&input, "type", "date");
            let today = today().to_iso();
            match rule {
                Some(DateRule::Since { .. }) => set(&input, "max", &today),
                Some(DateRule::Until { .. }) => set(&input, "min", &today),
                None => {}
            }
            match (typed, current) {
                (Some(typed), _) if !typed.is_empty() => set(&input, "value", typed),
                (_, Some(Answer::Date(date))) => set(&input, "value", &date.to_iso()),
                _ => {}
            }
            let unknown = append(&fieldset, element("label", Some("mc-option"), None));
            let check = append(&unknown, element("input", None, None));
            set(&check, "type", "checkbox");
            set(&check, "id", "mc-date-unknown");
            if current == Some(&Answer::DateUnknown) {
                set(&check, "checked", "");
            }
            append(
                &unknown,
                element("span", None, Some(&ctx.t(Key::CheckDateUnknown))),
            );
            if matches!(message, Some(Message::Error(_))) {
                set(&input, "aria-invalid", "true");
            }
        }
        _ => {}
    }
    if matches!(message, Some(Message::Error(_))) {
        described.push("mc-check-error");
    }
    if !described.is_empty() {
        set(&fieldset, "aria-describedby", &described.join(" "));
    }
    show_message(&form, ctx, message);
    forward_and_back(&form, ctx, Key::CheckNext, "next");
}

/// The answer on the current screen, or why it cannot be taken.
fn read_answer(root: &Element, step: Step, questions: &[Question]) -> Result<Answer, Key> {
    match step {
        Step::Question(_) => checked_value(root, "mc-answer")
            .and_then(|code| Answer::from_code(&code))
            .ok_or(Key::CheckRequired),
        Step::Date(id) => {
            let unknown = input(root, "#mc-date-unknown").is_some_and(|i| i.checked());
            if unknown {
                return Ok(Answer::DateUnknown);
            }
            let value = input(root, "#mc-date")
                .map(|i| i.value())
                .unwrap_or_default();
            let date = CivilDate::parse_iso(&value).ok_or(Key::CheckDateRequired)?;
            let rule = questions
                .iter()
                .find(|q| q.id == id)
                .and_then(|q| q.date)
                .ok_or(Key::CheckDateRequired)?;
            check_date(rule, date, today()).map_err(|problem| match problem {
                DateProblem::InFuture => Key::CheckDateInFuture,
                DateProblem::InPast => Key::CheckDateInPast,
                DateProblem::TooLongAgo => Key::CheckDateTooLongAgo,
                DateProblem::TooFarAhead => Key::CheckDateTooFar,
                DateProblem::OutsideWindow => Key::CheckDateOutsideWindow,
            })?;
            Ok(Answer::Date(date))
        }
    }
}

fn input(root: &Element, selector: &str) -> Option<HtmlInputElement> {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into().ok())
}

fn checked_value(root: &Element, name: &str) -> Option<String> {
    input(root, &format!("input[name='{name}']:checked")).map(|i| i.value())
}

/// The words for an answer, as shown in the summary and the result.
fn answer_label(i18n: I18n, text: &CheckText, step: Step, answer: &Answer) -> String {
    match answer {
        Answer::Yes => i18n.t(Key::CheckYes),
        Answer::No => i18n.t(Key::CheckNo),
        Answer::NotSure => i18n.t(Key::CheckNotSure),
        Answer::Choice(choice) => text.choice(step.question_id(), choice),
        Answer::Date(date) => format_date(i18n.lang_untracked(), *date),
        Answer::DateUnknown => i18n.t(Key::CheckDateUnknown),
    }
}

/// The question or date label a step asks.
fn step_title(text: &CheckText, step: Step) -> String {
    let words = text.question(step.question_id());
    match step {
        Step::Question(_) => words.text,
        Step::Date(_) => words.date_label,
    }
}

/// Every answered step with its answer, in order.
fn answer_list(ctx: &Ctx, answers: &Answers) -> Vec<(usize, String, String)> {
    steps(ctx.questions, answers)
        .into_iter()
        .enumerate()
        .filter_map(|(i, step)| {
            let answer = answers.get(&step.key())?;
            Some((
                i,
                step_title(ctx.text, step),
                answer_label(ctx.i18n, ctx.text, step, answer),
            ))
        })
        .collect()
}

fn render_summary(root: &Element, ctx: &Ctx) {
    let answers = answers_of(ctx.record);
    heading(root, "h2", &ctx.t(Key::CheckSummaryTitle));
    append(
        root,
        element("p", None, Some(&ctx.t(Key::CheckSummaryIntro))),
    );
    let list = append(root, element("dl", Some("mc-answers"), None));
    let change = ctx.t(Key::CheckChange);
    for (index, question, answer) in answer_list(ctx, &answers) {
        let row = append(&list, element("div", Some("mc-answer-row"), None));
        append(&row, element("dt", None, Some(&question)));
        let dd = append(&row, element("dd", None, Some(&answer)));
        let b = action_button(&dd, "mc-button-link", &change, &format!("change:{index}"));
        set(&b, "aria-label", &format!("{change}: {question}"));
    }
    let form = append(root, element("form", Some("mc-form"), None));
    forward_and_back(&form, ctx, Key::CheckSeeResult, "result");
}

fn outcome_sentence(outcome: Outcome) -> Key {
    match outcome {
        Outcome::Ok => Key::CheckResultOk,
        Outcome::Ask => Key::CheckResultAsk,
        Outcome::NotNow => Key::CheckResultNotNow,
    }
}

fn outcome_tag(outcome: Outcome) -> Key {
    match outcome {
        Outcome::NotNow => Key::CheckOutcomeNotNow,
        _ => Key::CheckOutcomeAsk,
    }
}

fn render_result(root: &Element, ctx: &Ctx, message: Option<Message>) {
    let answers = answers_of(ctx.record);
    // The page effect sends an incomplete set of answers to its first
    // missing step before drawing a result.
    let Ok(evaluation) = evaluate(ctx.questions, &answers, today()) else {
        return;
    };
    let lang = ctx.i18n.lang_untracked();
    let summary = append(
        root,
        element(
            "div",
            Some(&format!("mc-result mc-result-{}", evaluation.overall.id())),
            None,
        ),
    );
    heading(&summary, "h2", &ctx.t(Key::CheckResultTitle));
    append(
        &summary,
        element(
            "p",
            Some("mc-result-sentence"),
            Some(&ctx.t(outcome_sentence(evaluation.overall))),
        ),
    );

    if !evaluation.findings.is_empty() {
        let list = append(root, element("ul", Some("mc-findings"), None));
        for finding in &evaluation.findings {
            let words = ctx.text.question(finding.question);
            let item = append(
                &list,
                element(
                    "li",
                    Some(&format!("mc-finding mc-finding-{}", finding.outcome.id())),
                    None,
                ),
            );
            append(
                &item,
                element(
                    "p",
                    Some("mc-tag"),
                    Some(&ctx.t(outcome_tag(finding.outcome))),
                ),
            );
            append(&item, element("h3", None, Some(&words.text)));
            let why = append(&item, element("p", None, None));
            append(
                &why,
                element("strong", None, Some(&format!("{}: ", ctx.t(Key::CheckWhy)))),
            );
            why.append_with_str_1(&words.reason).ok();
            let next = append(&item, element("p", None, None));
            append(
                &next,
                element(
                    "strong",
                    None,
                    Some(&format!("{}: ", ctx.t(Key::CheckWhatNext))),
                ),
            );
            next.append_with_str_1(&words.next).ok();
            if finding.unsure {
                append(
                    &item,
                    element(
                        "p",
                        Some("mc-finding-note"),
                        Some(&ctx.t(Key::CheckFindingUnsure)),
                    ),
                );
            }
            if let Some(date) = finding.wait_ends {
                let line = ctx
                    .t(Key::CheckFindingFrom)
                    .replace("{date}", &format_date(lang, date));
                append(&item, element("p", Some("mc-finding-date"), Some(&line)));
            }
            if let Some(faq) = ctx
                .questions
                .iter()
                .find(|q| q.id == finding.question)
                .map(|q| q.faq)
            {
                let p = append(&item, element("p", Some("mc-no-print"), None));
                let a = append(&p, element("a", None, Some(&ctx.t(Key::CheckLearnMore))));
                set(&a, "href", &Route::FaqEntry(faq.to_string()).href());
            }
        }
    }

    let next = append(root, element("section", Some("mc-next-step"), None));
    append(
        &next,
        element("h3", None, Some(&ctx.t(Key::CheckNextStepTitle))),
    );
    append(
        &next,
        element("p", None, Some(&ctx.t(Key::CheckNextStepText))),
    );
    if !ctx.clinic.actions().is_empty() {
        append(&next, element("p", None, Some(&ctx.t(Key::ClinicNextStep))));
        contact_links(&next, ctx.clinic, ctx.i18n);
    }

    append(
        root,
        element("h3", None, Some(&ctx.t(Key::CheckYourAnswers))),
    );
    let list = append(
        root,
        element("dl", Some("mc-answers mc-answers-compact"), None),
    );
    for (_, question, answer) in answer_list(ctx, &answers) {
        let row = append(&list, element("div", Some("mc-answer-row"), None));
        append(&row, element("dt", None, Some(&question)));
        append(&row, element("dd", None, Some(&answer)));
    }
    let done_on = done_on(ctx.record);
    let checked = ctx
        .t(Key::CheckCheckedOn)
        .replace("{date}", &format_date(lang, done_on));
    append(root, element("p", Some("mc-hint"), Some(&checked)));
    let kept = if ctx.record.consent {
        Key::CheckSavedNote
    } else {
        Key::CheckMemoryNote
    };
    append(
        root,
        element("p", Some("mc-hint mc-no-print"), Some(&ctx.t(kept))),
    );

    let actions = append(root, element("div", Some("mc-actions mc-no-print"), None));
    action_button(&actions, "mc-button", &ctx.t(Key::CheckShare), "share");
    action_button(
        &actions,
        "mc-button mc-button-secondary",
        &ctx.t(Key::CheckPrint),
        "print",
    );
    action_button(
        &actions,
        "mc-button mc-button-secondary",
        &ctx.t(Key::CheckStartOver),
        "restart",
    );
    append(
        root,
        element(
            "p",
            Some("mc-hint mc-no-print"),
            Some(&ctx.t(Key::CheckShareHint)),
        ),
    );
    show_message(root, ctx, message);
    append(
        root,
        element(
            "p",
            Some("mc-disclaimer"),
            Some(&ctx.t(Key::CheckDisclaimer)),
        ),
    );
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
fn summary_text(ctx: &Ctx, answers: &Answers) -> String {
    let (i18n, text) = (ctx.i18n, ctx.text);
    let lang = i18n.lang_untracked();
    let Ok(evaluation) = evaluate(ctx.questions, answers, today()) else {
        return String::new();
    };
    let done_on = done_on(ctx.record);
    let mut out = vec![
        i18n.t(Key::CheckTitle),
        i18n.t(Key::CheckCheckedOn)
            .replace("{date}", &format_date(lang, done_on)),
        String::new(),
        i18n.t(outcome_sentence(evaluation.overall)),
    ];
    for finding in &evaluation.findings {
        let mut line = format!(
            "- {} ({})",
            text.question(finding.question).text,
            i18n.t(outcome_tag(finding.outcome))
        );
        if let Some(date) = finding.wait_ends {
            line.push_str(&format!(
                " {}",
                i18n.t(Key::CheckFindingFrom)
                    .replace("{date}", &format_date(lang, date))
            ));
        }
        out.push(line);
    }
    out.push(String::new());
    out.push(i18n.t(Key::CheckYourAnswers));
    for (_, question, answer) in answer_list(ctx, answers) {
        out.push(format!("- {question} {answer}"));
    }
    out.push(String::new());
    out.push(i18n.t(Key::CheckDisclaimer));
    out.join("\n")
}
