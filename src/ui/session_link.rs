//! A session link from the clinic, opened on the client's phone: "Your
//! clinic recorded a session … Add it to your aftercare?".
//!
//! Nothing is saved before Add. Add records the session (only its end and
//! area: the link never changes the aftercare rules) and opens Today in
//! place of the link, so the address no longer carries it. A link already
//! recorded says so; a damaged, newer, future or too old link gets its
//! calm message and changes nothing. The rules are in
//! [`crate::core::session_link`].

use crate::browser::dates::{format_day_long, now_millis, BrowserZone};
use crate::browser::navigation::replace_current_route;
use crate::core::aftercare::CareText;
use crate::core::i18n::Key;
use crate::core::route::Route;
use crate::core::session_link::{decode, LinkMessage, SessionLink};
use crate::core::time::LocalDateTime;
use crate::ui::data::use_data;
use crate::ui::i18n::use_i18n;
use crate::ui::layout::PageSection;
use crate::ui::lazy::{use_content, ContentPending};
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;

/// The page for `#/s?…`: the link read once, when the page opens (a later
/// clock tick must not turn a link being confirmed into a refused one).
#[component]
pub fn SessionLinkPage(
    /// What follows `#/s?` in the address.
    query: String,
) -> impl IntoView {
    // The link's language is followed by the app (`follow_wanted_language`).
    let link = decode(&query, now_millis());
    let words = use_content::<CareText>();
    let screen = move || match (words.get(), link) {
        (None, _) => EitherOf3::A(view! { <ContentPending<CareText>/> }),
        (Some(words), Ok(link)) => EitherOf3::B(view! { <Confirm link words/> }),
        (Some(_), Err(why)) => EitherOf3::C(view! { <Refused message=why.message()/> }),
    };
    view! {
        <PageSection class="mc-page mc-link" title=Key::LinkTitle intro=Key::LinkIntro>
            {screen}
        </PageSection>
    }
}

/// The session the link carries, with Add and Not now; or, once it is in
/// the aftercare, a way there.
#[component]
fn Confirm(
    /// The link, read and valid.
    link: SessionLink,
    /// The aftercare words of the current language (the area's name).
    words: std::sync::Arc<CareText>,
) -> impl IntoView {
    let i18n = use_i18n();
    let data = use_data();
    let recorded = move || data.aftercare.with(|r| link.recorded_in(r).is_some());
    let when = format_day_long(
        i18n.lang_untracked(),
        LocalDateTime::at(link.end, &BrowserZone),
    );
    let ask = i18n
        .t_untracked(Key::CareLinkAsk)
        .replace("{when}", &when)
        .replace("{area}", &words.area(link.area).to_lowercase());
    let plan = i18n
        .t_untracked(Key::CareLinkPlan)
        .replace("{n}", &link.session.to_string())
        .replace("{days}", &link.interval_days.to_string());
    let add = move |_| {
        let now = now_millis();
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
                    <p class="mc-success" role="status">{i18n.text(Key::CareLinkAlready)}</p>
                    <p class="mc-actions">
                        <button
                            type="button"
                            class="mc-button"
                            on:click=move |_| replace_current_route(&Route::Aftercare)
                        >
                            {i18n.text(Key::CareLinkOpen)}
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
                            {i18n.text(Key::CareLinkAdd)}
                        </button>
                        <button
                            type="button"
                            class="mc-button mc-button-secondary"
                            on:click=not_now
                        >
                            {i18n.text(Key::CareLinkNotNow)}
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
    let i18n = use_i18n();
    let text = match message {
        LinkMessage::Update => Key::CareLinkUpdate,
        LinkMessage::Damaged => Key::CareLinkDamaged,
        LinkMessage::InFuture => Key::CareLinkFuture,
        LinkMessage::TooOld => Key::CareLinkTooOld,
    };
    view! {
        <div class="mc-link-card">
            <p class="mc-notice" role="status">{i18n.text(text)}</p>
            <p class="mc-actions">
                <a class="mc-button" href=Route::Aftercare.href()>
                    {i18n.text(Key::CareLinkOpen)}
                </a>
            </p>
        </div>
    }
}
