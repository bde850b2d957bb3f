//! A session link from the clinic, opened on the client's phone: "Your
//! clinic recorded a session … Add it to your aftercare?".
//!
//! Nothing is saved before Add. Add records the session (only its end and
//! area: the link never changes the aftercare rules) and opens Today in
//! place of the link, so the address no longer carries it. A link already
//! recorded says so; a damaged, newer, future or too old link gets its
//! calm message and changes nothing. The rules are in
//! [`crate::core::session_link`].

use crate::browser::navigation::replace_current_route;
use crate::core::aftercare::CareText;
use crate::core::card::clock;
use crate::core::dates::DateStyle;
use crate::core::i18n::{CareKey, Key};
use crate::core::route::Route;
use crate::core::session_link::{decode, LinkMessage, SessionLink};
use crate::ui::content::{use_words, SectionView};
use crate::ui::data::use_data;
use crate::ui::env::use_clock;
use crate::ui::i18n::use_i18n;
use crate::ui::kit::layout::PageSection;
use leptos::either::Either;
use leptos::prelude::*;

/// The page for `#/s?…`: the link read once, when the page opens (a later
/// clock tick must not turn a link being confirmed into a refused one).
#[component]
pub fn SessionLinkPage(
    /// What follows `#/s?` in the address.
    query: String,
) -> impl IntoView {
    // The link's language is followed by the app (see `ui::app`).
    let link = decode(&query, use_clock().now.get_untracked());
    let screen = move || match link {
        Ok(link) => Either::Left(view! { <LinkQuestion link/> }),
        Err(why) => Either::Right(view! { <Refused message=why.message()/> }),
    };
    view! {
        <PageSection class="mc-page mc-link" title=Key::LinkTitle intro=Key::LinkIntro>
            <SectionView<CareText>>{screen}</SectionView<CareText>>
        </PageSection>
    }
}

/// The session the link carries, with Add and Not now; or, once it is in
/// the aftercare, a way there.
#[component]
fn LinkQuestion(
    /// The link, read and valid.
    link: SessionLink,
) -> impl IntoView {
    let i18n = use_i18n();
    let data = use_data();
    let words = use_words::<CareText>();
    let clock_now = use_clock();
    let recorded = move || data.aftercare.with(|r| link.recorded_in(r).is_some());
    let local = clock_now.local(link.end);
    let when = format!(
        "{}, {}",
        i18n.with_locale(|l| l.date(local.date, DateStyle::DayLong)),
        clock(local)
    );
    let area = words.with(|w| w.area(link.area).to_lowercase());
    let ask = words.fill(CareKey::LinkAsk, &[("when", &when), ("area", &area)]);
    let plan = words.fill(
        CareKey::LinkPlan,
        &[
            ("n", &link.session.to_string()),
            ("days", &link.interval_days.to_string()),
        ],
    );
    let add = move |_| {
        let now = crate::browser::dates::now_millis();
        data.update_aftercare(|r| {
            // Twice (a double tap) adds it once.
            if link.recorded_in(r).is_none() {
                r.sessions.push(link.to_session(format!("s{now}")));
            }
        });
        if data.settings.with_untracked(|s| s.lang.is_none()) {
            data.update_settings(|s| s.lang = Some(link.lang));
        }
        replace_current_route(&Route::Aftercare);
    };
    let not_now = move |_| replace_current_route(&Route::Home);
    move || {
        if recorded() {
            Either::Left(view! {
                <div class="mc-link-card">
                    <p class="mc-success" role="status">{words.t(CareKey::LinkAlready)}</p>
                    <p class="mc-actions">
                        <button
                            type="button"
                            class="mc-button"
                            on:click=move |_| replace_current_route(&Route::Aftercare)
                        >
                            {words.t(CareKey::LinkOpen)}
                        </button>
                    </p>
                </div>
            })
        } else {
            Either::Right(view! {
                <div class="mc-link-card">
                    <p class="mc-link-ask">{ask.clone()}</p>
                    <p class="mc-hint">{plan.clone()}</p>
                    <p class="mc-actions">
                        <button type="button" class="mc-button" on:click=add>
                            {words.t(CareKey::LinkAdd)}
                        </button>
                        <button
                            type="button"
                            class="mc-button mc-button-secondary"
                            on:click=not_now
                        >
                            {words.t(CareKey::LinkNotNow)}
                        </button>
                    </p>
                </div>
            })
        }
    }
}

/// Why the link adds nothing, calmly, with the way to aftercare.
#[component]
fn Refused(
    /// What the person is told.
    message: LinkMessage,
) -> impl IntoView {
    let words = use_words::<CareText>();
    let text = match message {
        LinkMessage::Update => CareKey::LinkUpdate,
        LinkMessage::Damaged => CareKey::LinkDamaged,
        LinkMessage::InFuture => CareKey::LinkFuture,
        LinkMessage::TooOld => CareKey::LinkTooOld,
    };
    view! {
        <div class="mc-link-card">
            <p class="mc-notice" role="status">{words.t(text)}</p>
            <p class="mc-actions">
                <a class="mc-button" href=Route::Aftercare.href()>
                    {words.t(CareKey::LinkOpen)}
                </a>
            </p>
        </div>
    }
}
