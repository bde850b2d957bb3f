//! When to offer installing MicroCare to the Home Screen, and how.
//!
//! ```
//! use microcare::core::pwa::{install_offer, InstallWay, Moment};
//! let later_visit = Moment { returning: true, check_done: false, dismissed: false };
//! assert_eq!(install_offer(Some(InstallWay::Prompt), later_visit), Some(InstallWay::Prompt));
//! let first_visit = Moment { returning: false, ..later_visit };
//! assert_eq!(install_offer(Some(InstallWay::Prompt), first_visit), None);
//! ```

/// How this browser installs a web app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InstallWay {
    /// The browser's own install prompt (Chromium's `beforeinstallprompt`).
    Prompt,
    /// iOS and iPadOS: the person taps Share, then Add to Home Screen.
    ShareSheet,
}

/// What the browser tells about installing, read once at start.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct InstallPlatform {
    /// An iPhone or iPad: Add to Home Screen from the share sheet.
    pub ios: bool,
    /// Opened from the Home Screen already.
    pub standalone: bool,
    /// A later visit: the offline copy served this page.
    pub returning: bool,
}

/// What is known about this visit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Moment {
    /// A later visit: the app was already kept for offline use.
    pub returning: bool,
    /// The person has seen a self-check result.
    pub check_done: bool,
    /// The person said "Not now" to the offer once: never again.
    pub dismissed: bool,
}

/// The install offer to show now, if any: never on a first visit before
/// anything was done, never again once dismissed.
pub fn install_offer(way: Option<InstallWay>, moment: Moment) -> Option<InstallWay> {
    let sensible = moment.returning || moment.check_done;
    way.filter(|_| sensible && !moment.dismissed)
}

/// Whether the browser runs on an iPhone, iPod or iPad, where Add to Home
/// Screen is the only way to install. `has` tells whether the user agent
/// contains a word (the browser's own search is smaller in WASM than
/// Rust's). iPadOS presents itself as a Mac, told apart by its touch screen.
pub fn is_ios(has: impl Fn(&str) -> bool, touch: bool) -> bool {
    has("iPhone") || has("iPad") || has("iPod") || (touch && has("Macintosh"))
}

/// How this browser can install the app now: its own prompt when it offered
/// one, Add to Home Screen on iOS unless already opened from the Home Screen.
pub fn install_way(prompt_ready: bool, ios: bool, standalone: bool) -> Option<InstallWay> {
    if standalone {
        None
    } else if prompt_ready {
        Some(InstallWay::Prompt)
    } else if ios {
        Some(InstallWay::ShareSheet)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const IPHONE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1";
    const IPAD_AS_MAC: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Safari/605.1.15";
    const ANDROID: &str = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36";

    fn ios(user_agent: &str, touch: bool) -> bool {
        is_ios(|word| user_agent.contains(word), touch)
    }

    #[test]
    fn ios_is_recognised_including_ipads_that_say_they_are_macs() {
        assert!(ios(IPHONE, true));
        assert!(ios(IPAD_AS_MAC, true));
        assert!(!ios(IPAD_AS_MAC, false), "a real Mac has no touch screen");
        assert!(!ios(ANDROID, true));
    }

    #[test]
    fn the_way_to_install_follows_the_browser() {
        assert_eq!(install_way(true, false, false), Some(InstallWay::Prompt));
        assert_eq!(
            install_way(false, true, false),
            Some(InstallWay::ShareSheet)
        );
        assert_eq!(install_way(false, false, false), None);
        // Already opened from the Home Screen: nothing to install.
        assert_eq!(install_way(false, true, true), None);
        assert_eq!(install_way(true, false, true), None);
    }

    #[test]
    fn the_offer_waits_for_a_later_visit_or_a_self_check_result() {
        let way = Some(InstallWay::ShareSheet);
        let moment = |returning, check_done, dismissed| Moment {
            returning,
            check_done,
            dismissed,
        };
        assert_eq!(install_offer(way, moment(false, false, false)), None);
        assert_eq!(install_offer(way, moment(true, false, false)), way);
        assert_eq!(install_offer(way, moment(false, true, false)), way);
        assert_eq!(install_offer(way, moment(true, true, true)), None);
        assert_eq!(install_offer(None, moment(true, true, false)), None);
    }
}
