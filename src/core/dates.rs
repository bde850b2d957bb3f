//! Dates written the way the person's language writes them: "14 March
//! 2027", "14 de março de 2027", "Tue 1 Dec".
//!
//! The names and the order of the parts are data, in each language's file
//! (`public/locales/<lang>.json`, its `dates` object), like every other
//! word the app shows. Writing dates here rather than with the browser's
//! `Intl` gives the same text in every browser, and lets a screen be drawn
//! without a browser (a native test, the pages rendered at build time).
//!
//! ```
//! use microcare::core::calendar::CivilDate;
//! use microcare::core::dates::{DateStyle, DateWords};
//! let words: DateWords = serde_json::from_str(r#"{
//!   "months": ["January","February","March","April","May","June","July",
//!              "August","September","October","November","December"],
//!   "months_short": ["Jan","Feb","Mar","Apr","May","Jun","Jul","Aug","Sept",
//!                    "Oct","Nov","Dec"],
//!   "weekdays": ["Monday","Tuesday","Wednesday","Thursday","Friday",
//!                "Saturday","Sunday"],
//!   "weekdays_short": ["Mon","Tue","Wed","Thu","Fri","Sat","Sun"],
//!   "date": "{day} {month} {year}",
//!   "day_long": "{weekday} {day} {month}",
//!   "day_short": "{weekday} {day} {month}"
//! }"#).unwrap();
//! let day = CivilDate::parse_iso("2026-12-01").unwrap();
//! assert_eq!(words.write(day, DateStyle::Date), "1 December 2026");
//! assert_eq!(words.write(day, DateStyle::DayShort), "Tue 1 Dec");
//! ```

use crate::core::calendar::CivilDate;
use serde::Deserialize;

/// How a date is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateStyle {
    /// With its year: "14 March 2027" (answers, photos, the plan).
    Date,
    /// With its weekday, in full: "Monday 30 November" (a session link).
    DayLong,
    /// With its weekday, short: "Tue 1 Dec" (the printed card).
    DayShort,
}

/// One language's names for months and weekdays, and how it orders the
/// parts of a date, as its locale file gives them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct DateWords {
    pub months: [String; 12],
    pub months_short: [String; 12],
    /// Monday first.
    pub weekdays: [String; 7],
    pub weekdays_short: [String; 7],
    /// [`DateStyle::Date`], with `{day}`, `{month}` and `{year}`.
    pub date: String,
    /// [`DateStyle::DayLong`], with `{weekday}`, `{day}` and `{month}`.
    pub day_long: String,
    /// [`DateStyle::DayShort`], with `{weekday}`, `{day}` and `{month}`.
    pub day_short: String,
}

impl DateWords {
    /// `date` written in `style`.
    pub fn write(&self, date: CivilDate, style: DateStyle) -> String {
        let month = date.month.clamp(1, 12) as usize - 1;
        let weekday = weekday(date);
        let (pattern, month, weekday) = match style {
            DateStyle::Date => (&self.date, &self.months[month], ""),
            DateStyle::DayLong => (
                &self.day_long,
                &self.months[month],
                self.weekdays[weekday].as_str(),
            ),
            DateStyle::DayShort => (
                &self.day_short,
                &self.months_short[month],
                self.weekdays_short[weekday].as_str(),
            ),
        };
        pattern
            .replace("{weekday}", weekday)
            .replace("{day}", &date.day.to_string())
            .replace("{month}", month)
            .replace("{year}", &date.year.to_string())
    }

    /// What is missing or empty: every name, and each pattern with the
    /// parts its style needs.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let lists: [(&str, &[String]); 4] = [
            ("months", &self.months),
            ("months_short", &self.months_short),
            ("weekdays", &self.weekdays),
            ("weekdays_short", &self.weekdays_short),
        ];
        for (name, list) in lists {
            if list.iter().any(|n| n.trim().is_empty()) {
                problems.push(format!("dates.{name} has an empty name"));
            }
        }
        let patterns = [
            ("date", &self.date, &["{day}", "{month}", "{year}"][..]),
            (
                "day_long",
                &self.day_long,
                &["{weekday}", "{day}", "{month}"],
            ),
            (
                "day_short",
                &self.day_short,
                &["{weekday}", "{day}", "{month}"],
            ),
        ];
        for (name, pattern, parts) in patterns {
            for part in parts {
                if !pattern.contains(part) {
                    problems.push(format!("dates.{name} lacks {part}"));
                }
            }
        }
        problems
    }
}

/// 0 for Monday to 6 for Sunday.
fn weekday(date: CivilDate) -> usize {
    // 1 January 1970 was a Thursday.
    (date.day_number() + 3).rem_euclid(7) as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::i18n::{Lang, Locale};

    fn words(lang: Lang) -> DateWords {
        Locale::parse(lang, crate::core::i18n::locale_source(lang))
            .unwrap()
            .dates
    }

    fn day(text: &str) -> CivilDate {
        CivilDate::parse_iso(text).unwrap()
    }

    /// What Chromium's `Intl` wrote for these days (`toLocaleDateString`
    /// with en-GB, pt-BR and es), which the app showed before it wrote dates
    /// itself: the same text.
    #[test]
    fn dates_in_every_language_and_style() {
        use DateStyle::{Date, DayLong, DayShort};
        let cases: &[(Lang, &str, DateStyle, &str)] = &[
            (Lang::En, "2026-11-30", Date, "30 November 2026"),
            (Lang::En, "2026-12-01", DayShort, "Tue 1 Dec"),
            (Lang::En, "2026-09-01", DayShort, "Tue 1 Sept"),
            (Lang::En, "2026-11-30", DayLong, "Monday 30 November"),
            (Lang::En, "2028-02-29", Date, "29 February 2028"),
            (Lang::PtBr, "2026-11-30", Date, "30 de novembro de 2026"),
            (Lang::PtBr, "2026-12-01", DayShort, "ter., 1 de dez."),
            (
                Lang::PtBr,
                "2026-11-30",
                DayLong,
                "segunda-feira, 30 de novembro",
            ),
            (Lang::PtBr, "2027-03-14", Date, "14 de março de 2027"),
            (Lang::Es, "2026-11-30", Date, "30 de noviembre de 2026"),
            (Lang::Es, "2026-12-01", DayShort, "mar, 1 dic"),
            (Lang::Es, "2026-09-01", DayShort, "mar, 1 sept"),
            (Lang::Es, "2026-11-30", DayLong, "lunes, 30 de noviembre"),
            (Lang::Es, "2027-01-03", DayLong, "domingo, 3 de enero"),
        ];
        for (lang, date, style, expected) in cases {
            assert_eq!(
                words(*lang).write(day(date), *style),
                *expected,
                "{lang:?} {date} {style:?}"
            );
        }
    }

    #[test]
    fn weekdays_across_years_and_before_1970() {
        // (date, 0 = Monday)
        let cases = [
            ("1970-01-01", 3),
            ("1969-12-31", 2),
            ("2000-02-29", 1),
            ("2026-11-30", 0),
            ("2026-12-06", 6),
            ("2099-12-31", 3),
        ];
        for (date, expected) in cases {
            assert_eq!(weekday(day(date)), expected, "{date}");
        }
    }

    #[test]
    fn every_language_has_every_name_and_part() {
        for lang in Lang::ALL {
            assert_eq!(words(lang).problems(), Vec::<String>::new(), "{lang:?}");
        }
        let broken = DateWords {
            date: "{day} {month}".into(),
            ..words(Lang::En)
        };
        assert_eq!(broken.problems(), ["dates.date lacks {year}"]);
    }
}
