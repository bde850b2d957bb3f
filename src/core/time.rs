//! Moments in time and the person's local clock.
//!
//! A moment is milliseconds since 1970-01-01 UTC ([`Millis`]). What the
//! person's clock shows depends on their time zone, which the core does not
//! know: a [`Zone`] gives the offset at any moment. In the browser the zone
//! is the device's own (see `browser::dates`); in tests it is a fixed rule,
//! so that daylight-saving changes can be tested on any machine.
//!
//! ```
//! use microcare::core::time::{LocalDateTime, Zone, FixedZone, HOUR};
//! let sao_paulo = FixedZone(-180);
//! let local = LocalDateTime::parse("2026-11-23T14:30").unwrap();
//! let moment = local.to_moment(&sao_paulo);
//! assert_eq!(LocalDateTime::at(moment + 2 * HOUR, &sao_paulo).to_string(), "2026-11-23T16:30");
//! ```

use crate::core::calendar::CivilDate;

/// Milliseconds since 1970-01-01T00:00Z.
pub type Millis = i64;

pub const MINUTE: Millis = 60_000;
pub const HOUR: Millis = 60 * MINUTE;
pub const DAY: Millis = 24 * HOUR;

/// A time zone: how far the local clock is ahead of UTC at a moment.
pub trait Zone {
    /// Minutes to add to UTC to get local time, at `moment`.
    fn offset_minutes(&self, moment: Millis) -> i32;
}

/// A zone without daylight-saving time.
#[derive(Clone, Copy, Debug)]
pub struct FixedZone(pub i32);

impl Zone for FixedZone {
    fn offset_minutes(&self, _moment: Millis) -> i32 {
        self.0
    }
}

/// A date and a time of day on the local clock, to the minute.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LocalDateTime {
    pub date: CivilDate,
    pub hour: u32,
    pub minute: u32,
}

impl LocalDateTime {
    /// Reads `YYYY-MM-DDTHH:MM`, as `<input type="datetime-local">` gives it
    /// (seconds, if present, are ignored).
    pub fn parse(text: &str) -> Option<LocalDateTime> {
        let (date, time) = text.split_once('T')?;
        let date = CivilDate::parse_iso(date)?;
        let mut parts = time.split(':');
        let hour: u32 = parts.next()?.parse().ok()?;
        let minute: u32 = parts.next()?.parse().ok()?;
        (hour < 24 && minute < 60 && time.len() >= 5).then_some(LocalDateTime {
            date,
            hour,
            minute,
        })
    }

    /// Local wall-clock value as if it were UTC, in milliseconds.
    fn wall_millis(self) -> Millis {
        self.date.day_number() * DAY
            + Millis::from(self.hour) * HOUR
            + Millis::from(self.minute) * MINUTE
    }

    fn from_wall_millis(wall: Millis) -> LocalDateTime {
        let date = CivilDate::from_day_number(wall.div_euclid(DAY));
        let minutes = wall.rem_euclid(DAY) / MINUTE;
        LocalDateTime {
            date,
            hour: (minutes / 60) as u32,
            minute: (minutes % 60) as u32,
        }
    }

    /// What the local clock shows at `moment`.
    pub fn at(moment: Millis, zone: &impl Zone) -> LocalDateTime {
        let offset = Millis::from(zone.offset_minutes(moment)) * MINUTE;
        LocalDateTime::from_wall_millis(moment + offset)
    }

    /// The moment this local time happens. In the hour skipped when clocks
    /// go forward, the later offset is used; in the hour repeated when they
    /// go back, the first occurrence.
    pub fn to_moment(self, zone: &impl Zone) -> Millis {
        let wall = self.wall_millis();
        // Offsets never change twice within a day: the offsets a day before
        // and a day after are the only candidates.
        let before = wall - Millis::from(zone.offset_minutes(wall - DAY)) * MINUTE;
        let after = wall - Millis::from(zone.offset_minutes(wall + DAY)) * MINUTE;
        let fits = |moment: Millis| LocalDateTime::at(moment, zone) == self;
        match (fits(before), fits(after)) {
            (true, true) => before.min(after),
            (true, false) => before,
            (false, true) => after,
            // A skipped local time: read it with the offset from before the
            // change, which lands after the gap.
            (false, false) => before,
        }
    }
}

impl std::fmt::Display for LocalDateTime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}T{:02}:{:02}",
            self.date.to_iso(),
            self.hour,
            self.minute
        )
    }
}

/// The moment `days` calendar days after `moment` at the same time of day
/// on the local clock of `zone`: "four weeks on at 10:30" stays 10:30 when
/// the clocks change in between, so it is not always `days` × 24 hours.
/// A time the clocks skip that day moves forward (see
/// [`LocalDateTime::to_moment`]).
pub fn days_later(moment: Millis, days: i64, zone: &impl Zone) -> Millis {
    let local = LocalDateTime::at(moment, zone);
    let later = LocalDateTime {
        date: local.date.add_days(days),
        ..local
    };
    // Offsets are whole minutes: seconds carry over as they are.
    later.to_moment(zone) + moment.rem_euclid(MINUTE)
}

/// `YYYYMMDDTHHMMSSZ`, the UTC form iCalendar uses.
pub fn ics_utc(moment: Millis) -> String {
    let wall = LocalDateTime::at(moment, &FixedZone(0));
    let seconds = moment.rem_euclid(MINUTE) / 1000;
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        wall.date.year, wall.date.month, wall.date.day, wall.hour, wall.minute, seconds
    )
}

/// Zones with real daylight-saving rules, for tests: one northern, one
/// southern hemisphere.
#[cfg(test)]
pub mod test_zones {
    use super::*;

    /// The last Sunday of `month`, as a day number.
    fn last_sunday(year: i32, month: u32) -> i64 {
        let last = CivilDate::new(
            year,
            month,
            crate::core::calendar::days_in_month(year, month),
        )
        .map(CivilDate::day_number)
        .unwrap_or_default();
        // 1970-01-01 was a Thursday: weekday 0 = Sunday.
        last - (last + 4).rem_euclid(7)
    }

    /// The first Sunday of `month`, as a day number.
    fn first_sunday(year: i32, month: u32) -> i64 {
        let first = CivilDate::new(year, month, 1)
            .map(CivilDate::day_number)
            .unwrap_or_default();
        first + (7 - (first + 4).rem_euclid(7)).rem_euclid(7)
    }

    /// Lisbon: UTC+0, summer time UTC+1 from the last Sunday of March to
    /// the last Sunday of October, switching at 01:00 UTC.
    pub struct Lisbon;

    impl Zone for Lisbon {
        fn offset_minutes(&self, moment: Millis) -> i32 {
            let year = LocalDateTime::at(moment, &FixedZone(0)).date.year;
            let start = last_sunday(year, 3) * DAY + HOUR;
            let end = last_sunday(year, 10) * DAY + HOUR;
            if (start..end).contains(&moment) {
                60
            } else {
                0
            }
        }
    }

    /// Sydney: UTC+10, summer time UTC+11 from the first Sunday of October
    /// (02:00 local) to the first Sunday of April (03:00 local).
    pub struct Sydney;

    impl Zone for Sydney {
        fn offset_minutes(&self, moment: Millis) -> i32 {
            let year = LocalDateTime::at(moment, &FixedZone(600)).date.year;
            let ends = first_sunday(year, 4) * DAY + 3 * HOUR - 11 * HOUR;
            let starts = first_sunday(year, 10) * DAY + 2 * HOUR - 10 * HOUR;
            if moment < ends || moment >= starts {
                660
            } else {
                600
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::test_zones::{Lisbon, Sydney};
    use super::*;

    fn local(text: &str) -> LocalDateTime {
        LocalDateTime::parse(text).unwrap()
    }

    #[test]
    fn parse_table() {
        assert_eq!(local("2026-11-23T14:30").to_string(), "2026-11-23T14:30");
        assert_eq!(local("2026-11-23T14:30:59").to_string(), "2026-11-23T14:30");
        for bad in [
            "2026-11-23",
            "2026-11-23T24:00",
            "2026-11-23T10:60",
            "2026-02-30T10:00",
            "x",
            "2026-11-23T1:5",
        ] {
            assert!(LocalDateTime::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn the_test_zones_switch_on_the_right_days() {
        // Lisbon 2026: summer time from 29 March to 25 October.
        assert_eq!(
            Lisbon.offset_minutes(local("2026-03-29T00:59").to_moment(&FixedZone(0))),
            0
        );
        assert_eq!(
            Lisbon.offset_minutes(local("2026-03-29T01:00").to_moment(&FixedZone(0))),
            60
        );
        assert_eq!(
            Lisbon.offset_minutes(local("2026-10-25T00:59").to_moment(&FixedZone(0))),
            60
        );
        assert_eq!(
            Lisbon.offset_minutes(local("2026-10-25T01:00").to_moment(&FixedZone(0))),
            0
        );
        // Sydney 2026: summer time ends 5 April, starts 4 October.
        assert_eq!(
            Sydney.offset_minutes(local("2026-04-04T12:00").to_moment(&FixedZone(660))),
            660
        );
        assert_eq!(
            Sydney.offset_minutes(local("2026-04-06T12:00").to_moment(&FixedZone(600))),
            600
        );
        assert_eq!(
            Sydney.offset_minutes(local("2026-10-03T12:00").to_moment(&FixedZone(600))),
            600
        );
        assert_eq!(
            Sydney.offset_minutes(local("2026-10-05T12:00").to_moment(&FixedZone(660))),
            660
        );
    }

    #[test]
    fn local_times_round_trip_outside_the_switch_hours() {
        for text in [
            "2026-01-15T09:00",
            "2026-07-15T23:59",
            "2026-12-31T23:30",
            "2028-02-29T12:00",
        ] {
            for moment in [
                local(text).to_moment(&Lisbon),
                local(text).to_moment(&Sydney),
            ] {
                let back = [
                    LocalDateTime::at(moment, &Lisbon),
                    LocalDateTime::at(moment, &Sydney),
                ];
                assert!(back.contains(&local(text)), "{text}");
            }
        }
    }

    #[test]
    fn a_skipped_hour_moves_forward_and_a_repeated_hour_takes_the_first() {
        // Lisbon, 29 March 2026: 01:00 jumps to 02:00.
        let gap = local("2026-03-29T01:30").to_moment(&Lisbon);
        assert_eq!(
            LocalDateTime::at(gap, &Lisbon).to_string(),
            "2026-03-29T02:30"
        );
        // Lisbon, 25 October 2026: 01:00-02:00 happens twice.
        let twice = local("2026-10-25T01:30").to_moment(&Lisbon);
        assert_eq!(
            LocalDateTime::at(twice, &Lisbon).to_string(),
            "2026-10-25T01:30"
        );
        assert_eq!(
            Lisbon.offset_minutes(twice),
            60,
            "the first 01:30 is still summer time"
        );
    }

    /// Each case: start (local), days later, the local time then, and the
    /// hours that actually pass.
    fn check_days_later(zone: &impl Zone, cases: &[(&str, i64, &str, i64)]) {
        for &(start, days, expected, hours) in cases {
            let from = local(start).to_moment(zone);
            let later = days_later(from, days, zone);
            assert_eq!(
                LocalDateTime::at(later, zone).to_string(),
                expected,
                "{start} + {days} days"
            );
            assert_eq!(later - from, hours * HOUR, "{start} + {days} days");
        }
    }

    #[test]
    fn days_later_keeps_the_local_time_of_day_in_lisbon() {
        check_days_later(
            &Lisbon,
            &[
                // Clocks back on 25 October 2026: four weeks are 673 hours.
                ("2026-10-10T10:30", 28, "2026-11-07T10:30", 28 * 24 + 1),
                // Clocks forward on 29 March 2026: 671 hours.
                ("2026-03-14T10:30", 28, "2026-04-11T10:30", 28 * 24 - 1),
                // No change in between: exactly 28 × 24 hours.
                ("2026-11-23T08:30", 28, "2026-12-21T08:30", 28 * 24),
                // Landing in the hour skipped on 29 March: moved forward.
                ("2026-03-01T01:30", 28, "2026-03-29T02:30", 28 * 24),
                // Landing in the hour repeated on 25 October: the first one.
                ("2026-09-27T01:30", 28, "2026-10-25T01:30", 28 * 24),
            ],
        );
    }

    #[test]
    fn days_later_keeps_the_local_time_of_day_in_sydney() {
        check_days_later(
            &Sydney,
            &[
                // Clocks back on 5 April 2026.
                ("2026-03-20T10:30", 28, "2026-04-17T10:30", 28 * 24 + 1),
                // Clocks forward on 4 October 2026.
                ("2026-09-20T10:30", 35, "2026-10-25T10:30", 35 * 24 - 1),
                // Across a year end and into a leap day, in summer time.
                ("2027-12-20T23:45", 28, "2028-01-17T23:45", 28 * 24),
                ("2028-02-01T23:45", 28, "2028-02-29T23:45", 28 * 24),
            ],
        );
        // Seconds carry over.
        let from = local("2026-09-20T10:30").to_moment(&Sydney) + 42_000;
        assert_eq!(days_later(from, 35, &Sydney).rem_euclid(MINUTE), 42_000);
    }

    #[test]
    fn ics_utc_form() {
        let moment = local("2026-11-23T14:30").to_moment(&FixedZone(-180));
        assert_eq!(ics_utc(moment), "20261123T173000Z");
        assert_eq!(ics_utc(0), "19700101T000000Z");
    }
}
