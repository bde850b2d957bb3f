//! The clinic's name and ways to reach it, where a client needs them.

use crate::browser::locale_loader::ClinicFileCheck;
use crate::core::aftercare::Step;
use crate::core::clinic::{Action, Clinic};
use crate::core::i18n::Key;
use crate::core::plan::Plan;
use crate::core::screening::Question;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;
use std::ops::Deref;
use std::sync::Arc;

/// The clinic's configuration as the screens use it, built once at start:
/// its protocol, questions, plan and contact links computed here rather
/// than at every read. Provided as context by the app (or a native
/// render); it never changes while the page lives.
#[derive(Debug)]
pub struct ClinicSetup {
    clinic: Clinic,
    /// What was found of the clinic's file (for the desk).
    pub file_check: ClinicFileCheck,
    /// The aftercare protocol: the default one, lengthened and added to.
    pub protocol: Vec<Step>,
    /// The self-check's questions: the default ones and the clinic's.
    pub questions: Vec<Question>,
    /// The treatment plan.
    pub plan: Plan,
    /// The ways to reach the clinic, each with its link.
    pub actions: Vec<(Action, String)>,
}

impl ClinicSetup {
    pub fn new(clinic: Clinic, file_check: ClinicFileCheck) -> Arc<Self> {
        Arc::new(ClinicSetup {
            protocol: clinic.protocol(),
            questions: clinic.questions(),
            plan: clinic.plan(),
            actions: clinic.actions(),
            clinic,
            file_check,
        })
    }
}

impl Default for ClinicSetup {
    /// No clinic.json: the defaults.
    fn default() -> Self {
        let clinic = Clinic::default();
        ClinicSetup {
            protocol: clinic.protocol(),
            questions: clinic.questions(),
            plan: clinic.plan(),
            actions: clinic.actions(),
            clinic,
            file_check: ClinicFileCheck::Missing,
        }
    }
}

impl Deref for ClinicSetup {
    type Target = Clinic;
    fn deref(&self) -> &Clinic {
        &self.clinic
    }
}

/// The clinic's setup provided by [`crate::ui::app::App`].
pub fn use_clinic() -> Arc<ClinicSetup> {
    expect_context::<Arc<ClinicSetup>>()
}

/// The clinic's links (book, call, WhatsApp, email) as a row of buttons;
/// nothing when the clinic gave none. Addresses come only from the
/// validated configuration: https, tel, mailto and wa.me.
#[component]
pub fn ContactLinks() -> impl IntoView {
    let i18n = use_i18n();
    let actions = use_clinic().actions.clone();
    (!actions.is_empty()).then(|| {
        let links = actions
            .into_iter()
            .enumerate()
            .map(|(i, (action, href))| {
                let class = if i == 0 {
                    "mc-button"
                } else {
                    "mc-button mc-button-secondary"
                };
                // Booking sites and WhatsApp refuse to open inside a frame.
                let external = href.starts_with("https:");
                view! {
                    <a
                        class=class
                        href=href
                        data-contact=action_id(action)
                        target=external.then_some("_blank")
                        rel=external.then_some("noopener noreferrer")
                    >
                        {i18n.text(label(action))}
                    </a>
                }
            })
            .collect_view();
        view! { <div class="mc-actions mc-contact">{links}</div> }
    })
}

fn label(action: Action) -> Key {
    match action {
        Action::Book => Key::ClinicBook,
        Action::Call => Key::ClinicCall,
        Action::WhatsApp => Key::ClinicWhatsApp,
        Action::Email => Key::ClinicEmail,
    }
}

fn action_id(action: Action) -> &'static str {
    match action {
        Action::Book => "book",
        Action::Call => "call",
        Action::WhatsApp => "whatsapp",
        Action::Email => "email",
    }
}
