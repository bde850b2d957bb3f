//! Aftercare: what to do and avoid after a session, and when.
//!
//! The protocol is data: steps with a start and an end, counted in hours
//! from the end of the session, following the aftercare table of the
//! clinical reference. Hours are real elapsed time ("no makeup for 24
//! hours" is 24 hours even across a daylight-saving change); the local
//! clock only matters for showing times and for "today".
//!
//! ```
//! use microcare::core::aftercare::{schedule, DEFAULT_PROTOCOL, Phase};
//! use microcare::core::time::HOUR;
//! let end_of_session = 0;
//! let now = 5 * HOUR;
//! let makeup = schedule(DEFAULT_PROTOCOL, end_of_session)
//!     .into_iter()
//!     .find(|s| s.step.id == "no_makeup")
//!     .unwrap();
//! assert_eq!(makeup.phase(now), Phase::Now);
//! assert_eq!(makeup.end.unwrap() - now, 19 * HOUR);
//! ```

use crate::core::calendar::CivilDate;
use crate::core::json::Json;
use crate::core::time::{LocalDateTime, Millis, Zone, DAY, HOUR};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Category {
    /// Something to avoid until the step ends.
    Avoid,
    /// Something to do while the step lasts (a daily checklist).
    Do,
    /// Something normal to expect.
    Expect,
    /// A sign to contact the clinic.
    Warning,
}

/// One step of the aftercare protocol.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    pub id: &'static str,
    pub category: Category,
    /// Hours after the end of the session when the step begins.
    pub start_hours: u32,
    /// Hours after the end of the session when it ends; `None`: for as
    /// long as the aftercare lasts.
    pub end_hours: Option<u32>,
    /// The calendar reminder at the step's end, if one matters.
    pub reminder: Option<&'static str>,
}

const fn step(id: &'static str, category: Category, start_hours: u32, end_hours: u32) -> Step {
    Step {
        id,
        category,
        start_hours,
        end_hours: Some(end_hours),
        reminder: None,
    }
}

/// The default protocol (clinical reference, aftercare table). A clinic may
/// lengthen steps and add its own, never shorten these.
pub const DEFAULT_PROTOCOL: &[Step] = &[
    step("redness", Category::Expect, 0, 72),
    step("hands_off", Category::Do, 0, 24),
    Step {
        reminder: Some("makeup_allowed"),
        ..step("no_makeup", Category::Avoid, 0, 24)
    },
    Step {
        reminder: Some("exercise_allowed"),
        ..step("no_exercise", Category::Avoid, 0, 24)
    },
    Step {
        reminder: Some("restart_serums"),
        ..step("no_actives", Category::Avoid, 0, 7 * 24)
    },
    step("gentle_routine", Category::Do, 24, 72),
    step("sunscreen", Category::Do, 0, 14 * 24),
    step("flaking", Category::Expect, 48, 7 * 24),
    step("no_picking", Category::Avoid, 48, 7 * 24),
    step("no_waxing", Category::Avoid, 0, 7 * 24),
    step("no_tanning", Category::Avoid, 0, 14 * 24),
    Step {
        id: "warning_signs",
        category: Category::Warning,
        start_hours: 0,
        end_hours: None,
        reminder: None,
    },
    Step {
        reminder: Some("check_skin"),
        ..step("settled_by_day_7", Category::Expect, 0, 7 * 24)
    },
];

/// Where a step stands at a moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Has not begun yet.
    Later,
    /// Applies now.
    Now,
    /// Has ended.
    Done,
}

/// A step placed in time after a particular session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scheduled {
    pub step: Step,
    pub start: Millis,
    pub end: Option<Millis>,
}

impl Scheduled {
    pub fn phase(&self, now: Millis) -> Phase {
        if now < self.start {
            Phase::Later
        } else if self.end.is_some_and(|end| now >= end) {
            Phase::Done
        } else {
            Phase::Now
        }
    }

    /// Whether the step applies at any moment of the local day `date`.
    pub fn applies_on(&self, date: CivilDate, zone: &impl Zone) -> bool {
        let day_start = LocalDateTime::start_of_day(date, zone);
        let day_end = LocalDateTime::start_of_day(date.add_days(1), zone);
        self.start < day_end && self.end.is_none_or(|end| end > day_start)
    }
}

/// Every step of `protocol` placed after a session that ended at `end`.
pub fn schedule(protocol: &[Step], end: Millis) -> Vec<Scheduled> {
    protocol
        .iter()
        .map(|step| Scheduled {
            step: *step,
            start: end + Millis::from(step.start_hours) * HOUR,
            end: step.end_hours.map(|h| end + Millis::from(h) * HOUR),
        })
        .collect()
}

/// Whether a session that ended at `end` is recent at `now`: some step of
/// `protocol` with an end still applies, so the person should land on
/// its Today view.
pub fn is_recent(protocol: &[Step], end: Millis, now: Millis) -> bool {
    let last_end = protocol.iter().filter_map(|s| s.end_hours).max();
    last_end.is_some_and(|hours| now >= end && now < end + Millis::from(hours) * HOUR)
}

/// How long until something, said plainly: "5 hours", "3 days".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Remaining {
    /// Less than an hour: minutes, at least 1.
    Minutes(i64),
    /// Less than two days: whole hours, rounded up.
    Hours(i64),
    /// Whole days, rounded up.
    Days(i64),
}

pub fn remaining(now: Millis, until: Millis) -> Remaining {
    let left = (until - now).max(0);
    if left < HOUR {
        Remaining::Minutes(((left + 59_999) / 60_000).max(1))
    } else if left < 2 * DAY {
        Remaining::Hours((left + HOUR - 1) / HOUR)
    } else {
        Remaining::Days((left + DAY - 1) / DAY)
    }
}

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

/// Where the person is in their plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub done: u32,
    pub planned: u32,
    /// The suggested date of the next session, while the plan is not done.
    pub next: Option<CivilDate>,
}

/// Progress given the local dates of the sessions had so far.
pub fn progress(plan: Plan, session_dates: &[CivilDate]) -> Progress {
    let done = session_dates.len() as u32;
    let next = session_dates
        .iter()
        .max()
        .filter(|_| done < plan.sessions)
        .map(|last| last.add_days(i64::from(plan.interval_days)));
    Progress {
        done,
        planned: plan.sessions.max(done),
        next,
    }
}

/// A calendar reminder: an event of its own, at a moment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reminder {
    /// What it reminds of: `makeup_allowed`, `book_next`, ...
    pub id: &'static str,
    pub at: Millis,
}

/// The id of the reminder to book the next session of the plan.
pub const BOOK_NEXT: &str = "book_next";

/// The reminders after a session that ended at `end`: one at the end of
/// each step that has one, and "book your next session" after the plan's
/// interval while sessions remain, at the same time of day.
pub fn reminders(protocol: &[Step], plan: Plan, end: Millis, sessions_done: u32) -> Vec<Reminder> {
    let mut list: Vec<Reminder> = schedule(protocol, end)
        .into_iter()
        .filter_map(|s| {
            Some(Reminder {
                id: s.step.reminder?,
                at: s.end?,
            })
        })
        .collect();
    if sessions_done < plan.sessions {
        list.push(Reminder {
            id: BOOK_NEXT,
            at: end + Millis::from(plan.interval_days) * DAY,
        });
    }
    list
}

/// The aftercare's words in one language: `public/locales/<code>.aftercare.json`.
#[derive(Clone, Debug, Default)]
pub struct CareText {
    pub lang: String,
    /// Step id, title and detail.
    pub steps: Vec<(String, String, String)>,
    /// Reminder id, calendar summary and description.
    pub reminders: Vec<(String, String, String)>,
    /// Area id and label.
    pub areas: Vec<(String, String)>,
}

impl CareText {
    pub fn parse(lang_code: &str, json: &str) -> Result<CareText, String> {
        let json = Json::parse(json)?;
        let lang = json.get("lang").and_then(Json::as_str).unwrap_or_default();
        if lang != lang_code {
            return Err(format!("the file is for \"{lang}\", not \"{lang_code}\""));
        }
        let pairs = |key: &str, a: &str, b: &str| -> Vec<(String, String, String)> {
            json.get(key)
                .and_then(Json::as_object)
                .unwrap_or_default()
                .iter()
                .map(|(id, v)| {
                    let text = |k: &str| {
                        v.get(k)
                            .and_then(Json::as_str)
                            .unwrap_or_default()
                            .to_string()
                    };
                    (id.clone(), text(a), text(b))
                })
                .collect()
        };
        let areas = json
            .get("areas")
            .and_then(Json::as_object)
            .unwrap_or_default()
            .iter()
            .map(|(id, v)| (id.clone(), v.as_str().unwrap_or_default().to_string()))
            .collect();
        Ok(CareText {
            lang: lang.to_string(),
            steps: pairs("steps", "title", "detail"),
            reminders: pairs("reminders", "summary", "description"),
            areas,
        })
    }

    /// Title and detail of step `id` (empty if missing).
    pub fn step(&self, id: &str) -> (&str, &str) {
        find3(&self.steps, id)
    }

    /// Calendar summary and description of reminder `id`.
    pub fn reminder(&self, id: &str) -> (&str, &str) {
        find3(&self.reminders, id)
    }

    pub fn area(&self, id: &str) -> &str {
        self.areas
            .iter()
            .find(|(a, _)| a == id)
            .map_or("", |(_, label)| label)
    }

    /// Every text the protocol needs that this file lacks.
    pub fn missing(&self, protocol: &[Step]) -> Vec<String> {
        let mut missing = Vec::new();
        for step in protocol {
            let (title, detail) = self.step(step.id);
            if title.trim().is_empty() || detail.trim().is_empty() {
                missing.push(format!("steps.{}", step.id));
            }
            if let Some(reminder) = step.reminder {
                let (summary, description) = self.reminder(reminder);
                if summary.trim().is_empty() || description.trim().is_empty() {
                    missing.push(format!("reminders.{reminder}"));
                }
            }
        }
        let (summary, description) = self.reminder(BOOK_NEXT);
        if summary.trim().is_empty() || description.trim().is_empty() {
            missing.push("reminders.book_next".into());
        }
        for area in AREAS {
            if self.area(area).trim().is_empty() {
                missing.push(format!("areas.{area}"));
            }
        }
        missing
    }
}

/// The areas a session can treat (the same as the self-check's).
pub const AREAS: &[&str] = &["face", "neck", "body"];

fn find3<'a>(list: &'a [(String, String, String)], id: &str) -> (&'a str, &'a str) {
    list.iter()
        .find(|(i, _, _)| i == id)
        .map_or(("", ""), |(_, a, b)| (a.as_str(), b.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::time::test_zones::{Lisbon, Sydney};
    use crate::core::time::FixedZone;

    fn local(text: &str) -> LocalDateTime {
        LocalDateTime::parse(text).unwrap()
    }

    fn date(text: &str) -> CivilDate {
        CivilDate::parse_iso(text).unwrap()
    }

    fn find(list: &[Scheduled], id: &str) -> Scheduled {
        *list.iter().find(|s| s.step.id == id).unwrap()
    }

    #[test]
    fn a_session_is_recent_until_its_longest_step_ends() {
        let end = local("2026-11-23T10:00").to_moment(&FixedZone(0));
        for (now, recent) in [
            ("2026-11-23T09:59", false),
            ("2026-11-23T10:00", true),
            ("2026-11-30T10:00", true),
            ("2026-12-07T09:59", true),
            ("2026-12-07T10:00", false),
            ("2027-01-01T00:00", false),
        ] {
            let now = local(now).to_moment(&FixedZone(0));
            assert_eq!(is_recent(DEFAULT_PROTOCOL, end, now), recent, "{now}");
        }
    }

    #[test]
    fn the_default_protocol_follows_the_clinical_table() {
        let table: &[(&str, Category, u32, Option<u32>)] = &[
            ("no_makeup", Category::Avoid, 0, Some(24)),
            ("no_exercise", Category::Avoid, 0, Some(24)),
            ("no_actives", Category::Avoid, 0, Some(168)),
            ("gentle_routine", Category::Do, 24, Some(72)),
            ("flaking", Category::Expect, 48, Some(168)),
            ("no_tanning", Category::Avoid, 0, Some(336)),
            ("sunscreen", Category::Do, 0, Some(336)),
            ("warning_signs", Category::Warning, 0, None),
        ];
        for (id, category, start, end) in table {
            let step = DEFAULT_PROTOCOL.iter().find(|s| s.id == *id).unwrap();
            assert_eq!(
                (step.category, step.start_hours, step.end_hours),
                (*category, *start, *end),
                "{id}"
            );
        }
    }

    #[test]
    fn phases_before_during_and_after_a_step() {
        let end = local("2026-11-23T14:00").to_moment(&FixedZone(-180));
        let makeup = find(&schedule(DEFAULT_PROTOCOL, end), "no_makeup");
        assert_eq!(makeup.phase(end - 1), Phase::Later);
        assert_eq!(makeup.phase(end), Phase::Now);
        assert_eq!(makeup.phase(end + 24 * HOUR - 1), Phase::Now);
        assert_eq!(makeup.phase(end + 24 * HOUR), Phase::Done);
        let flaking = find(&schedule(DEFAULT_PROTOCOL, end), "flaking");
        assert_eq!(flaking.phase(end + 47 * HOUR), Phase::Later);
        assert_eq!(flaking.phase(end + 48 * HOUR), Phase::Now);
        let warnings = find(&schedule(DEFAULT_PROTOCOL, end), "warning_signs");
        assert_eq!(warnings.phase(end + 365 * DAY), Phase::Now);
    }

    #[test]
    fn twenty_four_hours_across_a_daylight_saving_change_in_both_hemispheres() {
        // Lisbon, clocks back on 25 October 2026: 24 hours after 20:00 is 19:00.
        let end = local("2026-10-24T20:00").to_moment(&Lisbon);
        let makeup = find(&schedule(DEFAULT_PROTOCOL, end), "no_makeup");
        assert_eq!(
            LocalDateTime::at(makeup.end.unwrap(), &Lisbon).to_string(),
            "2026-10-25T19:00"
        );
        // Sydney, clocks forward on 4 October 2026: 24 hours after 20:00 is 21:00.
        let end = local("2026-10-03T20:00").to_moment(&Sydney);
        let makeup = find(&schedule(DEFAULT_PROTOCOL, end), "no_makeup");
        assert_eq!(
            LocalDateTime::at(makeup.end.unwrap(), &Sydney).to_string(),
            "2026-10-04T21:00"
        );
        // Sydney, clocks back on 5 April 2026.
        let end = local("2026-04-04T09:30").to_moment(&Sydney);
        let exercise = find(&schedule(DEFAULT_PROTOCOL, end), "no_exercise");
        assert_eq!(
            LocalDateTime::at(exercise.end.unwrap(), &Sydney).to_string(),
            "2026-04-05T08:30"
        );
    }

    #[test]
    fn today_means_the_local_day_at_month_and_year_ends() {
        let zone = FixedZone(-180);
        let end = local("2026-12-31T22:00").to_moment(&zone);
        let list = schedule(DEFAULT_PROTOCOL, end);
        let hands_off = find(&list, "hands_off");
        assert!(hands_off.applies_on(date("2026-12-31"), &zone));
        assert!(hands_off.applies_on(date("2027-01-01"), &zone));
        assert!(!hands_off.applies_on(date("2027-01-02"), &zone));
        let routine = find(&list, "gentle_routine");
        assert!(!routine.applies_on(date("2026-12-31"), &zone));
        assert!(routine.applies_on(date("2027-01-03"), &zone));
        assert!(!routine.applies_on(date("2027-01-04"), &zone));
    }

    #[test]
    fn remaining_time_in_plain_units() {
        let cases = [
            (0, Remaining::Minutes(1)),
            (30_000, Remaining::Minutes(1)),
            (59 * 60_000, Remaining::Minutes(59)),
            (HOUR, Remaining::Hours(1)),
            (5 * HOUR - 1, Remaining::Hours(5)),
            (47 * HOUR, Remaining::Hours(47)),
            (2 * DAY, Remaining::Days(2)),
            (2 * DAY + 1, Remaining::Days(3)),
        ];
        for (left, expected) in cases {
            assert_eq!(remaining(1_000, 1_000 + left), expected, "{left}");
        }
        assert_eq!(remaining(10, 5), Remaining::Minutes(1));
    }

    #[test]
    fn plan_progress_and_next_session() {
        assert_eq!(
            progress(DEFAULT_PLAN, &[]),
            Progress {
                done: 0,
                planned: 3,
                next: None
            }
        );
        let one = [date("2026-11-23")];
        assert_eq!(progress(DEFAULT_PLAN, &one).next, Some(date("2026-12-21")));
        let two = [date("2026-11-23"), date("2027-01-30")];
        assert_eq!(progress(DEFAULT_PLAN, &two).next, Some(date("2027-02-27")));
        let leap = [date("2028-02-01")];
        assert_eq!(progress(DEFAULT_PLAN, &leap).next, Some(date("2028-02-29")));
        let done = [date("2026-01-01"), date("2026-02-01"), date("2026-03-01")];
        assert_eq!(
            progress(DEFAULT_PLAN, &done),
            Progress {
                done: 3,
                planned: 3,
                next: None
            }
        );
        let more = [date("2026-01-01"); 4];
        assert_eq!(progress(DEFAULT_PLAN, &more).planned, 4);
        let custom = Plan {
            sessions: 4,
            interval_days: 42,
        };
        assert_eq!(progress(custom, &one).next, Some(date("2027-01-04")));
    }

    #[test]
    fn reminders_after_a_session() {
        let end = local("2026-11-23T14:00").to_moment(&FixedZone(0));
        let list = reminders(DEFAULT_PROTOCOL, DEFAULT_PLAN, end, 1);
        let at = |id: &str| {
            let r = list
                .iter()
                .find(|r| r.id == id)
                .unwrap_or_else(|| panic!("no {id}"));
            LocalDateTime::at(r.at, &FixedZone(0)).to_string()
        };
        assert_eq!(at("makeup_allowed"), "2026-11-24T14:00");
        assert_eq!(at("exercise_allowed"), "2026-11-24T14:00");
        assert_eq!(at("restart_serums"), "2026-11-30T14:00");
        assert_eq!(at("check_skin"), "2026-11-30T14:00");
        assert_eq!(at("book_next"), "2026-12-21T14:00");
        let last = reminders(DEFAULT_PROTOCOL, DEFAULT_PLAN, end, 3);
        assert!(
            last.iter().all(|r| r.id != "book_next"),
            "no next session after the last"
        );
    }

    #[test]
    fn every_step_and_reminder_has_its_words_in_every_language() {
        let sources = [
            ("en", include_str!("../../public/locales/en.aftercare.json")),
            (
                "pt-BR",
                include_str!("../../public/locales/pt-BR.aftercare.json"),
            ),
            ("es", include_str!("../../public/locales/es.aftercare.json")),
        ];
        let en = CareText::parse("en", sources[0].1).unwrap();
        for (code, json) in sources {
            let text = CareText::parse(code, json).unwrap_or_else(|e| panic!("{code}: {e}"));
            assert_eq!(
                text.missing(DEFAULT_PROTOCOL),
                Vec::<String>::new(),
                "{code}"
            );
            assert!(!json.contains('<'), "{code}: markup");
            if code != "en" {
                for step in DEFAULT_PROTOCOL {
                    assert_ne!(
                        text.step(step.id),
                        en.step(step.id),
                        "{code}: {} untranslated",
                        step.id
                    );
                }
            }
        }
    }
}
