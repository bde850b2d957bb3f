//! One question per screen, or the date asked after a "yes".

use super::{
    answers_of, step_title, use_flow, Flow, FlowMessage, ForwardAndBack, OptionRadio, Screen,
};
use crate::core::calendar::CivilDate;
use crate::core::i18n::CheckKey;
use crate::core::screening::{
    check_date, Answer, CheckText, DateProblem, DateRule, Kind, Question, Step,
};
use crate::ui::content::use_words;
use crate::ui::env::use_clock;
use crate::ui::kit::widgets::{DateField, DateKind};
use leptos::either::Either;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// The step at `index`: its progress, its question or date, the message
/// and "Next"/"Back". The answer chosen is kept in the flow's signals until
/// "Next" takes it.
#[component]
pub(super) fn StepScreen(
    /// The step's index among the steps that apply.
    index: usize,
) -> impl IntoView {
    let flow = use_flow();
    let words = use_words::<CheckText>();
    let all = Memo::new(move |_| flow.steps(&flow.answers()));
    // The last step if `index` is past the end (answers changed elsewhere).
    let step = Memo::new(move |_| {
        all.with(|all| all.get(index.min(all.len().saturating_sub(1))).copied())
    });
    let total = move || all.with(Vec::len).to_string();
    let progress = move || {
        words.fill(
            CheckKey::Progress,
            &[("n", &(index + 1).to_string()), ("total", &total())],
        )
    };

    let next = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Some(step) = step.get_untracked() else {
            flow.go(Screen::Summary);
            return;
        };
        match read_answer(flow, step) {
            Err(why) => flow.refuse(why),
            Ok(answer) => {
                flow.data.update_screening(|r| {
                    r.set_answer(step.key(), answer.to_code());
                    r.step = index + 1;
                });
                let returning = flow.returning.get_value() || flow.is_completing();
                let answers = flow.data.screening.with_untracked(answers_of);
                let next = if returning {
                    flow.missing_index(&answers)
                } else {
                    (index + 1 < flow.steps(&answers).len()).then_some(index + 1)
                };
                if returning {
                    flow.returning.set_value(true);
                }
                flow.go(next.map_or(Screen::Summary, Screen::Step));
            }
        }
    };
    let back = Callback::new(move |()| {
        flow.go(match index {
            0 => Screen::Intro,
            _ => Screen::Step(index - 1),
        })
    });
    let fields = move || step.get().map(|step| view! { <StepFields step/> });

    view! {
        <div class="mc-progress">
            <p>{progress}</p>
            <progress max=total value=(index + 1).to_string() aria-hidden="true"></progress>
        </div>
        // The app checks the answer and says what to fix, in the person's
        // language, rather than the browser's own bubble.
        <form class="mc-form mc-question" novalidate on:submit=next>
            {fields}
            <FlowMessage/>
            <ForwardAndBack forward=CheckKey::Next on_back=back/>
        </form>
    }
}

/// The fieldset of `step`: its question as the legend (the screen's
/// heading), a hint, and the options or the date field.
#[component]
fn StepFields(
    /// The step shown.
    step: Step,
) -> impl IntoView {
    let flow = use_flow();
    let text = use_words::<CheckText>().get();
    let question = flow.questions.with_value(|qs| find(qs, step.question_id()));
    let words = text.question(step.question_id());
    let hint = (matches!(step, Step::Question(_)) && !words.hint.is_empty()).then_some(words.hint);
    let has_hint = hint.is_some();
    let described = move || {
        let mut ids = Vec::new();
        if has_hint {
            ids.push("mc-question-hint");
        }
        if flow.has_error() {
            ids.push("mc-check-error");
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    let control = match step {
        Step::Question(id) => {
            let options: Vec<(Answer, String)> = match question.map(|q| q.kind) {
                Some(Kind::YesNo { not_sure }) => {
                    let mut options =
                        vec![(Answer::Yes, CheckKey::Yes), (Answer::No, CheckKey::No)];
                    if not_sure {
                        options.push((Answer::NotSure, CheckKey::NotSure));
                    }
                    options
                        .into_iter()
                        .map(|(answer, label)| (answer, text.t(label).to_string()))
                        .collect()
                }
                Some(Kind::Choice(choices)) => choices
                    .iter()
                    .map(|choice| (Answer::Choice(choice.to_string()), text.choice(id, choice)))
                    .collect(),
                None => Vec::new(),
            };
            Either::Left(
                options
                    .into_iter()
                    .map(|(answer, label)| {
                        view! {
                            <OptionRadio name="mc-answer" code=answer.to_code() value=answer.to_code() chosen=flow.choice>
                                {label}
                            </OptionRadio>
                        }
                    })
                    .collect_view(),
            )
        }
        Step::Date(_) => Either::Right(view! { <StepDate rule=question.and_then(|q| q.date)/> }),
    };

    view! {
        <fieldset class="mc-fieldset" aria-describedby=described>
            <legend>
                <h2 id="mc-check-heading" tabindex="-1">{step_title(&text, step)}</h2>
            </legend>
            {hint.map(|hint| view! { <p class="mc-hint" id="mc-question-hint">{hint}</p> })}
            {control}
        </fieldset>
    }
}

/// The date field of a date step, bound to the flow's date, and "I don't
/// know the date". A refused date stays in the field.
#[component]
fn StepDate(
    /// What the date may be: a past event is at most today; a date to come
    /// (a due date) at most as far back as it can have passed.
    rule: Option<DateRule>,
) -> impl IntoView {
    let flow = use_flow();
    let words = use_words::<CheckText>();
    let today = use_clock().today_untracked();
    let (min, max) = match rule {
        Some(DateRule::Since { .. }) => (None, Some(today.to_iso())),
        Some(DateRule::Until {
            max_overdue_days, ..
        }) => (Some(today.add_days(-max_overdue_days).to_iso()), None),
        None => (None, None),
    };
    view! {
        <DateField
            id="mc-date"
            kind=DateKind::Date
            label=words.t(CheckKey::DateLabelHint)
            value=flow.date
            min
            max
            invalid=Signal::derive(move || flow.has_error())
        />
        <label class="mc-option">
            <input
                type="checkbox"
                id="mc-date-unknown"
                prop:checked=move || flow.date_unknown.get()
                on:change:target=move |ev| flow.date_unknown.set(ev.target().checked())
            />
            <span>{words.t(CheckKey::DateUnknown)}</span>
        </label>
    }
}

fn find(questions: &[Question], id: &str) -> Option<Question> {
    questions.iter().find(|q| q.id == id).copied()
}

/// The answer chosen on `step`, or why it cannot be taken.
fn read_answer(flow: Flow, step: Step) -> Result<Answer, CheckKey> {
    match step {
        Step::Question(_) => flow
            .choice
            .get_untracked()
            .and_then(|code| Answer::from_code(&code))
            .ok_or(CheckKey::Required),
        Step::Date(id) => {
            if flow.date_unknown.get_untracked() {
                return Ok(Answer::DateUnknown);
            }
            let date = flow
                .date
                .with_untracked(|typed| CivilDate::parse_iso(typed))
                .ok_or(CheckKey::DateRequired)?;
            let rule = flow
                .questions
                .with_value(|qs| find(qs, id))
                .and_then(|q| q.date)
                .ok_or(CheckKey::DateRequired)?;
            check_date(rule, date, flow.clock.today_untracked()).map_err(
                |problem| match problem {
                    DateProblem::InFuture => CheckKey::DateInFuture,
                    DateProblem::InPast => CheckKey::DateInPast,
                    DateProblem::TooLongAgo => CheckKey::DateTooLongAgo,
                    DateProblem::TooFarAhead => CheckKey::DateTooFar,
                    DateProblem::OutsideWindow => CheckKey::DateOutsideWindow,
                },
            )?;
            Ok(Answer::Date(date))
        }
    }
}
