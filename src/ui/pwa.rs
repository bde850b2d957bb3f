//! Working offline, updating and installing, as notices (see
//! [`notices`](crate::ui::kit::notices)); the browser side is
//! [`browser::pwa`](crate::browser::pwa), the rules are in
//! [`core::pwa`](crate::core::pwa).
//!
//! The state lives in the notices list of [`AppData`] rather than in
//! signals of its own: each new signal adds code to the WASM.

use crate::browser::pwa;
use crate::core::pwa::{install_offer as offer, install_way, InstallWay, Moment};
use crate::ui::data::{AppData, Notice};
use crate::ui::env::Env;
use leptos::prelude::*;

/// Keeps the browser's install prompt for later: called at start, before
/// anything is awaited, as the prompt may come while files still load.
pub fn keep_install_prompt(data: AppData) {
    pwa::watch_install_prompt(move || data.raise(Notice::InstallReady));
}

/// Registers the service worker and follows the connection: once the
/// first screen is up (nobody sees this work).
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
}

/// The install offer to show now, if any (reactive).
pub fn install_offer(data: AppData, env: &Env) -> Option<InstallWay> {
    let prompt_ready = data.notices().contains(&Notice::InstallReady);
    let moment = Moment {
        returning: env.install.returning,
        check_done: data.screening.with(|r| r.done_on.is_some()),
        dismissed: data.settings.with(|s| s.install_dismissed),
    };
    offer(
        install_way(prompt_ready, env.install.ios, env.install.standalone),
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
