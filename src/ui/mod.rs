//! The interface, as Leptos components written with `view!`: they render
//! state and send events; the rules stay in `core`.
//!
//! - [`pages`]: one module per page (a folder when a page has several
//!   screens), each keeping its own state as context.
//! - [`kit`]: the parts every page uses: the frame (header, tabs, footer,
//!   a page's heading), the notices, form fields, messages, questions.
//! - The app itself: [`app`] (start-up and the root component) and
//!   [`render`] (the same app drawn to HTML natively), and the contexts
//!   every page reads: [`i18n`], [`content`] (the language files), [`data`]
//!   (the saved data), [`env`] (where the app runs, the clock), [`clinic`]
//!   (the clinic's setup) and [`pwa`] (offline, updates, installing).

pub mod app;
pub mod clinic;
pub mod content;
pub mod data;
pub mod env;
pub mod files;
pub mod i18n;
pub mod kit;
pub mod pages;
pub mod pwa;
#[cfg(not(target_family = "wasm"))]
pub mod render;
pub mod split;
