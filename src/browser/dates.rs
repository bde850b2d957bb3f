//! Dates written the way the person's language writes them.

use crate::core::calendar::CivilDate;
use crate::core::i18n::Lang;

/// A calendar date as "14 March 2027" (or "14 de março de 2027", ...), using
/// the browser's own date formatting for `lang`.
pub fn format_date(lang: Lang, date: CivilDate) -> String {
    let date = js_sys::Date::new_with_year_month_day(
        date.year as u32,
        date.month as i32 - 1,
        date.day as i32,
    );
    let options = js_sys::Object::new();
    for (key, value) in [("day", "numeric"), ("month", "long"), ("year", "numeric")] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    date.to_locale_date_string(lang.date_locale(), &options)
        .into()
}

/// Today in the person's own calendar (their device's time zone).
pub fn today() -> CivilDate {
    let now = js_sys::Date::new_0();
    CivilDate {
        year: now.get_full_year() as i32,
        month: now.get_month() + 1,
        day: now.get_date(),
    }
}

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

/// A day written short with its weekday, as on the aftercare card: "Tue 1
/// Dec" (or "ter., 1 de dez.", "mar, 1 dic"), using the browser's own date
/// formatting for `lang`.
pub fn format_day_short(lang: Lang, date: CivilDate) -> String {
    let date = js_sys::Date::new_with_year_month_day(
        date.year as u32,
        date.month as i32 - 1,
        date.day as i32,
    );
    let options = js_sys::Object::new();
    for (key, value) in [("weekday", "short"), ("day", "numeric"), ("month", "short")] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    date.to_locale_date_string(lang.date_locale(), &options)
        .into()
}

/// A deadline on the aftercare card: "Tue 1 Dec, 10:30" in `lang`.
pub fn format_day_time(lang: Lang, local: crate::core::time::LocalDateTime) -> String {
    format!(
        "{}, {}",
        format_day_short(lang, local.date),
        crate::core::card::clock(local)
    )
}

/// A moment written in full, as when a session is confirmed: "Monday 30
/// November, 10:30" (or "segunda-feira, 30 de novembro, 10:30", ...), with
/// the browser's own date formatting for `lang`.
pub fn format_day_long(lang: Lang, local: crate::core::time::LocalDateTime) -> String {
    let date = js_sys::Date::new_with_year_month_day(
        local.date.year as u32,
        local.date.month as i32 - 1,
        local.date.day as i32,
    );
    let options = js_sys::Object::new();
    for (key, value) in [("weekday", "long"), ("day", "numeric"), ("month", "long")] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    let day: String = date
        .to_locale_date_string(lang.date_locale(), &options)
        .into();
    format!("{day}, {}", crate::core::card::clock(local))
}
