//! The clinic's desk (`#/desk`, in no menu): staff enter the session that
//! just ended and hand the client a link, its QR code and a printed card;
//! below, the check of the `clinic.json` being served.
//!
//! The link carries only the session (see [`crate::core::session_link`]);
//! nothing typed here is saved. One file per part: [`card`] (the printable
//! card) and [`config`] (the configuration check).

mod card;
mod config;

use crate::browser::share::{copy_to_clipboard, share_text, Shared};
use crate::core::aftercare::CareText;
use crate::core::area::Area;
use crate::core::card::CardSize;
use crate::core::i18n::{CareKey, Key, Lang};
use crate::core::qr::Qr;
use crate::core::session_link::{
    decode, SessionLink, MAX_INTERVAL_DAYS, MAX_SESSION, MIN_INTERVAL_DAYS, MIN_SESSION,
};
use crate::core::time::LocalDateTime;
use crate::ui::clinic::use_clinic;
use crate::ui::content::{use_words, SectionView};
use crate::ui::env::{tick_clock, use_clock, use_env, Clock};
use crate::ui::i18n::use_i18n;
use crate::ui::kit::layout::PageSection;
use crate::ui::kit::widgets::{
    hint_id, set_area, AreaOptions, DateField, DateKind, Field, LanguageOptions, Message, Tone,
};
use card::AftercareCard;
use config::ConfigCheck;
use leptos::prelude::*;

/// The printed card's classes: its size picks its page in
/// `style/main.css` (see [`CardSize::page_mm`]).
fn print_class(size: CardSize) -> &'static str {
    match size {
        CardSize::A6 => "mc-print-card mc-print-a6",
        CardSize::A5 => "mc-print-card mc-print-a5",
    }
}

/// What staff typed, one signal per field, as the controls hold it.
#[derive(Clone, Copy)]
struct DeskForm {
    /// The clock, to check the link as the phone will.
    clock: Clock,
    /// When the session ended, as `datetime-local` writes it.
    when: RwSignal<String>,
    area: RwSignal<Area>,
    /// Which session of the plan, as typed.
    session: RwSignal<String>,
    /// Days to the next session, as typed.
    interval: RwSignal<String>,
    lang: RwSignal<Lang>,
    card_size: RwSignal<CardSize>,
}

impl DeskForm {
    /// The link for what is typed, checked by the same rules the client's
    /// phone applies when opening it; `None` while something is invalid.
    fn link(&self) -> Option<SessionLink> {
        let end = LocalDateTime::parse(&self.when.get())?.to_moment(&self.clock.zone());
        let link = SessionLink {
            end,
            area: self.area.get(),
            session: self.session.get().trim().parse().ok()?,
            interval_days: self.interval.get().trim().parse().ok()?,
            lang: self.lang.get(),
        };
        decode(&link.encode(), self.clock.now.get()).ok()
    }
}

/// The desk page: the session form, then its link, QR code and card, then
/// the configuration check.
#[component]
pub fn DeskPage() -> impl IntoView {
    let i18n = use_i18n();
    let clock = use_clock();
    // Kept current: a session that ended a minute ago is never "in the
    // future" because the page was opened earlier.
    tick_clock(clock);
    let form = DeskForm {
        clock,
        when: RwSignal::new(clock.local(clock.now.get_untracked()).to_string()),
        area: RwSignal::new(Area::ALL[0]),
        session: RwSignal::new("1".to_string()),
        interval: RwSignal::new(use_clinic().plan.interval_days.to_string()),
        lang: RwSignal::new(i18n.lang_untracked()),
        card_size: RwSignal::new(CardSize::ALL[0]),
    };
    let link = Memo::new(move |_| form.link());
    // The address, once, for the link shown, its QR code and the card's.
    let app_url = use_env().app_url;
    let url = Memo::new(move |_| link.get().map(|l| l.url(&app_url)));
    // The card prints in the client's language: the screen follows it
    // while the desk is open.
    on_cleanup(move || i18n.prefer(None));
    view! {
        <PageSection class="mc-page mc-desk" title=Key::DeskTitle intro=Key::DeskIntro>
            <SectionView<CareText>>
                <SessionFields form link/>
                <LinkOutput url form/>
                <AftercareCard link url size=form.card_size/>
                // Its words come with the aftercare's.
                <ConfigCheck/>
            </SectionView<CareText>>
        </PageSection>
    }
}

/// The form: when, area, session number, interval, client's language.
#[component]
fn SessionFields(
    /// The fields' signals.
    form: DeskForm,
    /// The link for what is typed (`None`: something is invalid).
    link: Memo<Option<SessionLink>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let words = use_words::<CareText>();
    let clinic = use_clinic();
    let valid = move || link.with(Option::is_some);
    let max_session = clinic.plan.sessions.clamp(MIN_SESSION, MAX_SESSION);
    view! {
        <form class="mc-form mc-desk-form mc-screen-only" on:submit=|ev| ev.prevent_default()>
            <DateField
                id="mc-desk-when"
                kind=DateKind::DateTime
                label=words.t(CareKey::DeskWhen)
                value=form.when
                invalid=Signal::derive(move || !valid())
                described_by=Signal::derive(move || (!valid()).then(|| "mc-desk-error".to_string()))
            >
                <Show when=move || !valid()>
                    <Message tone=Tone::Error text=words.t(CareKey::DeskInvalid) id="mc-desk-error"/>
                </Show>
            </DateField>
            <Field id="mc-desk-area" label=words.t(CareKey::DeskArea)>
                <select
                    id="mc-desk-area"
                    on:change:target=move |ev| set_area(form.area, &ev.target().value())
                >
                    <AreaOptions selected=form.area/>
                </select>
            </Field>
            <div class="mc-field-row">
                <Field id="mc-desk-session" label=words.t(CareKey::DeskSession)>
                    <input
                        type="number"
                        id="mc-desk-session"
                        inputmode="numeric"
                        min=MIN_SESSION
                        max=max_session
                        required
                        prop:value=move || form.session.get()
                        on:input:target=move |ev| form.session.set(ev.target().value())
                    />
                </Field>
                <Field id="mc-desk-interval" label=words.t(CareKey::DeskInterval) hint=words.t(CareKey::DeskIntervalHint)>
                    <input
                        type="number"
                        id="mc-desk-interval"
                        inputmode="numeric"
                        min=MIN_INTERVAL_DAYS
                        max=MAX_INTERVAL_DAYS
                        required
                        aria-describedby=hint_id("mc-desk-interval")
                        prop:value=move || form.interval.get()
                        on:input:target=move |ev| form.interval.set(ev.target().value())
                    />
                </Field>
            </div>
            <Field id="mc-desk-lang" label=words.t(CareKey::DeskLang) hint=words.t(CareKey::DeskLangHint)>
                <select
                    id="mc-desk-lang"
                    aria-describedby=hint_id("mc-desk-lang")
                    on:change:target=move |ev| {
                        if let Some(lang) = Lang::from_code(&ev.target().value()) {
                            form.lang.set(lang);
                            // The card prints in the client's language.
                            i18n.prefer(Some(lang));
                        }
                    }
                >
                    <LanguageOptions selected=form.lang/>
                </select>
            </Field>
        </form>
    }
}

/// The link, its QR code, and Copy, Share and Print.
#[component]
fn LinkOutput(
    /// The link's whole address, `None` while the form is invalid.
    url: Memo<Option<String>>,
    /// The form, for the card's size.
    form: DeskForm,
) -> impl IntoView {
    let i18n = use_i18n();
    let words = use_words::<CareText>();
    // What became of the last copy or share, and of which address: a new
    // link makes the last "copied" untrue, so it shows only for its own.
    let outcome = RwSignal::new(None::<(String, CareKey)>);
    let status = move || {
        outcome.with(|done| {
            let (copied, key) = done.as_ref()?;
            url.with(|url| (url.as_ref() == Some(copied)).then(|| words.t(*key)))
        })
    };
    let copy = move |_| {
        if let Some(url) = url.get_untracked() {
            leptos::task::spawn_local(async move {
                let copied = copy_to_clipboard(&url).await;
                let key = if copied {
                    CareKey::DeskCopied
                } else {
                    CareKey::DeskCopyFailed
                };
                outcome.try_set(Some((url, key)));
            });
        }
    };
    let share = move |_| {
        if let Some(url) = url.get_untracked() {
            let title = i18n.t_untracked(Key::AppName);
            leptos::task::spawn_local(async move {
                let shown = match share_text(&title, &url).await {
                    Shared::Copied => Some(CareKey::DeskCopied),
                    Shared::Failed => Some(CareKey::DeskCopyFailed),
                    Shared::Sheet | Shared::Cancelled => None,
                };
                outcome.try_set(shown.map(|key| (url, key)));
            });
        }
    };
    let print = move |_| {
        let _ = window().print();
    };
    let sizes = CardSize::ALL
        .into_iter()
        .map(|size| {
            let name = size.id();
            view! {
                <option value=name prop:selected=move || form.card_size.get() == size>{name}</option>
            }
        })
        .collect_view();
    view! {
        <section class="mc-desk-link mc-screen-only" aria-labelledby="mc-desk-link-title">
            <h2 id="mc-desk-link-title">{words.t(CareKey::DeskLinkTitle)}</h2>
            <p class="mc-hint" id="mc-desk-link-hint">{words.t(CareKey::DeskLinkHint)}</p>
            <input
                type="text"
                id="mc-desk-link"
                class="mc-desk-url"
                readonly
                aria-labelledby="mc-desk-link-title"
                aria-describedby="mc-desk-link-hint"
                prop:value=move || url.get().unwrap_or_default()
            />
            <QrCode url/>
            <div class="mc-actions">
                <button type="button" class="mc-button" on:click=copy disabled=move || url.with(Option::is_none)>
                    {words.t(CareKey::DeskCopy)}
                </button>
                <button
                    type="button"
                    class="mc-button mc-button-secondary"
                    on:click=share
                    disabled=move || url.with(Option::is_none)
                >
                    {words.t(CareKey::DeskShare)}
                </button>
            </div>
            <p class="mc-desk-status" role="status">{status}</p>
            <div class="mc-field mc-desk-print">
                <label for="mc-desk-size">{words.t(CareKey::DeskCardSize)}</label>
                <select
                    id="mc-desk-size"
                    on:change:target=move |ev| {
                        if let Some(size) = CardSize::from_id(&ev.target().value()) {
                            form.card_size.set(size);
                        }
                    }
                >
                    {sizes}
                </select>
                <button type="button" class="mc-button" on:click=print disabled=move || url.with(Option::is_none)>
                    {words.t(CareKey::DeskPrint)}
                </button>
            </div>
        </section>
    }
}

/// The QR code of `url`, drawn as one SVG path; nothing while there is no
/// valid link.
#[component]
pub fn QrCode(
    /// The address to encode.
    url: Memo<Option<String>>,
) -> impl IntoView {
    let words = use_words::<CareText>();
    move || {
        let qr = url.with(|url| url.as_deref().and_then(|u| Qr::encode(u).ok()))?;
        Some(view! {
            <svg
                class="mc-qr"
                viewBox=qr.view_box()
                role="img"
                aria-label=words.t(CareKey::DeskQr)
                shape-rendering="crispEdges"
            >
                <rect width="100%" height="100%" fill="#fff"></rect>
                <path fill="#000" d=qr.path_data()></path>
            </svg>
        })
    }
}
