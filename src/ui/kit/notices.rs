//! The notices above every page, calm and in plain words: storage faults
//! (dismissible), a new version ready to load, the offline note, and the
//! offer to install MicroCare.

use crate::browser::pwa::apply_update;
use crate::core::i18n::Key;
use crate::core::pwa::InstallWay;
use crate::core::route::Route;
use crate::ui::data::{use_data, Notice};
use crate::ui::env::use_env;
use crate::ui::i18n::use_i18n;
use crate::ui::pwa::{install, install_offer, not_now};
use leptos::either::EitherOf3;
use leptos::prelude::*;

/// What a storage fault says; `None` for the notices drawn otherwise.
fn fault_text(notice: Notice) -> Option<Key> {
    match notice {
        Notice::MemoryOnly => Some(Key::NoticeMemoryOnly),
        Notice::Unreadable => Some(Key::NoticeUnreadable),
        Notice::ReadOnly => Some(Key::NoticeReadOnly),
        Notice::StorageFull => Some(Key::NoticeStorageFull),
        Notice::ChangedElsewhere => Some(Key::NoticeChangedElsewhere),
        Notice::UpdateReady | Notice::Offline | Notice::InstallReady => None,
    }
}

/// Every current notice, shown above every page. A new or dismissed notice
/// adds or removes its own row; the others stay as they are.
#[component]
pub fn Notices() -> impl IntoView {
    let data = use_data();
    view! {
        <div class="mc-notices" role="status">
            <For each=move || data.notices() key=|notice| *notice let:notice>
                <NoticeRow notice/>
            </For>
            <InstallOffer/>
        </div>
    }
}

/// One notice: the offline line, "a new version is ready" with Reload, or a
/// storage fault with Dismiss (and a link to the Privacy page where the
/// person can do something about it).
#[component]
fn NoticeRow(
    /// The notice to show.
    notice: Notice,
) -> impl IntoView {
    let data = use_data();
    let i18n = use_i18n();
    match (notice, fault_text(notice)) {
        (Notice::Offline, _) => EitherOf3::A(view! {
            <p class="mc-offline">{i18n.text(Key::PwaOffline)}</p>
        }),
        (Notice::UpdateReady, _) => EitherOf3::B(view! {
            <div class="mc-offer mc-notice-row">
                <p>{i18n.text(Key::PwaUpdateReady)}</p>
                <button type="button" class="mc-button" on:click=|_| apply_update()>
                    {i18n.text(Key::PwaReload)}
                </button>
            </div>
        }),
        (_, Some(text)) => {
            let see_privacy =
                matches!(notice, Notice::StorageFull | Notice::Unreadable).then(|| {
                    view! {
                        " "
                        <a href=Route::Privacy.href()>{i18n.text(Key::NoticeSeePrivacy)}</a>
                    }
                });
            EitherOf3::C(Some(view! {
                <div class="mc-notice mc-notice-row">
                    <p>{i18n.text(text)} {see_privacy}</p>
                    <button type="button" class="mc-button-quiet" on:click=move |_| data.dismiss(notice)>
                        {i18n.text(Key::NoticeDismiss)}
                    </button>
                </div>
            }))
        }
        // The install prompt is kept for the offer below.
        (_, None) => EitherOf3::C(None),
    }
}

/// The offer to install MicroCare, at a sensible moment (see `ui::pwa`):
/// Chromium's prompt, or how to add it to the Home Screen on iOS.
#[component]
fn InstallOffer() -> impl IntoView {
    let data = use_data();
    let i18n = use_i18n();
    let env = use_env();
    move || {
        install_offer(data, &env).map(|way| {
            let prompt = way == InstallWay::Prompt;
            let text = if prompt {
                Key::PwaInstallText
            } else {
                Key::PwaInstallIos
            };
            view! {
                <div class="mc-offer mc-notice-row">
                    <p>{i18n.text(text)}</p>
                    <div class="mc-offer-actions">
                        {prompt.then(|| view! {
                            <button type="button" class="mc-button" on:click=move |_| install(data)>
                                {i18n.text(Key::PwaInstall)}
                            </button>
                        })}
                        <button type="button" class="mc-button-quiet" on:click=move |_| not_now(data)>
                            {i18n.text(Key::PwaNotNow)}
                        </button>
                    </div>
                </div>
            }
        })
    }
}
