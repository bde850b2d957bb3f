//! The check of the `clinic.json` the app is running on, on the desk: every
//! problem as field / expected / found, or "Your configuration is valid".
//! Clinics have no Rust toolchain; this is the `check-clinic` command in the
//! app, from what start-up read (no second download).

use crate::browser::locale_loader::ClinicFileCheck;
use crate::core::i18n::Key;
use crate::ui::clinic::use_clinic_check;
use crate::ui::i18n::use_i18n;
use crate::ui::widgets::{Message, Tone};
use leptos::either::EitherOf4;
use leptos::prelude::*;

/// The configuration check.
#[component]
pub fn ConfigCheck() -> impl IntoView {
    let i18n = use_i18n();
    let result = match use_clinic_check() {
        ClinicFileCheck::Missing => EitherOf4::A(view! {
            <Message tone=Tone::Info text=Key::CareDeskConfigNone/>
        }),
        ClinicFileCheck::Unreachable(why) => EitherOf4::B(view! {
            <p class="mc-error" role="alert">
                {move || i18n.t(Key::CareDeskConfigUnreadable).replace("{why}", &why)}
            </p>
        }),
        ClinicFileCheck::Checked(problems) if problems.is_empty() => EitherOf4::C(view! {
            <Message tone=Tone::Success text=Key::CareDeskConfigValid/>
        }),
        ClinicFileCheck::Checked(problems) => EitherOf4::D(view! {
            <p class="mc-error" role="alert">{i18n.text(Key::CareDeskConfigProblems)}</p>
            <div class="mc-table-scroll">
                <table class="mc-config-problems">
                    <thead>
                        <tr>
                            <th scope="col">{i18n.text(Key::CareDeskConfigField)}</th>
                            <th scope="col">{i18n.text(Key::CareDeskConfigExpected)}</th>
                            <th scope="col">{i18n.text(Key::CareDeskConfigFound)}</th>
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
            <h2 id="mc-desk-config-title">{i18n.text(Key::CareDeskConfigTitle)}</h2>
            {result}
        </section>
    }
}
