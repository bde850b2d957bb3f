//! The self-check's first screen: what it is, and whether to keep the
//! answers on this device.

use super::{answers_of, use_flow, FlowMessage, OptionRadio, Screen};
use crate::core::i18n::CheckKey;
use crate::core::schema::ScreeningRecord;
use crate::core::screening::{CheckText, Consent};
use crate::ui::content::use_words;
use leptos::prelude::*;

/// What the self-check is and is not, "Continue where you stopped" when
/// answers were given, and the consent choice that starts it.
#[component]
pub(super) fn Intro() -> impl IntoView {
    let flow = use_flow();
    let words = use_words::<CheckText>();
    let in_progress = move || flow.data.screening.with(|r| !r.answers.is_empty());

    let resume = move |_| {
        let (answers, step) = flow
            .data
            .screening
            .with_untracked(|r| (answers_of(r), r.step));
        let at = flow.missing_index(&answers).unwrap_or(step);
        flow.go(Screen::Step(at));
    };
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match flow.consent.get_untracked() {
            None => flow.refuse(CheckKey::ConsentRequired),
            Some(choice) => {
                flow.data.update_screening(|r| {
                    *r = ScreeningRecord {
                        // Kept on the device only with that choice.
                        consent: choice.saves(),
                        ..ScreeningRecord::default()
                    }
                });
                flow.returning.set_value(false);
                flow.go(Screen::Step(0));
            }
        }
    };
    let resume_button = move || {
        in_progress().then(|| {
            view! {
                <p>
                    <button type="button" class="mc-button" on:click=resume>
                        {words.t(CheckKey::Resume)}
                    </button>
                </p>
            }
        })
    };
    // With answers to resume, starting anew is the second choice.
    let start_class = move || {
        if in_progress() {
            "mc-button mc-button-secondary"
        } else {
            "mc-button"
        }
    };

    view! {
        <h2 id="mc-check-heading" tabindex="-1">{words.t(CheckKey::IntroTitle)}</h2>
        <p>{words.t(CheckKey::IntroWhat)}</p>
        <p>{words.t(CheckKey::IntroWhy)}</p>
        <p class="mc-private">{words.t(CheckKey::IntroPrivate)}</p>
        <p>{words.t(CheckKey::IntroNotDiagnosis)}</p>
        {resume_button}
        <form class="mc-form" on:submit=start>
            <fieldset class="mc-fieldset" aria-describedby="mc-consent-hint">
                <legend>{words.t(CheckKey::ConsentLegend)}</legend>
                <p class="mc-hint" id="mc-consent-hint">{words.t(CheckKey::ConsentHint)}</p>
                <OptionRadio name="mc-consent" value=Consent::Save code=Consent::Save.id().to_string() chosen=flow.consent>
                    {words.t(CheckKey::ConsentSave)}
                </OptionRadio>
                <OptionRadio name="mc-consent" value=Consent::Memory code=Consent::Memory.id().to_string() chosen=flow.consent>
                    {words.t(CheckKey::ConsentMemory)}
                </OptionRadio>
            </fieldset>
            <FlowMessage/>
            <div class="mc-actions">
                <button type="submit" class=start_class>{words.t(CheckKey::Start)}</button>
            </div>
        </form>
    }
}
