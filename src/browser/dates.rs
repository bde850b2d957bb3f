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
