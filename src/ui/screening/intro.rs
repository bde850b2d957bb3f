//! The self-check's first screen: what it is, and whether to keep the
//! answers on this device.

use super::{answers_of, Flow, FlowMessage, OptionRadio, Screen};
use crate::core::i18n::Key;
use crate::core::schema::ScreeningRecord;
use crate::core::screening::Consent;
use leptos::prelude::*;

/// What the self-check is and is not, "Continue where you stopped" when
/// answers were given, and the consent choice that starts it.
#[component]
pub(super) fn Intro(
    /// The self-check's state.
    flow: Flow,
) -> impl IntoView {
    let i18n = flow.i18n;
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
            None => flow.refuse(Key::CheckConsentRequired),
            Some(choice) => {
                flow.data.update_screening(|r| {
                    *r = ScreeningRecord {
                        // Kept on the device only with that choice.
                        consent: Consent::from_id(&choice).is_some_and(Consent::saves),
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
                        {i18n.text(Key::CheckResume)}
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
        <h2 id="mc-check-heading" tabindex="-1">{i18n.text(Key::CheckIntroTitle)}</h2>
        <p>{i18n.text(Key::CheckIntroWhat)}</p>
        <p>{i18n.text(Key::CheckIntroWhy)}</p>
        <p class="mc-private">{i18n.text(Key::CheckIntroPrivate)}</p>
        <p>{i18n.text(Key::CheckIntroNotDiagnosis)}</p>
        {resume_button}
        <form class="mc-form" on:submit=start>
            <fieldset class="mc-fieldset" aria-describedby="mc-consent-hint">
                <legend>{i18n.text(Key::CheckConsentLegend)}</legend>
                <p class="mc-hint" id="mc-consent-hint">{i18n.text(Key::CheckConsentHint)}</p>
                <OptionRadio name="mc-consent" value=Consent::Save.id().to_string() chosen=flow.consent>
                    {i18n.text(Key::CheckConsentSave)}
                </OptionRadio>
                <OptionRadio name="mc-consent" value=Consent::Memory.id().to_string() chosen=flow.consent>
                    {i18n.text(Key::CheckConsentMemory)}
                </OptionRadio>
            </fieldset>
            <FlowMessage flow/>
            <div class="mc-actions">
                <button type="submit" class=start_class>{i18n.text(Key::CheckStart)}</button>
            </div>
        </form>
    }
}
