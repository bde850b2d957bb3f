//! The interface by product area, as Leptos components written with
//! `view!`: one module per page or concern; they render state and send
//! events, the rules stay in `core`.

pub mod aftercare;
pub mod app;
pub mod clinic;
pub mod data;
pub mod desk;
pub mod faq;
pub mod focus;
pub mod home;
pub mod i18n;
pub mod layout;
pub mod lazy;
pub mod not_found;
pub mod notices;
pub mod photos;
pub mod privacy;
pub mod pwa;
pub mod screening;
pub mod session_link;
pub mod split;
pub mod widgets;
