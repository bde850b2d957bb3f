//! The check of the `clinic.json` the app is running on, on the desk: every
//! problem as field / expected / found, or "Your configuration is valid".
//! Clinics have no Rust toolchain; this is the `check-clinic` command in the
//! app, from what start-up read (no second download).

use crate::browser::locale_loader::ClinicFileCheck;
use crate::core::aftercare::CareText;
use crate::core::i18n::CareKey;
use crate::ui::clinic::use_clinic;
use crate::ui::content::use_words;
use crate::ui::kit::widgets::{Message, Tone};
use leptos::either::EitherOf4;
use leptos::prelude::*;

/// The configuration check.
#[component]
pub fn ConfigCheck() -> impl IntoView {
    let words = use_words::<CareText>();
    let result = match use_clinic().file_check.clone() {
        ClinicFileCheck::Missing => EitherOf4::A(view! {
            <Message tone=Tone::Info text=words.t(CareKey::DeskConfigNone)/>
        }),
        ClinicFileCheck::Unreachable(why) => EitherOf4::B(view! {
            <p class="mc-error" role="alert">
                {words.fill(CareKey::DeskConfigUnreadable, &[("why", &why)])}
            </p>
        }),
        ClinicFileCheck::Checked(problems) if problems.is_empty() => EitherOf4::C(view! {
            <Message tone=Tone::Success text=words.t(CareKey::DeskConfigValid)/>
        }),
        ClinicFileCheck::Checked(problems) => EitherOf4::D(view! {
            <p class="mc-error" role="alert">{words.t(CareKey::DeskConfigProblems)}</p>
            <div class="mc-table-scroll">
                <table class="mc-config-problems">
                    <thead>
                        <tr>
                            <th scope="col">{words.t(CareKey::DeskConfigField)}</th>
                            <th scope="col">{words.t(CareKey::DeskConfigExpected)}</th>
                            <th scope="col">{words.t(CareKey::DeskConfigFound)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {problems
                            .into_iter()
                            .map(|p| view! {
                                <tr>
                                    <td><code>{p.field}</code></td>
                                    <td>{p.expected}</td>
                                    <td>{p.found}</td>
                                </tr>
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        }),
    };
    view! {
        <section class="mc-desk-config mc-screen-only" aria-labelledby="mc-desk-config-title">
            <h2 id="mc-desk-config-title">{words.t(CareKey::DeskConfigTitle)}</h2>
            {result}
        </section>
    }
}
