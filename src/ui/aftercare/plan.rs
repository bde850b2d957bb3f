//! The treatment plan (session n of about m, the suggested next session,
//! "add it to my calendar"), and the reminders: the calendar file and the
//! in-app notifications.

use super::today::use_today;
use super::{reminders_file, CareState};
use crate::browser::dates::{format_date, today, BrowserZone};
use crate::browser::download::download_text;
use crate::browser::notify::{request_permission, Permission};
use crate::core::aftercare::CareText;
use crate::core::i18n::Key;
use crate::core::plan::progress;
use crate::ui::clinic::use_clinic;
use crate::ui::data::use_data;
use crate::ui::i18n::use_i18n;
use crate::ui::widgets::{Message, Tone};
use leptos::either::Either;
use leptos::prelude::*;
use std::sync::Arc;

/// Downloads the latest session's reminders as an .ics file (with
/// `only_next`, just "book your next session") and says so.
fn download_reminders(state: CareState, text: &CareText, only_next: bool) {
    let record = use_data().aftercare.get_untracked();
    if let Some(session) = record.latest() {
        let ics = reminders_file(&record, session, text, only_next);
        let name = format!("microcare-reminders-{}.ics", today().to_iso());
        if download_text(&name, "text/calendar", &ics).is_ok() {
            state.downloaded.set(true);
        }
    }
}

/// Where the person is in the clinic's plan, and when the next session is
/// suggested.
#[component]
pub(super) fn Plan(
    /// The page's state (the clock, the download message).
    state: CareState,
    /// The aftercare words (the reminders' text).
    text: Arc<CareText>,
) -> impl IntoView {
    let data = use_data();
    let i18n = use_i18n();
    let today = use_today(state.now);
    let plan = Memo::new(move |_| {
        data.aftercare
            .with(|r| progress(use_clinic().plan(), &r.sessions, &BrowserZone))
    });
    let line = move || {
        plan.with(|p| {
            i18n.t(Key::CarePlanProgress)
                .replace("{done}", &p.done.to_string())
                .replace("{planned}", &p.planned.to_string())
        })
    };
    let next = move || match plan.with(|p| p.next) {
        Some(date) if date <= today.get() => i18n.t(Key::CarePlanNextDue),
        Some(date) => i18n
            .t(Key::CarePlanNext)
            .replace("{date}", &format_date(i18n.lang(), date)),
        None => i18n.t(Key::CarePlanDone),
    };
    let ahead = move || plan.with(|p| p.next).is_some_and(|date| date > today.get());
    view! {
        <h2>{i18n.text(Key::CarePlanTitle)}</h2>
        <p>{line}</p>
        <p class="mc-plan-next">{next}</p>
        <Show when=ahead>
            <p>
                <button
                    type="button"
                    class="mc-button mc-button-secondary"
                    on:click={
                        let text = text.clone();
                        move |_| download_reminders(state, &text, true)
                    }
                >
                    {i18n.text(Key::CarePlanAddNext)}
                </button>
            </p>
        </Show>
        <p class="mc-hint">{i18n.text(Key::CarePlanNote)}</p>
    }
}

/// The reminders: a calendar file of them all, and notifications while the
/// app is open, asked for only after a tap.
#[component]
pub(super) fn Reminders(
    /// The page's state (the download message, the notification answer).
    state: CareState,
    /// The aftercare words (the reminders' text).
    text: Arc<CareText>,
) -> impl IntoView {
    let i18n = use_i18n();
    let ask = move |_| {
        leptos::task::spawn_local(async move {
            let permission = request_permission().await;
            state.notify.set(Some(permission));
        });
    };
    let notify = move || match state.notify.get() {
        None => Either::Left(view! {
            <p>
                <button type="button" class="mc-button mc-button-secondary" on:click=ask>
                    {i18n.text(Key::CareNotifyEnable)}
                </button>
            </p>
        }),
        Some(permission) => {
            let text = match permission {
                Permission::Granted => Key::CareNotifyOn,
                Permission::Denied => Key::CareNotifyDenied,
                Permission::Unsupported => Key::CareNotifyUnsupported,
            };
            Either::Right(view! { <Message tone=Tone::Info text/> })
        }
    };
    view! {
        <h2>{i18n.text(Key::CareRemindersTitle)}</h2>
        <p>{i18n.text(Key::CareRemindersText)}</p>
        <p>
            <button
                type="button"
                class="mc-button"
                on:click=move |_| download_reminders(state, &text, false)
            >
                {i18n.text(Key::CareRemindersDownload)}
            </button>
        </p>
        <Show when=move || state.downloaded.get()>
            <Message tone=Tone::Success text=Key::CareRemindersDownloaded/>
        </Show>
        <p class="mc-hint">{i18n.text(Key::CareNotifyText)}</p>
        {notify}
    }
}
