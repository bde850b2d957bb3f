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

    #[test]
    fn month_lengths() {
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(2025, 2), 28);
        assert_eq!(days_in_month(2025, 12), 31);
        assert_eq!(days_in_month(2025, 11), 30);
        assert_eq!(days_in_month(2025, 13), 0);
    }
}
