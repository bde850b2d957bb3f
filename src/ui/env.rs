//! What the app knows of the place it runs in and of the time, as plain
//! data in context: read from the browser once at start, or given by a
//! native render (a test, the pages written at build time). Components ask
//! these contexts, never the browser, while they draw; the browser is
//! called only in effects and event handlers.
//!
//! ```
//! use leptos::prelude::*;
//! use microcare::ui::env::{use_clock, Clock, Env};
//! let owner = Owner::new();
//! owner.with(|| {
//!     provide_context(Env::default());
//!     provide_context(Clock::at(1_796_034_600_000)); // 30 November 2026, 10:30 UTC
//!     assert_eq!(use_clock().today().to_iso(), "2026-11-30");
//! });
//! ```

use crate::browser::host::Host;
use crate::core::calendar::CivilDate;
pub use crate::core::pwa::InstallPlatform;
use crate::core::time::{LocalDateTime, Millis, Zone};
use leptos::prelude::*;

/// The time zone dates are written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeZone {
    /// The device's own, daylight-saving changes included (the browser's).
    Device,
    /// A fixed offset from UTC, in minutes: a native render.
    Fixed(i32),
}

impl Zone for TimeZone {
    fn offset_minutes(&self, moment: Millis) -> i32 {
        match self {
            TimeZone::Device => crate::browser::dates::BrowserZone.offset_minutes(moment),
            TimeZone::Fixed(minutes) => *minutes,
        }
    }
}

/// Where the app runs and what the browser offers there.
#[derive(Clone, Debug)]
pub struct Env {
    /// Its own page, a clinic's iframe, or mounted in a clinic's page.
    pub host: Host,
    /// The folder of the app's files, ending in `/` (empty: the page's own).
    pub asset_base: String,
    /// The app's own address without a route: where a shared link leads.
    pub app_url: String,
    /// The browser's preferred languages, most preferred first.
    pub languages: Vec<String>,
    /// The share sheet takes files (a photo); otherwise "Save a copy".
    pub shares_files: bool,
    /// A camera can be opened for a photo.
    pub camera: bool,
    /// The zone dates and times are written in.
    pub zone: TimeZone,
    /// What installing the app takes here.
    pub install: InstallPlatform,
}

impl Default for Env {
    /// A page of its own, in English, in UTC, with neither share sheet
    /// nor camera: what a native render draws.
    fn default() -> Self {
        Env {
            host: Host::Standalone,
            asset_base: String::new(),
            app_url: String::new(),
            languages: Vec::new(),
            shares_files: false,
            camera: false,
            zone: TimeZone::Fixed(0),
            install: InstallPlatform::default(),
        }
    }
}

impl Env {
    /// What the browser says, read once at start.
    pub fn from_browser() -> Env {
        use crate::browser::{camera, host, share};
        let languages = window().navigator().languages();
        Env {
            host: host::host(),
            asset_base: host::asset_url(""),
            app_url: host::app_url(),
            languages: languages.iter().filter_map(|v| v.as_string()).collect(),
            shares_files: share::can_share_photos(),
            camera: camera::available(),
            zone: TimeZone::Device,
            install: crate::browser::pwa::install_platform(),
        }
    }

    /// The address of one of the app's files, e.g. `logo.svg`.
    pub fn asset_url(&self, path: &str) -> String {
        format!("{}{path}", self.asset_base)
    }
}

/// The Env provided by [`crate::ui::app::App`].
pub fn use_env() -> Env {
    expect_context::<Env>()
}

/// The current moment, moved on by whoever needs a ticking clock (the
/// aftercare's countdowns), in the zone of [`Env`].
#[derive(Clone, Copy)]
pub struct Clock {
    pub now: RwSignal<Millis>,
    zone: TimeZone,
}

impl Clock {
    /// A clock at `now`, in UTC.
    pub fn at(now: Millis) -> Self {
        Clock::in_zone(now, TimeZone::Fixed(0))
    }

    pub fn in_zone(now: Millis, zone: TimeZone) -> Self {
        Clock {
            now: RwSignal::new(now),
            zone,
        }
    }

    /// The zone the clock's dates are in.
    pub fn zone(&self) -> TimeZone {
        self.zone
    }

    /// The local date and time of `moment`.
    pub fn local(&self, moment: Millis) -> LocalDateTime {
        LocalDateTime::at(moment, &self.zone)
    }

    /// Today in the person's calendar (reactive).
    pub fn today(&self) -> CivilDate {
        self.local(self.now.get()).date
    }

    /// Today, without subscribing to the clock.
    pub fn today_untracked(&self) -> CivilDate {
        self.local(self.now.get_untracked()).date
    }
}

/// Moves `clock` every 30 seconds while the calling page is open: its
/// countdowns are said in minutes at the finest.
pub fn tick_clock(clock: Clock) {
    Effect::new(move |_| {
        let tick = move || clock.now.set(crate::browser::dates::now_millis());
        if let Ok(handle) = set_interval_with_handle(tick, TICK) {
            on_cleanup(move || handle.clear());
        }
    });
}

/// How often a page's clock ticks.
pub const TICK: std::time::Duration = std::time::Duration::from_secs(30);

/// The Clock provided by [`crate::ui::app::App`].
pub fn use_clock() -> Clock {
    expect_context::<Clock>()
}
