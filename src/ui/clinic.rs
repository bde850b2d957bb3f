//! The clinic's name and ways to reach it, where a client needs them.

use crate::browser::locale_loader::ClinicFileCheck;
use crate::core::clinic::{Action, Clinic};
use crate::core::i18n::Key;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;

thread_local! {
    static CLINIC: RefCell<Rc<Clinic>> = RefCell::new(Rc::default());
    static CLINIC_CHECK: RefCell<ClinicFileCheck> = const { RefCell::new(ClinicFileCheck::Missing) };
}

/// Sets the clinic's configuration and what was found of its file, once at
/// mount. Plain values rather than context: they never change, and each
/// reactive container of a new type would cost download size.
pub fn set_clinic(clinic: Clinic, check: ClinicFileCheck) {
    CLINIC.with(|c| *c.borrow_mut() = Rc::new(clinic));
    CLINIC_CHECK.with(|c| *c.borrow_mut() = check);
}

/// What the app found of the clinic's file at start (for the desk).
pub fn use_clinic_check() -> ClinicFileCheck {
    CLINIC_CHECK.with(|c| c.borrow().clone())
}

/// The clinic's configuration (the defaults without one).
pub fn use_clinic() -> Rc<Clinic> {
    CLINIC.with(|c| c.borrow().clone())
}

/// The clinic's links (book, call, WhatsApp, email) as a row of buttons;
/// nothing when the clinic gave none. Addresses come only from the
/// validated configuration: https, tel, mailto and wa.me.
#[component]
pub fn ContactLinks() -> impl IntoView {
    let i18n = use_i18n();
    let actions = use_clinic().actions();
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
