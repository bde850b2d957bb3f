//! Working offline, updating and installing, as notices (see
//! [`notices`](crate::ui::notices)); the browser side is
//! [`browser::pwa`](crate::browser::pwa), the rules are in
//! [`core::pwa`](crate::core::pwa).
//!
//! The state lives in the notices list of [`AppData`] rather than in
//! signals of its own: each new signal adds code to the WASM.

use crate::browser::pwa;
use crate::core::pwa::{install_offer as offer, install_way, is_ios, InstallWay, Moment};
use crate::ui::data::{AppData, Notice};
use leptos::prelude::*;

/// Registers the service worker, and follows the connection and the
/// browser's install prompt.
pub fn start(data: AppData) {
    pwa::register_service_worker(move || data.raise(Notice::UpdateReady));
    let connection = move |online: bool| {
        if online {
            data.dismiss(Notice::Offline);
        } else {
            data.raise(Notice::Offline);
        }
    };
    connection(pwa::watch_connection(connection));
    pwa::watch_install_prompt(move || data.raise(Notice::InstallReady));
}

/// The install offer to show now, if any (reactive).
pub fn install_offer(data: AppData) -> Option<InstallWay> {
    let prompt_ready = data.notices().contains(&Notice::InstallReady);
    let (has, touch, standalone) = pwa::platform();
    let moment = Moment {
        returning: pwa::is_returning(),
        check_done: data.screening.with(|r| r.done_on.is_some()),
        dismissed: data.settings.with(|s| s.install_dismissed),
    };
    offer(
        install_way(prompt_ready, is_ios(has, touch), standalone),
        moment,
    )
}

/// Shows the browser's install prompt. Answered either way, the offer is not
/// shown again (the browser's menu still offers to install).
pub fn install(data: AppData) {
    not_now(data);
    pwa::show_install_prompt();
}

/// The person does not want to install: remembered, not offered again.
pub fn not_now(data: AppData) {
    data.update_settings(|s| s.install_dismissed = true);
}
