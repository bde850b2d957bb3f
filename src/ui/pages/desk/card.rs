//! The printable aftercare card: the clinic, the session, each rule with
//! the clock time it ends, the warning signs, the clinic's contacts and the
//! QR code of the session link. On screen it is a preview; printed (A6 or
//! A5, black and white) it is all that prints (see `style/main.css`).

use super::{print_class, CardSize, QrCode};
use crate::core::aftercare::CareText;
use crate::core::card::{card, clock};
use crate::core::dates::DateStyle;
use crate::core::i18n::{CareKey, Key};
use crate::core::session_link::SessionLink;
use crate::ui::clinic::use_clinic;
use crate::ui::content::use_words;
use crate::ui::env::{use_clock, use_env};
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;

/// The card for the desk's current link; nothing while the form is invalid.
#[component]
pub fn AftercareCard(
    /// The session link the card is for.
    link: Memo<Option<SessionLink>>,
    /// Its whole address, for the QR code.
    url: Memo<Option<String>>,
    /// The paper size chosen.
    size: RwSignal<CardSize>,
) -> impl IntoView {
    let i18n = use_i18n();
    let words = use_words::<CareText>();
    let clinic = use_clinic();
    let env = use_env();
    let zone = use_clock().zone();
    let name = clinic
        .name
        .clone()
        .unwrap_or_else(|| i18n.t_untracked(Key::AppName));
    let logo = clinic.logo.as_deref().map(|logo| {
        view! { <img class="mc-print-logo" src=env.asset_url(logo) alt=""/> }
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
    let protocol = clinic.protocol.clone();
    let body = move || {
        let link = link.get()?;
        let made = card(&protocol, link.end, Some(link.interval_days), &zone);
        let words = words.get();
        let session_day = i18n.date(made.session.date, DateStyle::DayLong);
        let session = words.fill(
            CareKey::CardSession,
            &[
                ("when", &format!("{session_day}, {}", clock(made.session))),
                ("area", &words.area(link.area).to_lowercase()),
            ],
        );
        let until = made
            .until
            .iter()
            .map(|deadline| {
                let (title, _) = words.step(deadline.step);
                let day = i18n.date(deadline.local.date, DateStyle::DayShort);
                let when = words.fill(
                    CareKey::CardUntil,
                    &[("when", &format!("{day}, {}", clock(deadline.local)))],
                );
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
            words.fill(
                CareKey::CardNext,
                &[("when", &i18n.date(next.date, DateStyle::DayShort))],
            )
        });
        Some(view! {
            <p class="mc-print-session">{session}</p>
            <h3>{words.t(CareKey::CardUntilTitle).to_string()}</h3>
            <ul class="mc-print-rules">{until}</ul>
            <p class="mc-print-next">{next}</p>
            <h3>{words.t(CareKey::CardWarningsTitle).to_string()}</h3>
            <ul class="mc-print-warnings">{warnings}</ul>
        })
    };
    view! {
        <section class="mc-print-preview" aria-labelledby="mc-print-preview-title">
            <h2 id="mc-print-preview-title" class="mc-screen-only">
                {words.t(CareKey::DeskCardTitle)}
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
                    <p>{words.t(CareKey::CardScan)}</p>
                </div>
            </article>
        </section>
    }
}
