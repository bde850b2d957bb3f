//! The treatment plan: how many sessions, how far apart, and where the
//! person is in it.
//!
//! The clinic's plan (`clinic.json`, else [`DEFAULT_PLAN`]) applies to
//! sessions logged by hand. A session added from the clinic's link carries
//! the clinic's own word for it ([`LinkedPlan`]: "session 2, next in about
//! 35 days"), and that word wins: the phone then says what the printed card
//! says. Every screen that numbers sessions (the plan, the reminders, a
//! photo's "after session 2 of 3") asks this module.
//!
//! ```
//! use microcare::core::area::Area;
//! use microcare::core::plan::{progress, DEFAULT_PLAN};
//! use microcare::core::schema::{LinkedPlan, Session};
//! use microcare::core::time::FixedZone;
//! // 30 November 2026, 10:30 UTC: the clinic's link for session 2, the next
//! // in 35 days.
//! let end = 1_796_034_600_000;
//! let session = Session {
//!     id: "s1".into(),
//!     end,
//!     area: Area::Face.into(),
//!     note: String::new(),
//!     plan: Some(LinkedPlan { number: 2, interval_days: 35 }),
//! };
//! let p = progress(DEFAULT_PLAN, &[session], &FixedZone(0));
//! assert_eq!((p.done, p.planned), (2, 3));
//! assert_eq!(p.next.map(|d| d.to_iso()).as_deref(), Some("2027-01-04"));
//! ```

use crate::core::calendar::CivilDate;
use crate::core::order::in_order;
use crate::core::schema::{LinkedPlan, Session};
use crate::core::session_link::{MAX_INTERVAL_DAYS, MAX_SESSION, MIN_INTERVAL_DAYS};
use crate::core::time::{LocalDateTime, Zone};

/// A treatment plan: how many sessions, how far apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Plan {
    pub sessions: u32,
    pub interval_days: u32,
}

/// Typical plan (clinical reference): 3 to 4 sessions, about 4 weeks apart.
pub const DEFAULT_PLAN: Plan = Plan {
    sessions: 3,
    interval_days: 28,
};

/// A session's link data if it is within the link's own bounds; a stored
/// value edited by hand (session 0, an interval of a day) is ignored.
fn linked(session: &Session) -> Option<LinkedPlan> {
    session.plan.filter(|p| {
        (1..=MAX_SESSION).contains(&p.number)
            && (MIN_INTERVAL_DAYS..=MAX_INTERVAL_DAYS).contains(&p.interval_days)
    })
}

/// The logged sessions in the order they ended, each with its number in the
/// plan: 1 for the first, counting on from the number the clinic's link
/// gave a session.
pub fn numbered_sessions(sessions: &[Session]) -> Vec<(u32, &Session)> {
    let ordered = in_order(sessions.iter(), |a, b| {
        (a.end, a.id.as_str()) < (b.end, b.id.as_str())
    });
    let mut number = 0;
    ordered
        .into_iter()
        .map(|session| {
            number = linked(session).map_or(number + 1, |p| p.number);
            (number, session)
        })
        .collect()
}

/// Where the person is in the plan, without dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// The number of the latest session (0 before the first).
    pub done: u32,
    /// Sessions planned: the plan's, or more when more were had or the
    /// clinic planned another.
    pub planned: u32,
    /// Days from the latest session to the next, if one is planned.
    pub days_to_next: Option<u32>,
}

/// Where `sessions` put the person in `plan`.
pub fn position(plan: Plan, sessions: &[Session]) -> Position {
    let Some(&(done, latest)) = numbered_sessions(sessions).last() else {
        return Position {
            done: 0,
            planned: plan.sessions,
            days_to_next: None,
        };
    };
    let days_to_next = match linked(latest) {
        // The clinic planned the next one when it made the link.
        Some(link) => Some(link.interval_days),
        None => (done < plan.sessions).then_some(plan.interval_days),
    };
    Position {
        done,
        planned: plan.sessions.max(done + u32::from(days_to_next.is_some())),
        days_to_next,
    }
}

/// Where the person is in their plan, with the suggested day of the next
/// session in their calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub done: u32,
    pub planned: u32,
    /// The suggested date of the next session, while one is planned.
    pub next: Option<CivilDate>,
}

/// Progress through `plan` after `sessions`, the next session's day counted
/// from the latest session's local day in `zone`.
pub fn progress(plan: Plan, sessions: &[Session], zone: &impl Zone) -> Progress {
    let at = position(plan, sessions);
    let latest_day = sessions
        .iter()
        .map(|s| s.end)
        .max()
        .map(|end| LocalDateTime::at(end, zone).date);
    Progress {
        done: at.done,
        planned: at.planned,
        next: latest_day
            .zip(at.days_to_next)
            .map(|(day, days)| day.add_days(i64::from(days))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::area::Area;
    use crate::core::time::FixedZone;

    fn date(text: &str) -> CivilDate {
        CivilDate::parse_iso(text).unwrap()
    }

    /// A session ending at noon UTC on `day`, linked when `link` is given.
    fn session(id: &str, day: &str, link: Option<(u32, u32)>) -> Session {
        let end = LocalDateTime {
            date: date(day),
            hour: 12,
            minute: 0,
        }
        .to_moment(&FixedZone(0));
        Session {
            id: id.into(),
            end,
            area: Area::Face.into(),
            note: String::new(),
            plan: link.map(|(number, interval_days)| LinkedPlan {
                number,
                interval_days,
            }),
        }
    }

    fn at(plan: Plan, sessions: &[Session]) -> Progress {
        progress(plan, sessions, &FixedZone(0))
    }

    #[test]
    fn plan_progress_and_next_session() {
        assert_eq!(
            at(DEFAULT_PLAN, &[]),
            Progress {
                done: 0,
                planned: 3,
                next: None
            }
        );
        let one = [session("a", "2026-11-23", None)];
        assert_eq!(at(DEFAULT_PLAN, &one).next, Some(date("2026-12-21")));
        let two = [
            session("a", "2026-11-23", None),
            session("b", "2027-01-30", None),
        ];
        assert_eq!(at(DEFAULT_PLAN, &two).next, Some(date("2027-02-27")));
        let leap = [session("a", "2028-02-01", None)];
        assert_eq!(at(DEFAULT_PLAN, &leap).next, Some(date("2028-02-29")));
        let done = [
            session("a", "2026-01-01", None),
            session("b", "2026-02-01", None),
            session("c", "2026-03-01", None),
        ];
        assert_eq!(
            at(DEFAULT_PLAN, &done),
            Progress {
                done: 3,
                planned: 3,
                next: None
            }
        );
        let more: Vec<Session> = (0..4)
            .map(|i| session(&format!("s{i}"), "2026-01-01", None))
            .collect();
        assert_eq!(at(DEFAULT_PLAN, &more).planned, 4);
        let custom = Plan {
            sessions: 4,
            interval_days: 42,
        };
        assert_eq!(at(custom, &one).next, Some(date("2027-01-04")));
    }

    // Issue #21: a link for session 2 with 35 days to the next gave, after
    // Add, "Session 1 of about 3. Suggested next session: around 2
    // January" while the card said about 35 days (9 January).
    #[test]
    fn the_clinics_link_sets_the_session_number_and_the_interval() {
        let linked = [session("a", "2026-12-05", Some((2, 35)))];
        assert_eq!(
            at(DEFAULT_PLAN, &linked),
            Progress {
                done: 2,
                planned: 3,
                next: Some(date("2027-01-09"))
            }
        );
        // The last session of the plan, with another planned by the clinic.
        let last = [session("a", "2026-12-05", Some((3, 42)))];
        assert_eq!(
            at(DEFAULT_PLAN, &last),
            Progress {
                done: 3,
                planned: 4,
                next: Some(date("2027-01-16"))
            }
        );
        // A session logged by hand after a linked one counts on from it,
        // with the clinic's plan.
        let then_by_hand = [
            session("a", "2026-11-01", Some((2, 35))),
            session("b", "2026-12-05", None),
        ];
        assert_eq!(
            at(DEFAULT_PLAN, &then_by_hand),
            Progress {
                done: 3,
                planned: 3,
                next: None
            }
        );
        // Link data out of the link's bounds (edited by hand) is ignored.
        for bad in [(0, 35), (13, 35), (2, 1), (2, 500)] {
            let odd = [session("a", "2026-12-05", Some(bad))];
            assert_eq!(at(DEFAULT_PLAN, &odd).done, 1, "{bad:?}");
            assert_eq!(
                at(DEFAULT_PLAN, &odd).next,
                Some(date("2027-01-02")),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn sessions_are_numbered_in_the_order_they_ended() {
        // Logged out of order; the middle one came from the clinic's link.
        let sessions = [
            session("c", "2027-02-01", None),
            session("a", "2026-11-01", None),
            session("b", "2026-12-05", Some((3, 35))),
        ];
        let numbers: Vec<(u32, &str)> = numbered_sessions(&sessions)
            .into_iter()
            .map(|(n, s)| (n, s.id.as_str()))
            .collect();
        assert_eq!(numbers, [(1, "a"), (3, "b"), (4, "c")]);
    }
}
