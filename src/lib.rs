//! MicroCare: a client companion for microneedling.
//!
//! - [`core`]: the rules, plain Rust with no browser API, tested natively.
//! - [`browser`]: small wrappers over browser APIs, tested in Chromium.
//! - [`ui`]: Leptos components by product area; they render state and send
//!   events, and hold no business rules.

// Leptos views nest deep types (the pages rendered natively, unerased).
#![recursion_limit = "512"]

pub mod browser;
pub mod core;
pub mod ui;

pub use ui::app::start;
