//! The rules of MicroCare as plain Rust: no browser API, tested natively.

#[macro_use]
mod serde_id;

pub mod aftercare;
pub mod area;
pub mod backup;
mod base64;
pub mod calendar;
pub mod card;
pub mod clinic;
pub mod dates;
pub mod faq;
pub mod files;
pub mod first_paint;
pub mod goal;
pub mod i18n;
pub mod ics;
mod order;
pub mod photos;
pub mod plan;
pub mod pwa;
pub mod qr;
pub mod route;
pub mod schema;
pub mod screening;
pub mod session_link;
pub mod sizes;
#[cfg(test)]
pub mod testing;
pub mod time;
