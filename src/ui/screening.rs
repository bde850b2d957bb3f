//! The self-check: a notice with the consent choice, one question per
//! screen (and the date asked after some "yes" answers), the summary of
//! answers, and the result.
//!
//! The page keeps its state in a few signals created once, at the top of
//! [`CheckPage`], apart from the questions' words: the screen shown, its
//! message, and the answer being chosen on it (not yet submitted). A
//! language switch loads the words again and draws the screens with them;
//! the screen and the pending answer stay as they were. The rules (which
//! questions apply, what a date may be, what the answers mean) are in
//! `core::screening`.

mod intro;
mod result;
mod step;
mod summary;

use crate::browser::dates::{format_date, today};
use crate::core::i18n::{Key, Lang};
use crate::core::schema::ScreeningRecord;
use crate::core::screening::{
    first_missing, steps, Answer, Answers, CheckText, Consent, Outcome, Question, Step,
};
use crate::ui::clinic::use_clinic;
use crate::ui::data::{use_data, AppData};
use crate::ui::focus::focus_now;
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::layout::PageSection;
use crate::ui::lazy::{use_content, ContentPending};
use crate::ui::widgets::{self, Tone};
use leptos::either::EitherOf4;
use leptos::prelude::*;
use std::sync::Arc;

/// Which screen is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Screen {
    Intro,
    /// The step at this index of [`steps`].
    Step(usize),
    Summary,
    Result,
}

/// A message shown on the current screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Message {
    /// Something to fix before going on, announced at once.
    Error(Key),
    /// What happened (copied, shared, answers missing).
    Status(Key),
}

/// The self-check's state: the screen, its message and the answer being
/// chosen, each in its own signal. Created once per visit of the page,
/// outside what is drawn from the loaded words.
#[derive(Clone, Copy)]
struct Flow {
    data: AppData,
    i18n: I18n,
    /// The clinic's questions (the default ones, stricter or longer).
    questions: StoredValue<Vec<Question>>,
    screen: RwSignal<Screen>,
    message: RwSignal<Option<Message>>,
    /// The consent option chosen on the intro: a [`Consent`] id.
    consent: RwSignal<Option<String>>,
    /// The option chosen on a question screen, as an answer code.
    choice: RwSignal<Option<String>>,
    /// The date typed on a date screen (`YYYY-MM-DD`), kept when refused so
    /// that it can be corrected rather than typed anew.
    date: RwSignal<String>,
    /// "I don't know the date" on a date screen.
    date_unknown: RwSignal<bool>,
    /// After "Change" on the summary, or on the way to a result that lacks
    /// answers, the next answer leads to the next missing one, else the
    /// summary.
    returning: StoredValue<bool>,
}

impl Flow {
    /// The answers given so far (reactive).
    fn answers(self) -> Answers {
        self.data.screening.with(answers_of)
    }

    /// The answers given so far, without subscribing (for event handlers).
    fn answers_untracked(self) -> Answers {
        self.data.screening.with_untracked(answers_of)
    }

    /// The index of the first step without an answer that fits it, if any.
    fn missing_index(self, answers: &Answers) -> Option<usize> {
        self.questions.with_value(|qs| missing_index(qs, answers))
    }

    /// The steps to show with the answers so far.
    fn steps(self, answers: &Answers) -> Vec<Step> {
        self.questions.with_value(|qs| steps(qs, answers))
    }

    /// Shows `screen` with no message, the answer already given to it (if
    /// any) chosen, and focus on its heading once drawn.
    fn go(self, screen: Screen) {
        self.show(screen);
        request_animation_frame(|| focus_now("#mc-check-heading"));
    }

    /// [`Flow::go`] without moving focus.
    fn show(self, screen: Screen) {
        if let Screen::Step(index) = screen {
            let answers = self.data.screening.with_untracked(answers_of);
            let step = self.steps(&answers).get(index).copied();
            let given = step.and_then(|s| answers.get(&s.key()).cloned());
            self.choice.set(match (step, &given) {
                (Some(Step::Question(_)), Some(answer)) => Some(answer.to_code()),
                _ => None,
            });
            self.date.set(match given {
                Some(Answer::Date(date)) => date.to_iso(),
                _ => String::new(),
            });
            self.date_unknown.set(given == Some(Answer::DateUnknown));
        }
        self.message.set(None);
        self.screen.set(screen);
    }

    /// Shows why the answer cannot be taken, and puts focus on the first
    /// field to fix, the error being announced meanwhile.
    fn refuse(self, why: Key) {
        self.message.set(Some(Message::Error(why)));
        request_animation_frame(|| focus_now(".mc-check-flow fieldset input"));
    }

    /// Whether the current message is an error (reactive).
    fn has_error(self) -> bool {
        matches!(self.message.get(), Some(Message::Error(_)))
    }

    /// The result, or the first missing answer if one is missing.
    fn see_result(self) {
        let answers = self.data.screening.with_untracked(answers_of);
        match self.missing_index(&answers) {
            Some(at) => {
                self.to_missing(at);
                request_animation_frame(|| focus_now("#mc-check-heading"));
            }
            None => {
                self.data.update_screening(|r| {
                    r.done_on.get_or_insert_with(|| today().to_iso());
                });
                self.returning.set_value(false);
                self.go(Screen::Result);
            }
        }
    }

    /// The first missing answer instead of a result from an incomplete set
    /// of answers (a restored backup, a question the clinic added later).
    fn to_missing(self, at: usize) {
        self.returning.set_value(true);
        self.show(Screen::Step(at));
        self.message.set(Some(Message::Status(Key::CheckMissing)));
    }
}

/// The self-check page. A finished self-check opens on its result, or on
/// its first missing answer if it lacks one.
#[component]
pub fn CheckPage() -> impl IntoView {
    let data = use_data();
    let i18n = use_i18n();
    let text = use_content::<CheckText>();
    let flow = Flow {
        data,
        i18n,
        questions: StoredValue::new(use_clinic().questions()),
        screen: RwSignal::new(Screen::Intro),
        message: RwSignal::new(None),
        consent: RwSignal::new(None),
        choice: RwSignal::new(None),
        date: RwSignal::new(String::new()),
        date_unknown: RwSignal::new(false),
        returning: StoredValue::new(false),
    };
    let record = data.screening.get_untracked();
    if !record.answers.is_empty() {
        flow.consent
            .set(Some(Consent::from_saved(record.consent).id().to_string()));
    }
    if record.done_on.is_some() && !record.answers.is_empty() {
        match flow.missing_index(&answers_of(&record)) {
            Some(at) => flow.to_missing(at),
            None => flow.show(Screen::Result),
        }
    }
    // Never a result from an incomplete set of answers, also when they
    // change while it is shown (another tab, an import).
    Effect::new(move |_| {
        if flow.screen.get() == Screen::Result {
            if let Some(at) = flow.missing_index(&flow.answers()) {
                flow.to_missing(at);
            }
        }
    });

    // The screens are drawn again only when other words arrive (a language
    // switch), not whenever the loader's state changes.
    let words = Memo::new_with_compare(
        move |_| text.get(),
        |old, new| match (old.and_then(Option::as_ref), new.and_then(Option::as_ref)) {
            (Some(old), Some(new)) => !Arc::ptr_eq(old, new),
            (old, new) => old.is_some() != new.is_some(),
        },
    );
    let flow_view = move || match words.get() {
        Some(text) => view! { <CheckFlow flow text/> }.into_any(),
        None => view! { <ContentPending<CheckText>/> }.into_any(),
    };

    view! {
        <PageSection class="mc-page mc-check" title=Key::CheckTitle intro=Key::CheckIntro>
            <div>{flow_view}</div>
        </PageSection>
    }
}

/// The screen shown, drawn with `text`, the questions' words in the current
/// language.
#[component]
fn CheckFlow(
    /// The self-check's state.
    flow: Flow,
    /// The questions' words.
    text: Arc<CheckText>,
) -> impl IntoView {
    let screen = move || match flow.screen.get() {
        Screen::Intro => EitherOf4::A(view! { <intro::Intro flow/> }),
        Screen::Step(index) => {
            EitherOf4::B(view! { <step::StepScreen flow text=text.clone() index/> })
        }
        Screen::Summary => EitherOf4::C(view! { <summary::Summary flow text=text.clone()/> }),
        Screen::Result => EitherOf4::D(view! { <result::ResultScreen flow text=text.clone()/> }),
    };
    view! { <div class="mc-check-flow">{screen}</div> }
}

/// The message of the current screen, if any: an error is announced at once
/// (`role="alert"`, named by the field it is about), a status politely.
#[component]
fn FlowMessage(
    /// The self-check's state.
    flow: Flow,
) -> impl IntoView {
    move || {
        flow.message.get().map(|message| match message {
            Message::Error(key) => view! {
                <widgets::Message tone=Tone::Error text=key id="mc-check-error"/>
            },
            Message::Status(key) => view! { <widgets::Message tone=Tone::Success text=key/> },
        })
    }
}

/// One option of a choice group: a radio button in its label
/// (`<label class="mc-option">`), checked while `chosen` holds its value.
#[component]
fn OptionRadio(
    /// The group's name.
    name: &'static str,
    /// The value this option stands for.
    value: String,
    /// The option chosen in the group, set when this one is picked.
    chosen: RwSignal<Option<String>>,
    /// The option's words.
    children: Children,
) -> impl IntoView {
    let mine = value.clone();
    let picked = value.clone();
    view! {
        <label class="mc-option">
            <input
                type="radio"
                name=name
                value=value
                prop:checked=move || chosen.with(|c| c.as_deref() == Some(mine.as_str()))
                on:change=move |_| chosen.set(Some(picked.clone()))
            />
            <span>{children()}</span>
        </label>
    }
}

/// The form's submit button (`forward`) and "Back".
#[component]
fn ForwardAndBack(
    /// The submit button's words.
    forward: Key,
    /// What "Back" does.
    on_back: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="mc-actions">
            <button type="submit" class="mc-button">{i18n.text(forward)}</button>
            <button
                type="button"
                class="mc-button mc-button-secondary"
                on:click=move |_| on_back.run(())
            >
                {i18n.text(Key::CheckBack)}
            </button>
        </div>
    }
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
/// result is shown until there is none.
fn missing_index(questions: &[Question], answers: &Answers) -> Option<usize> {
    let missing = first_missing(questions, answers)?;
    steps(questions, answers).iter().position(|s| *s == missing)
}

/// The words for an answer, as shown in the summary and the result.
fn answer_label(i18n: I18n, lang: Lang, text: &CheckText, step: Step, answer: &Answer) -> String {
    match answer {
        Answer::Yes => i18n.t_untracked(Key::CheckYes),
        Answer::No => i18n.t_untracked(Key::CheckNo),
        Answer::NotSure => i18n.t_untracked(Key::CheckNotSure),
        Answer::Choice(choice) => text.choice(step.question_id(), choice),
        Answer::Date(date) => format_date(lang, *date),
        Answer::DateUnknown => i18n.t_untracked(Key::CheckDateUnknown),
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

/// One answered step, as listed in the summary and the result.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct AnswerRow {
    /// The step's index in [`steps`].
    index: usize,
    /// The step's answer key and stored code: a row is drawn again only
    /// when these change.
    key: (String, String),
    question: String,
    answer: String,
}

/// Every answered step with its answer, in order.
fn answer_rows(flow: Flow, text: &CheckText, answers: &Answers) -> Vec<AnswerRow> {
    let lang = flow.i18n.lang_untracked();
    flow.steps(answers)
        .into_iter()
        .enumerate()
        .filter_map(|(index, step)| {
            let answer = answers.get(&step.key())?;
            Some(AnswerRow {
                index,
                key: (step.key(), answer.to_code()),
                question: step_title(text, step),
                answer: answer_label(flow.i18n, lang, text, step, answer),
            })
        })
        .collect()
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
