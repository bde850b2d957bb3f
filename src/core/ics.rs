//! Calendar files (iCalendar, RFC 5545) for reminders.
//!
//! One event per reminder, because many calendar apps drop alarms inside
//! events; the phone's default alert for new events then fires. Times are in
//! UTC, so every calendar app places them right in any time zone. UIDs are
//! stable, so importing the file again updates the events instead of
//! duplicating them.
//!
//! ```
//! use microcare::core::ics::{calendar, Event};
//! let ics = calendar(&[Event {
//!     uid: "s1-makeup@microcare".into(),
//!     start: 0,
//!     end: 15 * 60_000,
//!     summary: "Makeup allowed again".into(),
//!     description: "Your skin has had 24 hours to settle.".into(),
//! }], 0);
//! assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
//! assert!(ics.contains("DTSTART:19700101T000000Z\r\n"));
//! ```

use crate::core::time::{ics_utc, Millis};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// Stable across exports of the same reminder.
    pub uid: String,
    pub start: Millis,
    pub end: Millis,
    pub summary: String,
    pub description: String,
}

/// A whole calendar file; `stamp` is the moment it is made (DTSTAMP).
pub fn calendar(events: &[Event], stamp: Millis) -> String {
    let mut out = String::new();
    let mut line = |text: &str| {
        fold_into(text, &mut out);
    };
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//MicroCare//Aftercare reminders//EN");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    for event in events {
        line("BEGIN:VEVENT");
        line(&format!("UID:{}", escape(&event.uid)));
        line(&format!("DTSTAMP:{}", ics_utc(stamp)));
        line(&format!("DTSTART:{}", ics_utc(event.start)));
        line(&format!("DTEND:{}", ics_utc(event.end)));
        line(&format!("SUMMARY:{}", escape(&event.summary)));
        line(&format!("DESCRIPTION:{}", escape(&event.description)));
        line("TRANSP:TRANSPARENT");
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    out
}

/// Escapes text values: backslash, semicolon, comma and line breaks.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` folded to lines of at most 75 octets (a continuation
/// starts with a space), never splitting a character, each ending in CRLF.
fn fold_into(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::time::test_zones::Lisbon;
    use crate::core::time::{LocalDateTime, HOUR, MINUTE};

    fn events() -> Vec<Event> {
        let end = LocalDateTime::parse("2026-10-24T20:00")
            .unwrap()
            .to_moment(&Lisbon);
        vec![
            Event {
                uid: "s1-makeup_allowed@microcare".into(),
                start: end + 24 * HOUR,
                end: end + 24 * HOUR + 15 * MINUTE,
                summary: "Makeup allowed again".into(),
                description: "24 hours have passed; use clean brushes, please.".into(),
            },
            Event {
                uid: "s1-check_skin@microcare".into(),
                start: end + 168 * HOUR,
                end: end + 168 * HOUR + 15 * MINUTE,
                summary: "Check your skin: any warning signs?".into(),
                description: "Pus, fever, pain that increases; a cold sore; a rash or bumps; or anything not settling by day 7:\ncontact your clinic. Ação, pele, ênfase: acentos longos. ".repeat(2).trim_end().to_string(),
            },
        ]
    }

    #[test]
    fn every_line_ends_in_crlf_and_fits_75_octets() {
        let ics = calendar(&events(), 0);
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        for line in ics.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
            assert!(!line.contains('\n') && !line.contains('\r'));
        }
    }

    #[test]
    fn a_real_parser_reads_every_event_back() {
        let list = events();
        let ics = calendar(&list, 1_700_000_000_000);
        let reader = ical::IcalParser::new(std::io::BufReader::new(ics.as_bytes()));
        let calendars: Vec<_> = reader.collect::<Result<_, _>>().expect("valid iCalendar");
        assert_eq!(calendars.len(), 1);
        let parsed = &calendars[0].events;
        assert_eq!(parsed.len(), list.len());
        for (event, expected) in parsed.iter().zip(&list) {
            let prop = |name: &str| {
                event
                    .properties
                    .iter()
                    .find(|p| p.name == name)
                    .and_then(|p| p.value.clone())
                    .unwrap_or_else(|| panic!("no {name}"))
            };
            assert_eq!(prop("UID"), expected.uid);
            assert_eq!(prop("DTSTART"), ics_utc(expected.start));
            assert_eq!(prop("DTEND"), ics_utc(expected.end));
            assert_eq!(prop("DTSTAMP"), "20231114T221320Z");
            // The parser unfolds lines but leaves text escapes as written.
            assert_eq!(prop("SUMMARY"), escape(&expected.summary));
            assert_eq!(prop("DESCRIPTION"), escape(&expected.description));
        }
        // 24 hours after 20:00 on the eve of the October change in Lisbon is
        // 19:00 local, 19:00 UTC.
        assert_eq!(ics_utc(list[0].start), "20261025T190000Z");
    }

    #[test]
    fn the_next_session_event_keeps_its_local_time_across_the_october_change() {
        use crate::core::aftercare::{reminders, DEFAULT_PROTOCOL};
        // A session ending at 10:30 in Lisbon (summer time, UTC+1) two weeks
        // before clocks go back: four weeks on is 10:30 in winter time,
        // 10:30 UTC, not 09:30.
        let end = LocalDateTime::parse("2026-10-10T10:30")
            .unwrap()
            .to_moment(&Lisbon);
        let events: Vec<Event> = reminders(DEFAULT_PROTOCOL, end, Some(28), &Lisbon)
            .into_iter()
            .map(|r| Event {
                uid: format!("s1-{}@microcare", r.id),
                start: r.at,
                end: r.at + 15 * MINUTE,
                summary: r.id.into(),
                description: String::new(),
            })
            .collect();
        let ics = calendar(&events, 0);
        let reader = ical::IcalParser::new(std::io::BufReader::new(ics.as_bytes()));
        let calendars: Vec<_> = reader.collect::<Result<_, _>>().expect("valid iCalendar");
        let starts: Vec<(String, String)> = calendars[0]
            .events
            .iter()
            .map(|e| {
                let prop = |name: &str| {
                    e.properties
                        .iter()
                        .find(|p| p.name == name)
                        .and_then(|p| p.value.clone())
                        .unwrap_or_default()
                };
                (prop("SUMMARY"), prop("DTSTART"))
            })
            .collect();
        let at = |id: &str| {
            starts
                .iter()
                .find(|(s, _)| s == id)
                .map(|(_, t)| t.as_str())
                .unwrap_or_else(|| panic!("no {id} in {starts:?}"))
        };
        assert_eq!(starts.len(), 7, "{starts:?}");
        assert_eq!(at("book_next"), "20261107T103000Z");
        // Elapsed-time reminders stay elapsed time: 24 hours, 10 days.
        assert_eq!(at("makeup_allowed"), "20261011T093000Z");
        assert_eq!(at("restart_retinoids"), "20261020T093000Z");
    }

    #[test]
    fn escaping_table() {
        assert_eq!(escape("a,b;c\\d\ne\r\n"), "a\\,b\\;c\\\\d\\ne\\n");
        assert_eq!(escape("plain"), "plain");
    }

    #[test]
    fn folding_never_splits_a_character() {
        let mut out = String::new();
        fold_into(&"é".repeat(100), &mut out);
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75);
        }
        assert_eq!(out.replace("\r\n ", "").trim_end(), "é".repeat(100));
    }
}
