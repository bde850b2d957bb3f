//! The device's clock and time zone. Dates are written by
//! `core::dates`, from each language's own names.

/// The device's own time zone, as the browser knows it (daylight-saving
/// changes included).
pub struct BrowserZone;

impl crate::core::time::Zone for BrowserZone {
    fn offset_minutes(&self, moment: crate::core::time::Millis) -> i32 {
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(moment as f64));
        -(date.get_timezone_offset() as i32)
    }
}

/// The current moment, in milliseconds since 1970 UTC.
pub fn now_millis() -> crate::core::time::Millis {
    js_sys::Date::now() as i64
}
