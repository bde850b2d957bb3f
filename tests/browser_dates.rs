//! The card's deadline dates as the browser writes them, in each language
//! (wasm-bindgen-test in headless Chromium, whose date formatting the app
//! uses).
#![cfg(target_arch = "wasm32")]

use microcare::browser::dates::{format_day_short, format_day_time};
use microcare::core::calendar::CivilDate;
use microcare::core::i18n::Lang;
use microcare::core::time::LocalDateTime;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn a_day_with_its_weekday_in_each_language() {
    let date = CivilDate::parse_iso("2026-12-01").unwrap();
    assert_eq!(format_day_short(Lang::En, date), "Tue 1 Dec");
    assert_eq!(format_day_short(Lang::PtBr, date), "ter., 1 de dez.");
    assert_eq!(format_day_short(Lang::Es, date), "mar, 1 dic");
}

#[wasm_bindgen_test]
fn a_deadline_with_its_clock_time() {
    let local = LocalDateTime::parse("2027-01-04T09:05").unwrap();
    assert_eq!(format_day_time(Lang::En, local), "Mon 4 Jan, 09:05");
    assert_eq!(format_day_time(Lang::Es, local), "lun, 4 ene, 09:05");
}
