//! Aftercare: what to do and avoid after a session, and when.
//!
//! The protocol is data: steps with a start and an end, counted in hours
//! from the end of the session, following the aftercare table of the
//! clinical reference. Hours are real elapsed time ("no makeup for 24
//! hours" is 24 hours even across a daylight-saving change); the local
//! clock only matters for showing times, for "today", and for the reminder
//! of the next session, which keeps its time of day weeks later.
//!
//! Each step also says, in a form a test can read, which kinds of product
//! it concerns and whether it forbids them, asks for them, or allows only
//! the clinic's product ([`ProductClass`], [`Advice`]). Two steps that
//! apply at the same moment never give different advice on the same kind
//! of product; [`schedule`] keeps that true when a clinic makes steps
//! longer.
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

use crate::core::area::{Area, StoredArea};
use crate::core::time::{days_later, Millis, Zone, DAY, HOUR};
use serde::Deserialize;
use std::collections::BTreeMap;

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

/// A kind of product a person might put on treated skin.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProductClass {
    Moisturiser,
    Cleanser,
    Sunscreen,
    Makeup,
    /// Retinol, vitamin C, acids: over-the-counter actives.
    Actives,
    /// Retinoid creams on prescription (such as tretinoin).
    PrescriptionRetinoid,
    /// Wax and hair-removal creams.
    HairRemoval,
}

impl ProductClass {
    pub const ALL: [ProductClass; 7] = [
        ProductClass::Moisturiser,
        ProductClass::Cleanser,
        ProductClass::Sunscreen,
        ProductClass::Makeup,
        ProductClass::Actives,
        ProductClass::PrescriptionRetinoid,
        ProductClass::HairRemoval,
    ];
}

/// What a step says about a kind of product.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Advice {
    /// Do not use it.
    Avoid,
    /// Use it (every day while the step lasts).
    Use,
    /// Only the product the clinic gave, or a gentle fragrance-free
    /// moisturiser.
    OnlyClinicProduct,
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
    /// What the step says about each kind of product it concerns.
    pub products: &'static [(ProductClass, Advice)],
}

const fn step(id: &'static str, category: Category, start_hours: u32, end_hours: u32) -> Step {
    Step {
        id,
        category,
        start_hours,
        end_hours: Some(end_hours),
        reminder: None,
        products: &[],
    }
}

use Advice::{Avoid, OnlyClinicProduct, Use};
use ProductClass::{
    Actives, Cleanser, HairRemoval, Makeup, Moisturiser, PrescriptionRetinoid, Sunscreen,
};

/// The first 24 hours: only the clinic's product or a gentle fragrance-free
/// moisturiser, so no other product of any kind.
const ONLY_THE_CLINICS_PRODUCT: &[(ProductClass, Advice)] = &[
    (Moisturiser, OnlyClinicProduct),
    (Cleanser, Avoid),
    (Sunscreen, Avoid),
    (Makeup, Avoid),
    (Actives, Avoid),
    (PrescriptionRetinoid, Avoid),
    (HairRemoval, Avoid),
];

/// The default protocol (clinical reference, aftercare table). A clinic may
/// lengthen steps and add its own, never shorten these.
pub const DEFAULT_PROTOCOL: &[Step] = &[
    // Expected for 0-24 h; slight redness or dryness for 2-3 days (seed 002).
    step("redness", Category::Expect, 0, 72),
    // 0-24 h: do not touch; only the clinic's product or a gentle
    // fragrance-free moisturiser (reference). No sun: see `no_tanning`.
    Step {
        products: ONLY_THE_CLINICS_PRODUCT,
        ..step("hands_off", Category::Do, 0, 24)
    },
    // 24 h (seed 001; seed 002 says 12 h: the conservative one).
    Step {
        reminder: Some("makeup_allowed"),
        products: &[(Makeup, Avoid)],
        ..step("no_makeup", Category::Avoid, 0, 24)
    },
    // No physical activity for 24 h (seed 002).
    Step {
        reminder: Some("exercise_allowed"),
        ..step("no_exercise", Category::Avoid, 0, 24)
    },
    // At least 12 h (seed 002); common practice: restart at day 5-7 when
    // calm. The later day.
    Step {
        reminder: Some("restart_serums"),
        products: &[(Actives, Avoid)],
        ..step("no_actives", Category::Avoid, 0, 7 * 24)
    },
    // Prescription retinoids: day 7-10 (reference), as the prescriber
    // says. The later day.
    Step {
        reminder: Some("restart_retinoids"),
        products: &[(PrescriptionRetinoid, Avoid)],
        ..step("no_retinoids", Category::Avoid, 0, 10 * 24)
    },
    // Days 1-3: gentle cleanser and moisturiser (seed 002).
    Step {
        products: &[(Cleanser, Use), (Moisturiser, Use)],
        ..step("gentle_routine", Category::Do, 24, 72)
    },
    // Days 1-3 mineral SPF 30+ daily, weeks 1-2 sunscreen every day (seeds
    // 001, 002): from when the first 24 hours allow products.
    Step {
        products: &[(Sunscreen, Use)],
        ..step("sunscreen", Category::Do, 24, 14 * 24)
    },
    // Days 3-7 (reference).
    step("flaking", Category::Expect, 48, 7 * 24),
    step("no_picking", Category::Avoid, 48, 7 * 24),
    Step {
        products: &[(HairRemoval, Avoid)],
        ..step("no_waxing", Category::Avoid, 0, 7 * 24)
    },
    // Weeks 1-2: strict sun protection, no tanning or sunbeds (seeds 001,
    // 002); from the first hour, as keeping out of the sun needs no product.
    step("no_tanning", Category::Avoid, 0, 14 * 24),
    // Any time (reference; Chu 2021).
    Step {
        id: "warning_signs",
        category: Category::Warning,
        start_hours: 0,
        end_hours: None,
        reminder: None,
        products: &[],
    },
    // Day 2 (48 h): a check-in for the warning signs; infection, when it
    // happens, usually shows in the first days, so a reminder then helps
    // more than one at day 7 alone (reference, aftercare table).
    Step {
        reminder: Some("day_2_check"),
        ..step("day_2_check", Category::Do, 24, 48)
    },
    // Expected effects settle within 7 days (Chu 2021).
    Step {
        reminder: Some("check_skin"),
        ..step("settled_by_day_7", Category::Expect, 0, 7 * 24)
    },
];

/// When no step other than `skip` restricts `class` any more: the latest
/// end among the steps that avoid it or allow only the clinic's product.
fn restricted_until(steps: &[Step], class: ProductClass, skip: usize) -> Option<u32> {
    steps
        .iter()
        .enumerate()
        .filter(|(i, s)| *i != skip && s.products.iter().any(|&(c, a)| c == class && a != Use))
        .filter_map(|(_, s)| s.end_hours)
        .max()
}

/// `protocol` made consistent after a clinic lengthened some steps: a step
/// with a reminder ("makeup allowed again") lasts until no other step still
/// restricts what it allows again, and a step that asks for a product
/// (sunscreen, moisturiser) starts once no step restricts that product,
/// keeping its length. The default protocol is already consistent.
pub fn settle(protocol: &[Step]) -> Vec<Step> {
    let mut steps = protocol.to_vec();
    // Ends only grow, up to the longest end: this stops.
    let mut changed = true;
    while changed {
        changed = false;
        for i in 0..steps.len() {
            let step = steps[i];
            let (Some(end), Some(_)) = (step.end_hours, step.reminder) else {
                continue;
            };
            let until = step
                .products
                .iter()
                .filter(|(_, a)| *a != Use)
                .filter_map(|&(c, _)| restricted_until(&steps, c, i))
                .max();
            if let Some(until) = until.filter(|&u| u > end) {
                steps[i].end_hours = Some(until);
                changed = true;
            }
        }
    }
    for i in 0..steps.len() {
        let step = steps[i];
        let until = step
            .products
            .iter()
            .filter(|(_, a)| *a == Use)
            .filter_map(|&(c, _)| restricted_until(&steps, c, i))
            .max();
        if let Some(until) = until.filter(|&u| u > step.start_hours) {
            let shift = until - step.start_hours;
            steps[i].start_hours = until;
            steps[i].end_hours = step.end_hours.map(|end| end + shift);
        }
    }
    steps
}

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
}

/// Every step of `protocol` placed after a session that ended at `end`,
/// made consistent first (see [`settle`]).
pub fn schedule(protocol: &[Step], end: Millis) -> Vec<Scheduled> {
    settle(protocol)
        .into_iter()
        .map(|step| Scheduled {
            step,
            start: end + Millis::from(step.start_hours) * HOUR,
            end: step.end_hours.map(|h| end + Millis::from(h) * HOUR),
        })
        .collect()
}

/// Today's checklist at `now`: the steps to do that apply at this moment,
/// so that "only your clinic's product" and "sunscreen" never show together.
pub fn checklist(steps: &[Scheduled], now: Millis) -> Vec<Scheduled> {
    steps
        .iter()
        .filter(|s| s.step.category == Category::Do && s.phase(now) == Phase::Now)
        .copied()
        .collect()
}

/// Whether a session that ended at `end` is recent at `now`: some step of
/// `protocol` with an end still applies, so the person should land on
/// its Today view.
pub fn is_recent(protocol: &[Step], end: Millis, now: Millis) -> bool {
    let last_end = settle(protocol).iter().filter_map(|s| s.end_hours).max();
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
/// each step that has one (real elapsed time: 24 hours is 24 hours), and
/// "book your next session" `days_to_next` days later when a next session
/// is planned (`plan::position`), at the same local time of day in `zone`,
/// even across a daylight-saving change.
pub fn reminders(
    protocol: &[Step],
    end: Millis,
    days_to_next: Option<u32>,
    zone: &impl Zone,
) -> Vec<Reminder> {
    let mut list: Vec<Reminder> = schedule(protocol, end)
        .into_iter()
        .filter_map(|s| {
            Some(Reminder {
                id: s.step.reminder?,
                at: s.end?,
            })
        })
        .collect();
    if let Some(days) = days_to_next {
        list.push(Reminder {
            id: BOOK_NEXT,
            at: days_later(end, i64::from(days), zone),
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

/// `public/locales/<code>.aftercare.json` as written. Its `ui` object (the
/// screens' strings) is read by `core::i18n`, not here.
#[derive(Deserialize)]
struct CareFile {
    lang: String,
    #[serde(default)]
    steps: BTreeMap<String, StepWords>,
    #[serde(default)]
    reminders: BTreeMap<String, ReminderWords>,
    #[serde(default)]
    areas: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StepWords {
    title: String,
    detail: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReminderWords {
    summary: String,
    description: String,
}

impl CareText {
    pub fn parse(lang_code: &str, json: &str) -> Result<CareText, String> {
        let file: CareFile = serde_json::from_str(json).map_err(|e| e.to_string())?;
        if file.lang != lang_code {
            return Err(format!(
                "the file is for \"{}\", not \"{lang_code}\"",
                file.lang
            ));
        }
        Ok(CareText {
            lang: file.lang,
            steps: file
                .steps
                .into_iter()
                .map(|(id, w)| (id, w.title, w.detail))
                .collect(),
            reminders: file
                .reminders
                .into_iter()
                .map(|(id, w)| (id, w.summary, w.description))
                .collect(),
            areas: file.areas.into_iter().collect(),
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

    /// The name of `area` in this language.
    pub fn area(&self, area: Area) -> &str {
        self.areas
            .iter()
            .find(|(a, _)| a == area.id())
            .map_or("", |(_, label)| label)
    }

    /// The name of a session's area; an area this version does not know is
    /// shown as its id, as written.
    pub fn stored_area<'a>(&'a self, area: &'a StoredArea) -> &'a str {
        area.area().map_or(area.id(), |known| self.area(known))
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
        for area in Area::ALL {
            if self.area(area).trim().is_empty() {
                missing.push(format!("areas.{area}"));
            }
        }
        missing
    }
}

fn find3<'a>(list: &'a [(String, String, String)], id: &str) -> (&'a str, &'a str) {
    list.iter()
        .find(|(i, _, _)| i == id)
        .map_or(("", ""), |(_, a, b)| (a.as_str(), b.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::time::test_zones::{Lisbon, Sydney};
    use crate::core::time::{FixedZone, LocalDateTime};

    fn local(text: &str) -> LocalDateTime {
        LocalDateTime::parse(text).unwrap()
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
        type Row = (
            &'static str,
            Category,
            u32,
            Option<u32>,
            &'static [(ProductClass, Advice)],
        );
        let table: &[Row] = &[
            // 0-24 h: only the clinic's product or a gentle moisturiser.
            (
                "hands_off",
                Category::Do,
                0,
                Some(24),
                ONLY_THE_CLINICS_PRODUCT,
            ),
            (
                "no_makeup",
                Category::Avoid,
                0,
                Some(24),
                &[(Makeup, Avoid)],
            ),
            ("no_exercise", Category::Avoid, 0, Some(24), &[]),
            // Retinol, vitamin C, acids: back at day 5-7, the later day.
            (
                "no_actives",
                Category::Avoid,
                0,
                Some(168),
                &[(Actives, Avoid)],
            ),
            // Prescription retinoids: day 7-10, the later day.
            (
                "no_retinoids",
                Category::Avoid,
                0,
                Some(240),
                &[(PrescriptionRetinoid, Avoid)],
            ),
            // Days 1-3.
            (
                "gentle_routine",
                Category::Do,
                24,
                Some(72),
                &[(Cleanser, Use), (Moisturiser, Use)],
            ),
            // From day 1 to the end of week 2, once products are allowed.
            (
                "sunscreen",
                Category::Do,
                24,
                Some(336),
                &[(Sunscreen, Use)],
            ),
            ("flaking", Category::Expect, 48, Some(168), &[]),
            (
                "no_waxing",
                Category::Avoid,
                0,
                Some(168),
                &[(HairRemoval, Avoid)],
            ),
            // Keeping out of the sun needs no product: from the first hour.
            ("no_tanning", Category::Avoid, 0, Some(336), &[]),
            ("warning_signs", Category::Warning, 0, None, &[]),
            // Day 2: the check-in, its reminder at 48 h.
            ("day_2_check", Category::Do, 24, Some(48), &[]),
            ("settled_by_day_7", Category::Expect, 0, Some(168), &[]),
        ];
        for (id, category, start, end, products) in table {
            let step = DEFAULT_PROTOCOL.iter().find(|s| s.id == *id).unwrap();
            assert_eq!(
                (
                    step.category,
                    step.start_hours,
                    step.end_hours,
                    step.products
                ),
                (*category, *start, *end, *products),
                "{id}"
            );
        }
    }

    #[test]
    fn the_first_day_allows_only_the_clinics_product_of_every_kind() {
        let hands_off = DEFAULT_PROTOCOL
            .iter()
            .find(|s| s.id == "hands_off")
            .unwrap();
        for class in ProductClass::ALL {
            let advice = hands_off.products.iter().find(|(c, _)| *c == class);
            let expected = if class == Moisturiser {
                OnlyClinicProduct
            } else {
                Avoid
            };
            assert_eq!(advice.map(|(_, a)| *a), Some(expected), "{class:?}");
        }
        // A step that restricts a product ends, so the product comes back.
        for step in DEFAULT_PROTOCOL {
            assert!(
                step.products.is_empty() || step.end_hours.is_some(),
                "{}",
                step.id
            );
        }
    }

    /// Every pair of steps that apply at the same hour and give different
    /// advice on the same kind of product, for every hour of `protocol`.
    fn contradictions(protocol: &[Step]) -> Vec<String> {
        let last = protocol
            .iter()
            .filter_map(|s| s.end_hours)
            .max()
            .unwrap_or(0);
        let mut found = Vec::new();
        for hour in 0..=last {
            let active: Vec<&Step> = protocol
                .iter()
                .filter(|s| s.start_hours <= hour && s.end_hours.is_none_or(|end| hour < end))
                .collect();
            for (i, a) in active.iter().enumerate() {
                for b in &active[i + 1..] {
                    for &(class, advice) in a.products {
                        for &(other_class, other) in b.products {
                            if class == other_class && advice != other {
                                found.push(format!(
                                    "hour {hour}: {} says {advice:?}, {} says {other:?} on {class:?}",
                                    a.id, b.id
                                ));
                            }
                        }
                    }
                }
            }
        }
        found
    }

    /// The protocol the app follows for a clinic with this `clinic.json`.
    fn clinic_protocol(json: &str) -> Vec<Step> {
        let (clinic, problems) = crate::core::clinic::Clinic::parse(json);
        assert_eq!(problems, vec![], "{json}");
        schedule(&clinic.protocol(), 0)
            .into_iter()
            .map(|s| s.step)
            .collect()
    }

    /// Clinics that make steps longer, among them the first day's.
    fn longer_clinics() -> Vec<String> {
        let every_step: Vec<String> = DEFAULT_PROTOCOL
            .iter()
            .filter(|s| s.end_hours.is_some())
            .map(|s| format!("\"{}\": {}", s.id, crate::core::clinic::MAX_HOURS))
            .collect();
        [
            "{}".to_string(),
            r#"{"aftercare": {"longer": {"hands_off": 48}}}"#.into(),
            r#"{"aftercare": {"longer": {"hands_off": 200}}}"#.into(),
            r#"{"aftercare": {"longer": {"hands_off": 2000, "no_makeup": 30}}}"#.into(),
            r#"{"aftercare": {"longer": {"no_makeup": 48, "sunscreen": 720, "no_actives": 300}}}"#
                .into(),
            format!(
                r#"{{"aftercare": {{"longer": {{{}}}}}}}"#,
                every_step.join(", ")
            ),
            include_str!("../../docs/clinic.example.json").into(),
        ]
        .into()
    }

    #[test]
    fn no_two_steps_give_contradicting_advice_at_any_hour() {
        assert_eq!(contradictions(DEFAULT_PROTOCOL), Vec::<String>::new());
        // The default needs no settling: its data agree as written.
        assert_eq!(settle(DEFAULT_PROTOCOL), DEFAULT_PROTOCOL.to_vec());
        for json in longer_clinics() {
            assert_eq!(
                contradictions(&clinic_protocol(&json)),
                Vec::<String>::new(),
                "{json}"
            );
        }
    }

    #[test]
    fn the_contradiction_check_catches_sunscreen_during_the_first_day() {
        // The protocol as it was: sunscreen from hour 0, while the first day
        // allows only the clinic's product.
        let mut old = DEFAULT_PROTOCOL.to_vec();
        for step in &mut old {
            if step.id == "sunscreen" {
                step.start_hours = 0;
            }
        }
        let found = contradictions(&old);
        assert_eq!(found.len(), 24, "{found:?}");
        assert_eq!(
            found[0],
            "hour 0: hands_off says Avoid, sunscreen says Use on Sunscreen"
        );
        // A clinic's longer first day without settling would clash too.
        let (clinic, _) =
            crate::core::clinic::Clinic::parse(r#"{"aftercare": {"longer": {"hands_off": 48}}}"#);
        assert!(!contradictions(&clinic.protocol()).is_empty());
    }

    #[test]
    fn a_longer_first_day_moves_what_it_forbids_later() {
        let protocol = clinic_protocol(r#"{"aftercare": {"longer": {"hands_off": 48}}}"#);
        let hours = |id: &str| {
            let s = protocol.iter().find(|s| s.id == id).unwrap();
            (s.start_hours, s.end_hours)
        };
        assert_eq!(hours("hands_off"), (0, Some(48)));
        // Sunscreen and the gentle routine start when products are allowed,
        // for as long as by default.
        assert_eq!(hours("sunscreen"), (48, Some(360)));
        assert_eq!(hours("gentle_routine"), (48, Some(96)));
        // "Makeup allowed again" waits for the first day to end.
        assert_eq!(hours("no_makeup"), (0, Some(48)));
        // Steps that last longer already keep their hours.
        assert_eq!(hours("no_actives"), (0, Some(168)));
        assert_eq!(hours("no_retinoids"), (0, Some(240)));
        assert_eq!(hours("no_tanning"), (0, Some(336)));
        assert_eq!(hours("no_exercise"), (0, Some(24)));
    }

    #[test]
    fn a_product_is_said_to_be_allowed_again_only_when_no_step_forbids_it() {
        for json in longer_clinics() {
            let protocol = clinic_protocol(&json);
            for step in protocol.iter().filter(|s| s.reminder.is_some()) {
                let Some(at) = step.end_hours else { continue };
                for &(class, _) in step.products {
                    let still = protocol.iter().find(|s| {
                        s.start_hours <= at
                            && s.end_hours.is_none_or(|end| at < end)
                            && s.products.iter().any(|&(c, a)| c == class && a != Use)
                    });
                    assert_eq!(still.map(|s| s.id), None, "{}: {json}", step.id);
                }
            }
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
    fn the_checklist_shows_what_applies_at_this_moment() {
        let end = local("2026-12-31T22:00").to_moment(&FixedZone(-180));
        let list = schedule(DEFAULT_PROTOCOL, end);
        let cases: &[(Millis, &[&str])] = &[
            (0, &["hands_off"]),
            (24 * HOUR - 1, &["hands_off"]),
            // The first day is over: products are allowed, sunscreen starts.
            // Day 2 adds its check-in.
            (24 * HOUR, &["gentle_routine", "sunscreen", "day_2_check"]),
            (
                48 * HOUR - 1,
                &["gentle_routine", "sunscreen", "day_2_check"],
            ),
            (48 * HOUR, &["gentle_routine", "sunscreen"]),
            (72 * HOUR - 1, &["gentle_routine", "sunscreen"]),
            (72 * HOUR, &["sunscreen"]),
            (336 * HOUR - 1, &["sunscreen"]),
            (336 * HOUR, &[]),
        ];
        for (after, expected) in cases {
            let ids: Vec<&str> = checklist(&list, end + after)
                .iter()
                .map(|s| s.step.id)
                .collect();
            assert_eq!(&ids, expected, "{} hours", after / HOUR);
        }
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
    fn reminders_after_a_session() {
        let end = local("2026-11-23T14:00").to_moment(&FixedZone(0));
        let list = reminders(DEFAULT_PROTOCOL, end, Some(28), &FixedZone(0));
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
        // Issue #21: the day-2 check-in, when infection usually shows.
        assert_eq!(at("day_2_check"), "2026-11-25T14:00");
        assert_eq!(at("check_skin"), "2026-11-30T14:00");
        // Prescription retinoids: day 10, three days after the serums.
        assert_eq!(at("restart_retinoids"), "2026-12-03T14:00");
        assert_eq!(at("book_next"), "2026-12-21T14:00");
        assert_eq!(list.len(), 7);
        let last = reminders(DEFAULT_PROTOCOL, end, None, &FixedZone(0));
        assert!(
            last.iter().all(|r| r.id != "book_next"),
            "no next session after the last"
        );
    }

    /// The reminders after a session that ended at local `end` in `zone`,
    /// each as the local time it fires.
    fn local_reminders(zone: &impl Zone, end: &str, days: u32) -> Vec<(&'static str, String)> {
        let end = local(end).to_moment(zone);
        reminders(DEFAULT_PROTOCOL, end, Some(days), zone)
            .into_iter()
            .map(|r| (r.id, LocalDateTime::at(r.at, zone).to_string()))
            .collect()
    }

    #[test]
    fn the_next_session_keeps_its_time_of_day_across_a_clock_change() {
        let four_weeks = 28;
        let five_weeks = 35;
        // (zone, session end, days to the next, next-session reminder, 24
        // hours later)
        let lisbon: &[(&str, u32, &str, &str)] = &[
            // Clocks back on 25 October 2026.
            (
                "2026-10-10T10:30",
                four_weeks,
                "2026-11-07T10:30",
                "2026-10-11T10:30",
            ),
            (
                "2026-10-24T20:00",
                four_weeks,
                "2026-11-21T20:00",
                "2026-10-25T19:00",
            ),
            // Clocks forward on 29 March 2026.
            (
                "2026-03-14T10:30",
                four_weeks,
                "2026-04-11T10:30",
                "2026-03-15T10:30",
            ),
            (
                "2026-03-28T18:00",
                five_weeks,
                "2026-05-02T18:00",
                "2026-03-29T19:00",
            ),
        ];
        for &(end, plan, next, makeup) in lisbon {
            let list = local_reminders(&Lisbon, end, plan);
            assert!(
                list.contains(&(BOOK_NEXT, next.to_string())),
                "Lisbon {end}: {list:?}"
            );
            // Hours stay real elapsed time: 24 hours is 24 hours.
            assert!(
                list.contains(&("makeup_allowed", makeup.to_string())),
                "Lisbon {end}: {list:?}"
            );
        }
        let sydney: &[(&str, u32, &str, &str)] = &[
            // Clocks back on 5 April 2026.
            (
                "2026-03-20T10:30",
                four_weeks,
                "2026-04-17T10:30",
                "2026-03-21T10:30",
            ),
            (
                "2026-04-04T09:30",
                four_weeks,
                "2026-05-02T09:30",
                "2026-04-05T08:30",
            ),
            // Clocks forward on 4 October 2026.
            (
                "2026-09-20T10:30",
                five_weeks,
                "2026-10-25T10:30",
                "2026-09-21T10:30",
            ),
            (
                "2026-10-03T20:00",
                four_weeks,
                "2026-10-31T20:00",
                "2026-10-04T21:00",
            ),
        ];
        for &(end, plan, next, makeup) in sydney {
            let list = local_reminders(&Sydney, end, plan);
            assert!(
                list.contains(&(BOOK_NEXT, next.to_string())),
                "Sydney {end}: {list:?}"
            );
            assert!(
                list.contains(&("makeup_allowed", makeup.to_string())),
                "Sydney {end}: {list:?}"
            );
        }
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

    #[test]
    fn the_day_2_check_in_has_its_words_in_every_language() {
        // Reference: "day 2 (48 h) | a check-in: look at the skin for the
        // warning signs; infection, when it happens, usually shows in the
        // first days". Every calendar entry is named after the app.
        let sources = [
            ("en", include_str!("../../public/locales/en.aftercare.json")),
            (
                "pt-BR",
                include_str!("../../public/locales/pt-BR.aftercare.json"),
            ),
            ("es", include_str!("../../public/locales/es.aftercare.json")),
        ];
        for (code, json) in sources {
            let text = CareText::parse(code, json).unwrap();
            let (title, detail) = text.step("day_2_check");
            let (summary, description) = text.reminder("day_2_check");
            assert!(title.contains('2'), "{code}: {title:?}");
            assert!(summary.contains('2'), "{code}: {summary:?}");
            for words in [detail, description] {
                assert!(
                    words.contains("pus"),
                    "{code}: no warning signs in {words:?}"
                );
            }
            for (id, summary, description) in &text.reminders {
                assert!(summary.starts_with("MicroCare: "), "{code} {id}");
                assert!(!description.trim().is_empty(), "{code} {id}");
            }
        }
    }

    #[test]
    fn a_file_for_another_language_or_with_a_malformed_step_is_refused() {
        let en = include_str!("../../public/locales/en.aftercare.json");
        let err = CareText::parse("es", en).unwrap_err();
        assert!(err.contains("for \"en\", not \"es\""), "{err}");
        let cases = [
            // A step without its detail.
            r#"{"lang": "en", "steps": {"no_makeup": {"title": "No makeup"}}}"#,
            // A misspelt field.
            r#"{"lang": "en", "steps": {"no_makeup": {"title": "A", "details": "B"}}}"#,
            // No language.
            r#"{"steps": {}}"#,
            "not json",
        ];
        for json in cases {
            assert!(CareText::parse("en", json).is_err(), "{json}");
        }
        let text = CareText::parse(
            "en",
            r#"{"lang": "en", "steps": {"no_makeup": {"title": "A", "detail": "B"}}, "ui": {"x": "y"}}"#,
        )
        .unwrap();
        assert_eq!(text.step("no_makeup"), ("A", "B"));
        assert_eq!(text.step("sunscreen"), ("", ""));
        assert!(text
            .missing(DEFAULT_PROTOCOL)
            .contains(&"steps.sunscreen".to_string()));
        assert!(text
            .missing(DEFAULT_PROTOCOL)
            .contains(&"reminders.restart_retinoids".to_string()));
    }
}
