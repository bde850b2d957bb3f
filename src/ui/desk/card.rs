//! The printable aftercare card: the clinic, the session, each rule with
//! the clock time it ends, the warning signs, the clinic's contacts and the
//! QR code of the session link. On screen it is a preview; printed (A6 or
//! A5, black and white) it is all that prints (see `style/main.css`).

use super::{print_class, CardSize, QrCode};
use crate::browser::dates::{format_day_long, format_day_short, format_day_time, BrowserZone};
use crate::browser::host::asset_url;
use crate::core::aftercare::CareText;
use crate::core::card::card;
use crate::core::i18n::Key;
use crate::core::session_link::SessionLink;
use crate::ui::clinic::use_clinic;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;
use std::sync::Arc;

/// The card for the desk's current link; nothing while the form is invalid.
#[component]
pub fn AftercareCard(
    /// The session link the card is for.
    link: Memo<Option<SessionLink>>,
    /// Its whole address, for the QR code.
    url: Memo<Option<String>>,
    /// The aftercare words of the current language.
    words: Arc<CareText>,
    /// The paper size chosen.
    size: RwSignal<CardSize>,
) -> impl IntoView {
    let i18n = use_i18n();
    let clinic = use_clinic();
    let name = clinic
        .name
        .clone()
        .unwrap_or_else(|| i18n.t_untracked(Key::AppName));
    let logo = clinic.logo.as_deref().map(|logo| {
        view! { <img class="mc-print-logo" src=asset_url(logo) alt=""/> }
    });
    let contact = &clinic.contact;
    let contacts: Vec<String> = [
        contact.phone.clone(),
        contact.whatsapp.as_ref().map(|w| format!("WhatsApp +{w}")),
        contact.email.clone(),
        contact.address.clone(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let contacts = (!contacts.is_empty()).then(|| {
        view! {
            <ul class="mc-print-contacts">
                {contacts.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
            </ul>
        }
    });
    let protocol = clinic.protocol();
    let body = move || {
        let link = link.get()?;
        let lang = i18n.lang();
        let made = card(&protocol, link.end, Some(link.interval_days), &BrowserZone);
        let session = i18n
            .t(Key::CareCardSession)
            .replace("{when}", &format_day_long(lang, made.session))
            .replace("{area}", &words.area(link.area).to_lowercase());
        let until = made
            .until
            .iter()
            .map(|deadline| {
                let (title, _) = words.step(deadline.step);
                let when = i18n
                    .t(Key::CareCardUntil)
                    .replace("{when}", &format_day_time(lang, deadline.local));
                view! {
                    <li>
                        <strong>{title.to_string()}</strong>
                        " "
                        <span class="mc-print-until">{when}</span>
                    </li>
                }
            })
            .collect_view();
        let warnings = made
            .warnings
            .iter()
            .map(|id| {
                let (_, detail) = words.step(id);
                view! { <li>{detail.to_string()}</li> }
            })
            .collect_view();
        let next = made.next_session.map(|next| {
            i18n.t(Key::CareCardNext)
                .replace("{when}", &format_day_short(lang, next.date))
        });
        Some(view! {
            <p class="mc-print-session">{session}</p>
            <h3>{i18n.text(Key::CareCardUntilTitle)}</h3>
            <ul class="mc-print-rules">{until}</ul>
            <p class="mc-print-next">{next}</p>
            <h3>{i18n.text(Key::CareCardWarningsTitle)}</h3>
            <ul class="mc-print-warnings">{warnings}</ul>
        })
    };
    view! {
        <section class="mc-print-preview" aria-labelledby="mc-print-preview-title">
            <h2 id="mc-print-preview-title" class="mc-screen-only">
                {i18n.text(Key::CareDeskCardTitle)}
            </h2>
            <article class=move || print_class(size.get()) aria-label=name.clone()>
                <header class="mc-print-header">
                    {logo}
                    <p class="mc-print-clinic">{name.clone()}</p>
                </header>
                {body}
                {contacts}
                <div class="mc-print-qr">
                    <QrCode url/>
                    <p>{i18n.text(Key::CareCardScan)}</p>
                </div>
            </article>
        </section>
    }
}
