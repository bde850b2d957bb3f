//! The clinic's ways to reach it, where a client needs them.

use crate::core::clinic::Action;
use crate::core::i18n::Key;
use crate::ui::clinic::use_clinic;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;

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
