//! Leptos components by product area.

pub mod aftercare;
pub mod app;
pub mod faq;
pub mod home;
pub mod i18n;
pub mod layout;
pub mod not_found;
pub mod privacy;
pub mod screening;
