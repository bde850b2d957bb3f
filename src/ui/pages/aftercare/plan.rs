//! The treatment plan (session n of about m, the suggested next session,
//! "add it to my calendar"), and the reminders: the calendar file and the
//! in-app notifications.

use super::today::use_today;
use super::{reminders_file, use_care, CareState};
use crate::browser::download::download_text;
use crate::browser::notify::{request_permission, Permission};
use crate::core::aftercare::CareText;
use crate::core::dates::DateStyle;
use crate::core::i18n::CareKey;
use crate::core::plan::progress;
use crate::ui::clinic::{use_clinic, ClinicSetup};
use crate::ui::content::use_words;
use crate::ui::data::{use_data, AppData};
use crate::ui::i18n::use_i18n;
use crate::ui::kit::widgets::{Message, Tone};
use leptos::either::Either;
use leptos::prelude::*;

/// Downloads the latest session's reminders as an .ics file (with
/// `only_next`, just "book your next session") and says so.
fn download_reminders(
    state: CareState,
    data: AppData,
    clinic: &ClinicSetup,
    text: &CareText,
    only_next: bool,
) {
    let record = data.aftercare.get_untracked();
    if let Some(session) = record.latest() {
        let ics = reminders_file(clinic, state.clock, &record, session, text, only_next);
        let name = format!(
            "microcare-reminders-{}.ics",
            state.clock.today_untracked().to_iso()
        );
        if download_text(&name, "text/calendar", &ics).is_ok() {
            state.downloaded.set(true);
        }
    }
}

/// Where the person is in the clinic's plan, and when the next session is
/// suggested.
#[component]
pub(super) fn Plan() -> impl IntoView {
    let data = use_data();
    let i18n = use_i18n();
    let clinic = use_clinic();
    let text = use_words::<CareText>();
    let state = use_care();
    let today = use_today(state.clock);
    let plan = {
        let clinic = clinic.clone();
        let zone = state.clock.zone();
        Memo::new(move |_| {
            data.aftercare
                .with(|r| progress(clinic.plan, &r.sessions, &zone))
        })
    };
    let line = {
        move || {
            plan.with(|p| {
                text.fill(
                    CareKey::PlanProgress,
                    &[
                        ("done", &p.done.to_string()),
                        ("planned", &p.planned.to_string()),
                    ],
                )
            })
        }
    };
    let next = {
        move || match plan.with(|p| p.next) {
            Some(date) if date <= today.get() => text.t(CareKey::PlanNextDue),
            Some(date) => text.fill(
                CareKey::PlanNext,
                &[("date", &i18n.date(date, DateStyle::Date))],
            ),
            None => text.t(CareKey::PlanDone),
        }
    };
    let ahead = move || plan.with(|p| p.next).is_some_and(|date| date > today.get());
    view! {
        <h2>{text.t(CareKey::PlanTitle)}</h2>
        <p>{line}</p>
        <p class="mc-plan-next">{next}</p>
        <Show when=ahead>
            <p>
                <button
                    type="button"
                    class="mc-button mc-button-secondary"
                    on:click={
                        let clinic = clinic.clone();
                        move |_| download_reminders(state, data, &clinic, &text.get(), true)
                    }
                >
                    {text.t(CareKey::PlanAddNext)}
                </button>
            </p>
        </Show>
        <p class="mc-hint">{text.t(CareKey::PlanNote)}</p>
    }
}

/// The reminders: a calendar file of them all, and notifications while the
/// app is open, asked for only after a tap.
#[component]
pub(super) fn Reminders() -> impl IntoView {
    let state = use_care();
    let data = use_data();
    let clinic = use_clinic();
    let text = use_words::<CareText>();
    let ask = move |_| {
        leptos::task::spawn_local(async move {
            let permission = request_permission().await;
            state.notify.set(Some(permission));
        });
    };
    let words = text;
    let notify = move || match state.notify.get() {
        None => Either::Left(view! {
            <p>
                <button type="button" class="mc-button mc-button-secondary" on:click=ask>
                    {words.t(CareKey::NotifyEnable)}
                </button>
            </p>
        }),
        Some(permission) => {
            let text = match permission {
                Permission::Granted => CareKey::NotifyOn,
                Permission::Denied => CareKey::NotifyDenied,
                Permission::Unsupported => CareKey::NotifyUnsupported,
            };
            Either::Right(view! { <Message tone=Tone::Info text=words.t(text)/> })
        }
    };
    view! {
        <h2>{text.t(CareKey::RemindersTitle)}</h2>
        <p>{text.t(CareKey::RemindersText)}</p>
        <p>
            <button
                type="button"
                class="mc-button"
                on:click=move |_| download_reminders(state, data, &clinic, &text.get(), false)
            >
                {text.t(CareKey::RemindersDownload)}
            </button>
        </p>
        <Show when=move || state.downloaded.get()>
            <Message tone=Tone::Success text=text.t(CareKey::RemindersDownloaded)/>
        </Show>
        <p class="mc-hint">{text.t(CareKey::NotifyText)}</p>
        {notify}
    }
}
