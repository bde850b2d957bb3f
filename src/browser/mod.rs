//! The only code that talks to browser APIs beyond rendering. Each module is
//! small and tested in a real browser with wasm-bindgen-test.

pub mod dates;
pub mod download;
pub mod locale_loader;
pub mod navigation;
pub mod share;
pub mod storage;
