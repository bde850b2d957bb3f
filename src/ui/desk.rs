//! The clinic's desk (`#/desk`, in no menu): staff enter the session that
//! just ended and hand the client a link, its QR code and a printed card;
//! below, the check of the `clinic.json` being served.
//!
//! The link carries only the session (see [`crate::core::session_link`]);
//! nothing typed here is saved. One file per part: [`card`] (the printable
//! card) and [`config`] (the configuration check).

mod card;
mod config;

use crate::browser::dates::{now_millis, BrowserZone};
use crate::browser::host::app_url;
use crate::browser::share::{copy_to_clipboard, share_text, Shared};
use crate::core::aftercare::CareText;
use crate::core::area::Area;
use crate::core::card::CardSize;
use crate::core::i18n::{Key, Lang};
use crate::core::qr::Qr;
use crate::core::session_link::{
    decode, SessionLink, MAX_INTERVAL_DAYS, MAX_SESSION, MIN_INTERVAL_DAYS, MIN_SESSION,
};
use crate::core::time::LocalDateTime;
use crate::ui::clinic::use_clinic;
use crate::ui::i18n::use_i18n;
use crate::ui::layout::PageSection;
use crate::ui::lazy::{use_content, ContentPending};
use crate::ui::widgets::{hint_id, set_area, AreaOptions, Field, Message, Tone};
use card::AftercareCard;
use config::ConfigCheck;
use leptos::either::Either;
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
        let end = LocalDateTime::parse(&self.when.get())?.to_moment(&BrowserZone);
        let link = SessionLink {
            end,
            area: self.area.get(),
            session: self.session.get().trim().parse().ok()?,
            interval_days: self.interval.get().trim().parse().ok()?,
            lang: self.lang.get(),
        };
        decode(&link.encode(), now_millis()).ok()
    }
}

/// The desk page: the session form, then its link, QR code and card, then
/// the configuration check.
#[component]
pub fn DeskPage() -> impl IntoView {
    let i18n = use_i18n();
    let plan = use_clinic().plan();
    let form = DeskForm {
        when: RwSignal::new(LocalDateTime::at(now_millis(), &BrowserZone).to_string()),
        area: RwSignal::new(Area::ALL[0]),
        session: RwSignal::new("1".to_string()),
        interval: RwSignal::new(plan.interval_days.to_string()),
        lang: RwSignal::new(i18n.lang_untracked()),
        card_size: RwSignal::new(CardSize::ALL[0]),
    };
    let link = Memo::new(move |_| form.link());
    // The address, once, for the link shown, its QR code and the card's.
    let url = Memo::new(move |_| link.get().map(|l| l.url(&app_url())));
    let words = use_content::<CareText>();
    let screen = move || match words.get() {
        None => Either::Left(view! { <ContentPending<CareText>/> }),
        Some(words) => Either::Right(view! {
            <SessionFields form link words=words.clone()/>
            <LinkOutput url form/>
            <AftercareCard link url words size=form.card_size/>
            // Its words come with the aftercare's.
            <ConfigCheck/>
        }),
    };
    view! {
        <PageSection class="mc-page mc-desk" title=Key::DeskTitle intro=Key::DeskIntro>
            {screen}
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
    /// The aftercare words (the areas' names).
    words: std::sync::Arc<CareText>,
) -> impl IntoView {
    let i18n = use_i18n();
    let valid = move || link.with(Option::is_some);
    let languages = use_clinic()
        .offered()
        .into_iter()
        .map(|lang| {
            view! {
                <option value=lang.code() lang=lang.code() prop:selected=move || form.lang.get() == lang>
                    {lang.native_name()}
                </option>
            }
        })
        .collect_view();
    let plan = use_clinic().plan();
    let max_session = plan.sessions.clamp(MIN_SESSION, MAX_SESSION);
    view! {
        <form class="mc-form mc-desk-form mc-screen-only" on:submit=|ev| ev.prevent_default()>
            <Field id="mc-desk-when" label=Key::CareDeskWhen>
                <input
                    type="datetime-local"
                    id="mc-desk-when"
                    required
                    prop:value=move || form.when.get()
                    on:input:target=move |ev| form.when.set(ev.target().value())
                    aria-invalid=move || (!valid()).then_some("true")
                    aria-describedby=move || (!valid()).then_some("mc-desk-error")
                />
                <Show when=move || !valid()>
                    <Message tone=Tone::Error text=Key::CareDeskInvalid id="mc-desk-error"/>
                </Show>
            </Field>
            <Field id="mc-desk-area" label=Key::CareDeskArea>
                <select
                    id="mc-desk-area"
                    on:change:target=move |ev| set_area(form.area, &ev.target().value())
                >
                    <AreaOptions selected=form.area words/>
                </select>
            </Field>
            <div class="mc-field-row">
                <Field id="mc-desk-session" label=Key::CareDeskSession>
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
                <Field id="mc-desk-interval" label=Key::CareDeskInterval hint=Key::CareDeskIntervalHint>
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
            <Field id="mc-desk-lang" label=Key::CareDeskLang hint=Key::CareDeskLangHint>
                <select
                    id="mc-desk-lang"
                    aria-describedby=hint_id("mc-desk-lang")
                    on:change:target=move |ev| {
                        if let Some(lang) = Lang::from_code(&ev.target().value()) {
                            form.lang.set(lang);
                            // The card prints in the client's language.
                            i18n.switch_to(lang);
                        }
                    }
                >
                    {languages}
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
    let status = RwSignal::new(None::<Key>);
    // A new link makes the last "copied" untrue.
    Effect::new(move |_| {
        url.track();
        status.set(None);
    });
    let copy = move |_| {
        if let Some(url) = url.get_untracked() {
            leptos::task::spawn_local(async move {
                let copied = copy_to_clipboard(&url).await;
                status.try_set(Some(if copied {
                    Key::CareDeskCopied
                } else {
                    Key::CareDeskCopyFailed
                }));
            });
        }
    };
    let share = move |_| {
        if let Some(url) = url.get_untracked() {
            let title = i18n.t_untracked(Key::AppName);
            leptos::task::spawn_local(async move {
                let shown = match share_text(&title, &url).await {
                    Shared::Copied => Some(Key::CareDeskCopied),
                    Shared::Failed => Some(Key::CareDeskCopyFailed),
                    Shared::Sheet | Shared::Cancelled => None,
                };
                status.try_set(shown);
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
            <h2 id="mc-desk-link-title">{i18n.text(Key::CareDeskLinkTitle)}</h2>
            <p class="mc-hint" id="mc-desk-link-hint">{i18n.text(Key::CareDeskLinkHint)}</p>
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
                    {i18n.text(Key::CareDeskCopy)}
                </button>
                <button
                    type="button"
                    class="mc-button mc-button-secondary"
                    on:click=share
                    disabled=move || url.with(Option::is_none)
                >
                    {i18n.text(Key::CareDeskShare)}
                </button>
            </div>
            <p class="mc-desk-status" role="status">
                {move || status.get().map(|key| i18n.t(key))}
            </p>
            <div class="mc-field mc-desk-print">
                <label for="mc-desk-size">{i18n.text(Key::CareDeskCardSize)}</label>
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
                    {i18n.text(Key::CareDeskPrint)}
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
    let i18n = use_i18n();
    move || {
        let qr = url.with(|url| url.as_deref().and_then(|u| Qr::encode(u).ok()))?;
        Some(view! {
            <svg
                class="mc-qr"
                viewBox=qr.view_box()
                role="img"
                aria-label=i18n.text(Key::CareDeskQr)
                shape-rendering="crispEdges"
            >
                <rect width="100%" height="100%" fill="#fff"></rect>
                <path fill="#000" d=qr.path_data()></path>
            </svg>
        })
    }
}
