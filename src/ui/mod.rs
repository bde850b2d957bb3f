//! The interface by product area: plain functions that draw into their
//! parent with `content_dom`, on Leptos signals and effects.

pub mod aftercare;
pub mod app;
pub mod clinic;
pub mod content_dom;
pub mod data;
pub mod faq;
pub mod focus;
pub mod home;
pub mod i18n;
pub mod layout;
pub mod lazy;
pub mod not_found;
pub mod notices;
pub mod privacy;
pub mod pwa;
pub mod screening;
pub mod widgets;
