//! The self-check: a notice with the consent choice, one question per
//! screen (and the date asked after some "yes" answers), the summary of
//! answers, and the result.
//!
//! The page keeps its state in [`Flow`], a few signals created once when
//! the page opens and provided to its screens, apart from the questions'
//! words: the screen chosen, its message, and the answer being chosen on it
//! (not yet submitted). A language switch loads the words again and draws
//! the screens with them; the screen and the pending answer stay as they
//! were. The rules (which questions apply, what a date may be, what the
//! answers mean) are in `core::screening`.

mod intro;
mod result;
mod step;
mod summary;

use crate::core::dates::DateStyle;
use crate::core::i18n::{CheckKey, Key};
use crate::core::schema::ScreeningRecord;
use crate::core::screening::{
    first_missing, steps, Answer, Answers, CheckText, Consent, Outcome, Question, Step,
};
use crate::ui::clinic::use_clinic;
use crate::ui::content::{use_words, SectionView};
use crate::ui::data::{use_data, AppData};
use crate::ui::env::{use_clock, Clock};
use crate::ui::files::Section;
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::kit::focus::focus_now;
use crate::ui::kit::layout::PageSection;
use crate::ui::kit::widgets::{self, Tone};
use leptos::either::EitherOf4;
use leptos::prelude::*;

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
enum ScreenMessage {
    /// Something to fix before going on, announced at once.
    Error(CheckKey),
    /// What happened (copied, shared, answers missing).
    Status(CheckKey),
}

/// The self-check's state: the screen, its message and the answer being
/// chosen, each in its own signal. Created once per visit of the page,
/// outside what is drawn from the loaded words, and provided to the
/// screens.
#[derive(Clone, Copy)]
struct Flow {
    data: AppData,
    i18n: I18n,
    clock: Clock,
    /// The clinic's questions (the default ones, stricter or longer).
    questions: StoredValue<Vec<Question>>,
    /// The screen the person went to.
    chosen: RwSignal<Screen>,
    /// The screen shown: the one chosen, but the first missing answer in
    /// place of a result from an incomplete set of answers (a restored
    /// backup, a question the clinic added later, another tab).
    screen: Memo<Screen>,
    message: RwSignal<Option<ScreenMessage>>,
    /// The consent option chosen on the intro.
    consent: RwSignal<Option<Consent>>,
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

fn use_flow() -> Flow {
    expect_context::<Flow>()
}

impl Flow {
    /// The state of a page just opened: a finished self-check opens on its
    /// result (or its first missing answer), one in progress on the intro
    /// with its consent chosen.
    fn new() -> Self {
        let data = use_data();
        let questions = StoredValue::new(use_clinic().questions.clone());
        let chosen = RwSignal::new(Screen::Intro);
        let screen = Memo::new(move |_| match chosen.get() {
            Screen::Result => {
                let answers = data.screening.with(answers_of);
                questions
                    .with_value(|qs| missing_index(qs, &answers))
                    .map_or(Screen::Result, Screen::Step)
            }
            other => other,
        });
        let flow = Flow {
            data,
            i18n: use_i18n(),
            clock: use_clock(),
            questions,
            chosen,
            screen,
            message: RwSignal::new(None),
            consent: RwSignal::new(None),
            choice: RwSignal::new(None),
            date: RwSignal::new(String::new()),
            date_unknown: RwSignal::new(false),
            returning: StoredValue::new(false),
        };
        let record = data.screening.get_untracked();
        if !record.answers.is_empty() {
            flow.consent.set(Some(Consent::from_saved(record.consent)));
        }
        if record.done_on.is_some() && !record.answers.is_empty() {
            flow.show(Screen::Result);
        }
        flow
    }

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

    /// A result was asked for but answers are missing: the next answer
    /// leads to the next missing one.
    fn is_completing(self) -> bool {
        self.chosen.get_untracked() == Screen::Result
            && self.screen.get_untracked() != Screen::Result
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
            let answers = self.answers_untracked();
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
        self.chosen.set(screen);
    }

    /// Shows why the answer cannot be taken, and puts focus on the first
    /// field to fix, the error being announced meanwhile.
    fn refuse(self, why: CheckKey) {
        self.message.set(Some(ScreenMessage::Error(why)));
        request_animation_frame(|| focus_now(".mc-check-flow fieldset input"));
    }

    /// Whether the current message is an error (reactive).
    fn has_error(self) -> bool {
        matches!(self.message.get(), Some(ScreenMessage::Error(_)))
    }

    /// The result, or the first missing answer if one is missing.
    fn see_result(self) {
        let answers = self.answers_untracked();
        if self.missing_index(&answers).is_none() {
            let today = self.clock.today_untracked();
            self.data.update_screening(|r| {
                r.done_on.get_or_insert_with(|| today.to_iso());
            });
        }
        self.returning.set_value(false);
        self.go(Screen::Result);
    }
}

/// The self-check page. A finished self-check opens on its result, or on
/// its first missing answer if it lacks one.
#[component]
pub fn CheckPage() -> impl IntoView {
    provide_context(Flow::new());
    view! {
        <PageSection class="mc-page mc-check" title=Key::CheckTitle intro=Key::CheckIntro>
            <div>
                <SectionView<CheckText>>
                    <CheckFlow/>
                </SectionView<CheckText>>
            </div>
        </PageSection>
    }
}

/// The screen shown, drawn with the questions' words in the current
/// language.
#[component]
fn CheckFlow() -> impl IntoView {
    let flow = use_flow();
    let screen = move || match flow.screen.get() {
        Screen::Intro => EitherOf4::A(view! { <intro::Intro/> }),
        Screen::Step(index) => EitherOf4::B(view! { <step::StepScreen index/> }),
        Screen::Summary => EitherOf4::C(view! { <summary::Summary/> }),
        Screen::Result => EitherOf4::D(view! { <result::ResultScreen/> }),
    };
    view! { <div class="mc-check-flow">{screen}</div> }
}

/// The message of the current screen, if any: an error is announced at once
/// (`role="alert"`, named by the field it is about), a status politely. On
/// the way to a result that lacks answers: "Some answers are missing".
#[component]
fn FlowMessage() -> impl IntoView {
    let flow = use_flow();
    let words = use_words::<CheckText>();
    let completing =
        move || flow.chosen.get() == Screen::Result && flow.screen.get() != Screen::Result;
    move || {
        let message = flow
            .message
            .get()
            .or_else(|| completing().then_some(ScreenMessage::Status(CheckKey::Missing)));
        message.map(|message| match message {
            ScreenMessage::Error(key) => view! {
                <widgets::Message tone=Tone::Error text=words.t(key) id="mc-check-error"/>
            },
            ScreenMessage::Status(key) => {
                view! { <widgets::Message tone=Tone::Success text=words.t(key)/> }
            }
        })
    }
}

/// One option of a choice group: a radio button in its label
/// (`<label class="mc-option">`), checked while `chosen` holds its value.
#[component]
fn OptionRadio<T: Clone + PartialEq + Send + Sync + 'static>(
    /// The group's name.
    name: &'static str,
    /// The value this option stands for.
    value: T,
    /// The value as the form writes it.
    code: String,
    /// The option chosen in the group, set when this one is picked.
    chosen: RwSignal<Option<T>>,
    /// The option's words.
    children: Children,
) -> impl IntoView {
    let mine = value.clone();
    view! {
        <label class="mc-option">
            <input
                type="radio"
                name=name
                value=code
                prop:checked=move || chosen.with(|c| c.as_ref() == Some(&mine))
                on:change=move |_| chosen.set(Some(value.clone()))
            />
            <span>{children()}</span>
        </label>
    }
}

/// The form's submit button (`forward`) and "Back".
#[component]
fn ForwardAndBack(
    /// The submit button's words.
    forward: CheckKey,
    /// What "Back" does.
    on_back: Callback<()>,
) -> impl IntoView {
    let words = use_words::<CheckText>();
    view! {
        <div class="mc-actions">
            <button type="submit" class="mc-button">{words.t(forward)}</button>
            <button
                type="button"
                class="mc-button mc-button-secondary"
                on:click=move |_| on_back.run(())
            >
                {words.t(CheckKey::Back)}
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
fn answer_label(i18n: I18n, words: &Section<CheckText>, step: Step, answer: &Answer) -> String {
    match answer {
        Answer::Yes => words.t(CheckKey::Yes).to_string(),
        Answer::No => words.t(CheckKey::No).to_string(),
        Answer::NotSure => words.t(CheckKey::NotSure).to_string(),
        Answer::Choice(choice) => words.choice(step.question_id(), choice),
        Answer::Date(date) => i18n.with_locale(|l| l.date(*date, DateStyle::Date)),
        Answer::DateUnknown => words.t(CheckKey::DateUnknown).to_string(),
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
fn answer_rows(flow: Flow, words: &Section<CheckText>, answers: &Answers) -> Vec<AnswerRow> {
    flow.steps(answers)
        .into_iter()
        .enumerate()
        .filter_map(|(index, step)| {
            let answer = answers.get(&step.key())?;
            Some(AnswerRow {
                index,
                key: (step.key(), answer.to_code()),
                question: step_title(words, step),
                answer: answer_label(flow.i18n, words, step, answer),
            })
        })
        .collect()
}

fn outcome_sentence(outcome: Outcome) -> CheckKey {
    match outcome {
        Outcome::Ok => CheckKey::ResultOk,
        Outcome::Ask => CheckKey::ResultAsk,
        Outcome::NotNow => CheckKey::ResultNotNow,
    }
}

fn outcome_tag(outcome: Outcome) -> CheckKey {
    match outcome {
        Outcome::NotNow => CheckKey::OutcomeNotNow,
        _ => CheckKey::OutcomeAsk,
    }
}
