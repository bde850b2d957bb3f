//! Calendar dates without time zones: "the 14th of March 2027" wherever the
//! person is.
//!
//! ```
//! use microcare::core::calendar::CivilDate;
//! let date = CivilDate::parse_iso("2024-02-29").unwrap();
//! assert_eq!(date.to_iso(), "2024-02-29");
//! assert!(CivilDate::parse_iso("2023-02-29").is_none());
//! ```

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CivilDate {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl CivilDate {
    /// A real calendar date, or `None` (30 February, month 13, ...).
    pub fn new(year: i32, month: u32, day: u32) -> Option<CivilDate> {
        ((1..=9999).contains(&year) && day >= 1 && day <= days_in_month(year, month))
            .then_some(CivilDate { year, month, day })
    }

    /// Reads `YYYY-MM-DD`, as `<input type="date">` gives it.
    pub fn parse_iso(text: &str) -> Option<CivilDate> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let number = |range: std::ops::Range<usize>| -> Option<u32> {
            let part = text.get(range)?;
            part.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        CivilDate::new(number(0..4)? as i32, number(5..7)?, number(8..10)?)
    }

    pub fn to_iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// Days since 1970-01-01 (negative before), for date arithmetic.
    pub fn day_number(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_day_number(days: i64) -> CivilDate {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        CivilDate { year, month, day }
    }

    pub fn add_days(self, days: i64) -> CivilDate {
        CivilDate::from_day_number(self.day_number() + days)
    }

    /// The same day `months` later; a day the target month lacks becomes its
    /// last day (31 August + 6 months = 28 or 29 February).
    pub fn add_months(self, months: u32) -> CivilDate {
        let index = self.year * 12 + (self.month as i32 - 1) + months as i32;
        let year = index.div_euclid(12);
        let month = index.rem_euclid(12) as u32 + 1;
        let day = self.day.min(days_in_month(year, month));
        CivilDate { year, month, day }
    }

    /// Whole days from `self` to `other` (negative if `other` is earlier).
    pub fn days_until(self, other: CivilDate) -> i64 {
        other.day_number() - self.day_number()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_table() {
        let cases = [
            ("2027-03-14", Some((2027, 3, 14))),
            ("2024-02-29", Some((2024, 2, 29))),
            ("2000-02-29", Some((2000, 2, 29))),
            ("1900-02-29", None),
            ("2023-02-29", None),
            ("2027-04-31", None),
            ("2027-13-01", None),
            ("2027-00-10", None),
            ("2027-01-00", None),
            ("2027-1-10", None),
            ("27-01-10", None),
            ("2027/01/10", None),
            ("", None),
            ("+027-01-10", None),
            ("２０２７-01-10", None),
        ];
        for (text, expected) in cases {
            let parsed = CivilDate::parse_iso(text).map(|d| (d.year, d.month, d.day));
            assert_eq!(parsed, expected, "{text:?}");
        }
    }

    fn date(text: &str) -> CivilDate {
        CivilDate::parse_iso(text).unwrap()
    }

    #[test]
    fn day_numbers_round_trip_across_four_centuries() {
        assert_eq!(date("1970-01-01").day_number(), 0);
        assert_eq!(date("2000-03-01").day_number(), 11_017);
        let start = date("1900-01-01").day_number();
        for n in start..start + 146_097 {
            let d = CivilDate::from_day_number(n);
            assert!(CivilDate::new(d.year, d.month, d.day).is_some(), "{n}");
            assert_eq!(d.day_number(), n);
        }
    }

    #[test]
    fn add_days_crosses_month_year_and_leap_day() {
        let cases = [
            ("2027-01-31", 1, "2027-02-01"),
            ("2024-02-28", 1, "2024-02-29"),
            ("2023-02-28", 1, "2023-03-01"),
            ("2026-12-31", 1, "2027-01-01"),
            ("2026-12-20", 14, "2027-01-03"),
            ("2027-03-01", -1, "2027-02-28"),
            ("2026-11-23", 28, "2026-12-21"),
        ];
        for (from, days, expected) in cases {
            assert_eq!(
                date(from).add_days(days).to_iso(),
                expected,
                "{from} + {days}"
            );
        }
    }

    #[test]
    fn add_months_clamps_to_the_month_end() {
        let cases = [
            ("2026-09-14", 6, "2027-03-14"),
            ("2026-08-31", 6, "2027-02-28"),
            ("2027-08-31", 6, "2028-02-29"),
            ("2024-02-29", 12, "2025-02-28"),
            ("2026-03-31", 1, "2026-04-30"),
            ("2026-12-15", 1, "2027-01-15"),
            ("2026-05-20", 0, "2026-05-20"),
        ];
        for (from, months, expected) in cases {
            assert_eq!(
                date(from).add_months(months).to_iso(),
                expected,
                "{from} + {months} months"
            );
        }
    }

    #[test]
    fn days_until_counts_whole_days() {
        assert_eq!(date("2026-11-23").days_until(date("2026-11-23")), 0);
        assert_eq!(date("2026-11-23").days_until(date("2027-11-23")), 365);
        assert_eq!(date("2027-11-23").days_until(date("2028-11-23")), 366);
        assert_eq!(date("2026-11-24").days_until(date("2026-11-23")), -1);
    }

    #[test]
    fn month_lengths() {
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(2025, 2), 28);
        assert_eq!(days_in_month(2025, 12), 31);
        assert_eq!(days_in_month(2025, 11), 30);
        assert_eq!(days_in_month(2025, 13), 0);
    }
}
