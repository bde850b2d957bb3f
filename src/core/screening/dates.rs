//! The dates asked after a "yes": which ones can be accepted, and when the
//! wait after a dated event ends. Kept apart from the engine because the
//! date screen checks a date as it is typed, before any result exists.

use crate::core::calendar::CivilDate;
use crate::core::screening::questions::{DateRule, Wait};

/// Why a date cannot be accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateProblem {
    /// A past event dated in the future.
    InFuture,
    /// A date to come that passed longer ago than it can have (a due date
    /// more than 6 weeks back).
    InPast,
    /// More than 100 years ago: surely a typing mistake.
    TooLongAgo,
    /// Further ahead than such a date can be.
    TooFarAhead,
    /// Longer ago than the question asks about ("in the last 14 days", but
    /// three weeks ago): the date and the "yes" contradict each other.
    OutsideWindow,
}

/// Checks a date given for `rule` against today. A stored date that fails
/// this check counts as "date unknown" (invariant 2).
pub fn check_date(rule: DateRule, date: CivilDate, today: CivilDate) -> Result<(), DateProblem> {
    let ahead = today.days_until(date);
    match rule {
        DateRule::Since { .. } if ahead > 0 => Err(DateProblem::InFuture),
        DateRule::Since { .. } if date.year < today.year - 100 => Err(DateProblem::TooLongAgo),
        // "In the last 14 days" holds from today back to 13 days ago: 14
        // days ago, the wait already ended today.
        DateRule::Since { wait } if wait_ends(wait, date) <= today => {
            Err(DateProblem::OutsideWindow)
        }
        DateRule::Until {
            max_overdue_days, ..
        } if ahead < -max_overdue_days => Err(DateProblem::InPast),
        DateRule::Until { max_days, .. } if ahead > max_days => Err(DateProblem::TooFarAhead),
        _ => Ok(()),
    }
}

/// The first day after the wait that follows an event on `date`.
pub fn wait_ends(wait: Wait, date: CivilDate) -> CivilDate {
    match wait {
        Wait::Days(days) => date.add_days(i64::from(days)),
        Wait::Months(months) => date.add_months(months),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn date(text: &str) -> CivilDate {
        CivilDate::parse_iso(text).unwrap()
    }

    pub(crate) const TODAY: &str = "2026-11-23";

    pub(crate) fn today() -> CivilDate {
        date(TODAY)
    }

    #[test]
    fn date_checks() {
        let since = DateRule::Since {
            wait: Wait::Months(6),
        };
        let days = DateRule::Since {
            wait: Wait::Days(14),
        };
        let until = DateRule::Until {
            max_days: 300,
            max_overdue_days: 42,
        };
        let cases: &[(DateRule, &str, Result<(), DateProblem>)] = &[
            (since, "2026-11-23", Ok(())),
            (since, "2026-11-24", Err(DateProblem::InFuture)),
            (since, "2026-05-24", Ok(())),
            (since, "2026-05-23", Err(DateProblem::OutsideWindow)),
            (since, "1926-11-23", Err(DateProblem::OutsideWindow)),
            (since, "1925-01-01", Err(DateProblem::TooLongAgo)),
            (days, "2026-11-10", Ok(())),
            (days, "2026-11-09", Err(DateProblem::OutsideWindow)),
            (days, "2026-11-02", Err(DateProblem::OutsideWindow)),
            (until, "2026-11-23", Ok(())),
            (until, "2026-11-22", Ok(())),
            (until, "2026-10-12", Ok(())),
            (until, "2026-10-11", Err(DateProblem::InPast)),
            (until, "2027-09-19", Ok(())),
            (until, "2027-09-20", Err(DateProblem::TooFarAhead)),
        ];
        for (rule, given, expected) in cases {
            assert_eq!(
                check_date(*rule, date(given), today()),
                *expected,
                "{rule:?} {given}"
            );
        }
    }
}
