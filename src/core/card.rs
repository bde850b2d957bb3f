//! The printable aftercare card: what to avoid after a session and until
//! which local date and time, computed from the session's end.
//!
//! The card says "No makeup until Tue 1 Dec, 10:30", not "for 24 hours":
//! a client reads it days later. The times come from the same schedule as
//! the app's countdowns ([`crate::core::aftercare::schedule`], clinic's
//! longer steps included), so the card and the phone always agree; a step
//! of 24 hours is 24 real hours, so its clock time moves by an hour when
//! the clocks change in between ([`crate::core::time`]).
//!
//! This module returns data (step ids and moments); the words are the
//! step titles of `<lang>.aftercare.json` ([`crate::core::aftercare::CareText::step`])
//! and the dates are written by `core::dates` (`DateStyle::DayShort`).
//!
//! ```
//! use microcare::core::aftercare::DEFAULT_PROTOCOL;
//! use microcare::core::card::card;
//! use microcare::core::time::{FixedZone, LocalDateTime};
//! let zone = FixedZone(0);
//! let end = LocalDateTime::parse("2026-11-30T10:30").unwrap().to_moment(&zone);
//! let card = card(DEFAULT_PROTOCOL, end, Some(28), &zone);
//! let makeup = card.until.iter().find(|d| d.step == "no_makeup").unwrap();
//! assert_eq!(makeup.local.to_string(), "2026-12-01T10:30");
//! ```

use crate::core::aftercare::{schedule, Category, Step};
use crate::core::time::{days_later, LocalDateTime, Millis, Zone};

/// The paper the card is printed on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardSize {
    A6,
    A5,
}

impl CardSize {
    /// The sizes the desk offers, the default first.
    pub const ALL: [CardSize; 2] = [CardSize::A6, CardSize::A5];

    /// The paper's name: the desk's size control shows it and holds it.
    pub fn id(self) -> &'static str {
        match self {
            CardSize::A6 => "A6",
            CardSize::A5 => "A5",
        }
    }

    pub fn from_id(id: &str) -> Option<CardSize> {
        match id {
            "A6" => Some(CardSize::A6),
            "A5" => Some(CardSize::A5),
            _ => None,
        }
    }

    /// The page, width and height in millimetres, portrait. The printed
    /// page is set in these figures (`@page mc-a6` and `mc-a5` in
    /// `style/main.css`): A6 is no CSS page-size keyword, and Chromium
    /// drops `size: A6`.
    pub fn page_mm(self) -> (u32, u32) {
        match self {
            CardSize::A6 => (105, 148),
            CardSize::A5 => (148, 210),
        }
    }
}

/// One "until when" rule of the card.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Deadline {
    /// The step's id: its title in `<lang>.aftercare.json` is the rule's
    /// label ("No makeup").
    pub step: &'static str,
    /// When the rule ends, milliseconds since 1970 UTC.
    pub at: Millis,
    /// The same moment on the local clock of the zone the card was made in.
    pub local: LocalDateTime,
}

/// Everything on the card that depends on the session's time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Card {
    /// When the session ended, on the local clock.
    pub session: LocalDateTime,
    /// Each thing to avoid that has an end, soonest first (steps ending at
    /// the same moment in the protocol's order).
    pub until: Vec<Deadline>,
    /// The ids of the warning signs (steps of the warning category): their
    /// titles and details are the card's "contact your clinic if" part.
    pub warnings: Vec<&'static str>,
    /// The suggested day and time of the next session, if the card is given
    /// an interval: the same time of day, `interval` days on (see
    /// [`crate::core::time::days_later`]).
    pub next_session: Option<LocalDateTime>,
}

/// The card for a session that ended at `end`, following `protocol` (the
/// clinic's, see `Clinic::protocol`), with the local times of `zone`.
pub fn card(protocol: &[Step], end: Millis, interval_days: Option<u32>, zone: &impl Zone) -> Card {
    let steps = schedule(protocol, end);
    let mut until: Vec<Deadline> = steps
        .iter()
        .filter(|s| s.step.category == Category::Avoid)
        .filter_map(|s| {
            let at = s.end?;
            Some(Deadline {
                step: s.step.id,
                at,
                local: LocalDateTime::at(at, zone),
            })
        })
        .collect();
    // Stable: equal ends keep the protocol's order.
    until.sort_by_key(|d| d.at);
    Card {
        session: LocalDateTime::at(end, zone),
        until,
        warnings: steps
            .iter()
            .filter(|s| s.step.category == Category::Warning)
            .map(|s| s.step.id)
            .collect(),
        next_session: interval_days
            .map(|days| LocalDateTime::at(days_later(end, i64::from(days), zone), zone)),
    }
}

/// The time of day as the app writes it in every language: `10:30`, `09:05`
/// (24-hour clock, as in en-GB, pt-BR and es).
pub fn clock(local: LocalDateTime) -> String {
    format!("{:02}:{:02}", local.hour, local.minute)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::aftercare::DEFAULT_PROTOCOL;
    use crate::core::clinic::Clinic;
    use crate::core::time::test_zones::{Lisbon, Sydney};
    use crate::core::time::{FixedZone, HOUR};

    #[test]
    fn card_sizes_have_their_ids_and_the_pages_the_stylesheet_prints() {
        let css = include_str!("../../style/main.css");
        for (size, id, page) in [(CardSize::A6, "A6", "mc-a6"), (CardSize::A5, "A5", "mc-a5")] {
            assert_eq!(size.id(), id);
            assert_eq!(CardSize::from_id(id), Some(size));
            let (width, height) = size.page_mm();
            let rule = css
                .split(&format!("@page {page} {{"))
                .nth(1)
                .and_then(|rest| rest.split('}').next())
                .unwrap_or_else(|| panic!("no @page {page}"));
            assert!(
                rule.contains(&format!("size: {width}mm {height}mm;")),
                "{id}: {rule}"
            );
        }
        assert_eq!(CardSize::ALL[0], CardSize::A6, "the default");
        assert_eq!(CardSize::from_id("a5"), None);
    }

    fn local(text: &str) -> LocalDateTime {
        LocalDateTime::parse(text).unwrap()
    }

    /// The card's rules as (step, local time) for a session that ended at
    /// local `end` in `zone`.
    fn rules(protocol: &[Step], zone: &impl Zone, end: &str) -> Vec<(&'static str, String)> {
        let end = local(end).to_moment(zone);
        card(protocol, end, None, zone)
            .until
            .iter()
            .map(|d| (d.step, d.local.to_string()))
            .collect()
    }

    fn owned(list: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
        list.iter().map(|&(s, t)| (s, t.to_string())).collect()
    }

    #[test]
    fn each_avoid_rule_with_its_local_deadline_soonest_first() {
        assert_eq!(
            rules(DEFAULT_PROTOCOL, &FixedZone(-180), "2026-11-30T10:30"),
            owned(&[
                ("no_makeup", "2026-12-01T10:30"),
                ("no_exercise", "2026-12-01T10:30"),
                ("no_actives", "2026-12-07T10:30"),
                ("no_picking", "2026-12-07T10:30"),
                ("no_waxing", "2026-12-07T10:30"),
                ("no_retinoids", "2026-12-10T10:30"),
                ("no_tanning", "2026-12-14T10:30"),
            ])
        );
    }

    #[test]
    fn a_daylight_saving_change_between_session_and_deadline_moves_the_clock_time() {
        // Lisbon, clocks back at 02:00 on 25 October 2026: 24 real hours
        // after 20:00 on the 24th is 19:00 on the 25th; a week on is 19:00.
        assert_eq!(
            rules(DEFAULT_PROTOCOL, &Lisbon, "2026-10-24T20:00"),
            owned(&[
                ("no_makeup", "2026-10-25T19:00"),
                ("no_exercise", "2026-10-25T19:00"),
                ("no_actives", "2026-10-31T19:00"),
                ("no_picking", "2026-10-31T19:00"),
                ("no_waxing", "2026-10-31T19:00"),
                ("no_retinoids", "2026-11-03T19:00"),
                ("no_tanning", "2026-11-07T19:00"),
            ])
        );
        // Sydney, clocks forward on 4 October 2026: one hour later.
        assert_eq!(
            rules(DEFAULT_PROTOCOL, &Sydney, "2026-10-03T20:00"),
            owned(&[
                ("no_makeup", "2026-10-04T21:00"),
                ("no_exercise", "2026-10-04T21:00"),
                ("no_actives", "2026-10-10T21:00"),
                ("no_picking", "2026-10-10T21:00"),
                ("no_waxing", "2026-10-10T21:00"),
                ("no_retinoids", "2026-10-13T21:00"),
                ("no_tanning", "2026-10-17T21:00"),
            ])
        );
        // A change after the first day but before the later deadlines:
        // Lisbon session at 10:30 on 23 October 2026.
        let list = rules(DEFAULT_PROTOCOL, &Lisbon, "2026-10-23T10:30");
        assert_eq!(list[0], ("no_makeup", "2026-10-24T10:30".into()));
        assert_eq!(list[2], ("no_actives", "2026-10-30T09:30".into()));
        // The deadline is the same moment as the app's countdown.
        let end = local("2026-10-24T20:00").to_moment(&Lisbon);
        let makeup = card(DEFAULT_PROTOCOL, end, None, &Lisbon).until[0];
        assert_eq!(makeup.at - end, 24 * HOUR);
    }

    #[test]
    fn the_next_session_keeps_its_time_of_day_across_the_change() {
        let end = local("2026-10-10T10:30").to_moment(&Lisbon);
        let with_plan = card(DEFAULT_PROTOCOL, end, Some(28), &Lisbon);
        assert_eq!(with_plan.session.to_string(), "2026-10-10T10:30");
        assert_eq!(
            with_plan.next_session.map(|l| l.to_string()),
            Some("2026-11-07T10:30".into())
        );
        assert_eq!(
            card(DEFAULT_PROTOCOL, end, None, &Lisbon).next_session,
            None
        );
    }

    #[test]
    fn a_clinics_longer_steps_are_on_the_card_and_the_warnings_too() {
        let (clinic, problems) =
            Clinic::parse(r#"{"aftercare": {"longer": {"no_makeup": 48, "hands_off": 72}}}"#);
        assert_eq!(problems, vec![]);
        let list = rules(&clinic.protocol(), &FixedZone(0), "2026-11-30T10:30");
        // Makeup waits for the clinic's longer first days.
        assert_eq!(list[0], ("no_exercise", "2026-12-01T10:30".into()));
        assert_eq!(list[1], ("no_makeup", "2026-12-03T10:30".into()));
        let end = local("2026-11-30T10:30").to_moment(&FixedZone(0));
        assert_eq!(
            card(DEFAULT_PROTOCOL, end, None, &FixedZone(0)).warnings,
            vec!["warning_signs"]
        );
        // Nothing that is not to avoid, nor without an end, is a rule.
        for d in card(&clinic.protocol(), end, None, &FixedZone(0)).until {
            let step = clinic
                .protocol()
                .into_iter()
                .find(|s| s.id == d.step)
                .unwrap();
            assert_eq!(step.category, Category::Avoid, "{}", d.step);
        }
    }

    #[test]
    fn clock_times_with_two_digits() {
        assert_eq!(clock(local("2026-11-30T09:05")), "09:05");
        assert_eq!(clock(local("2026-11-30T23:59")), "23:59");
        assert_eq!(clock(local("2026-11-30T00:00")), "00:00");
    }
}
