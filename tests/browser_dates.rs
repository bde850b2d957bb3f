//! MicroCare writes dates itself, from each language's names
//! (`core::dates`), so that every browser shows the same text and a page
//! can be drawn without a browser. Before, it used the browser's `Intl`:
//! here, every day of two years and each style, in each language, against
//! what Chromium's `Intl` writes (wasm-bindgen-test in headless Chromium).
#![cfg(target_arch = "wasm32")]

use microcare::core::calendar::CivilDate;
use microcare::core::dates::DateStyle;
use microcare::core::i18n::{Lang, Locale};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn locale(lang: Lang) -> Locale {
    let json = match lang {
        Lang::En => include_str!("../public/locales/en.json"),
        Lang::PtBr => include_str!("../public/locales/pt-BR.json"),
        Lang::Es => include_str!("../public/locales/es.json"),
    };
    Locale::parse(lang, json).unwrap()
}

/// What `Intl` writes for `date` in `style`.
fn intl(lang: Lang, date: CivilDate, style: DateStyle) -> String {
    let day = js_sys::Date::new_with_year_month_day(
        date.year as u32,
        date.month as i32 - 1,
        date.day as i32,
    );
    let options = js_sys::Object::new();
    let parts: &[(&str, &str)] = match style {
        DateStyle::Date => &[("day", "numeric"), ("month", "long"), ("year", "numeric")],
        DateStyle::DayLong => &[("weekday", "long"), ("day", "numeric"), ("month", "long")],
        DateStyle::DayShort => &[("weekday", "short"), ("day", "numeric"), ("month", "short")],
    };
    for (key, value) in parts {
        js_sys::Reflect::set(&options, &(*key).into(), &(*value).into()).unwrap();
    }
    day.to_locale_date_string(lang.date_locale(), &options)
        .into()
}

#[wasm_bindgen_test]
fn every_day_of_two_years_is_written_as_the_browser_writes_it() {
    for lang in Lang::ALL {
        let locale = locale(lang);
        let mut date = CivilDate::parse_iso("2026-01-01").unwrap();
        for _ in 0..731 {
            for style in [DateStyle::Date, DateStyle::DayLong, DateStyle::DayShort] {
                assert_eq!(
                    locale.date(date, style),
                    intl(lang, date, style),
                    "{lang:?} {style:?} {}",
                    date.to_iso()
                );
            }
            date = date.add_days(1);
        }
    }
}
