//! Hash routes: the only way MicroCare navigates.
//!
//! Routes live after `#` so that deep links and reloads work on any static
//! host, under any sub-path, without server rewrite rules:
//! `#/faq`, `#/faq/<id>`, `#/check`, `#/aftercare`, `#/aftercare/photos`,
//! `#/privacy`; and two
//! that are in no menu: `#/desk`, the clinic staff's screen, and
//! `#/s?v=1&...`, a session link (see [`crate::core::session_link`]).
//!
//! ```
//! use microcare::core::route::Route;
//! assert_eq!(Route::parse("#/faq/what-is-it"), Some(Route::FaqEntry("what-is-it".into())));
//! assert_eq!(Route::FaqEntry("what-is-it".into()).href(), "#/faq/what-is-it");
//! ```

use crate::core::i18n::TextFile;
use crate::core::session_link;

/// A fragment longer than this is never a route of ours: reading it further
/// would only cost time on a hostile or broken link.
pub const MAX_HASH_LEN: usize = 200;

/// Longest FAQ id accepted in a deep link.
pub const MAX_ID_LEN: usize = 64;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    Faq,
    FaqEntry(String),
    Check,
    Aftercare,
    /// The progress photos, part of the aftercare section.
    Photos,
    Privacy,
    /// The clinic's desk: staff make a session link, its QR code and the
    /// printable card. Not in the client's navigation.
    Desk,
    /// A session link from a clinic, with its query (what follows `#/s?`),
    /// read by [`crate::core::session_link::decode`], which says what is
    /// wrong with a damaged one. A query longer than
    /// [`crate::core::session_link::MAX_LEN`] is kept empty: it is refused
    /// as damaged without being copied.
    SessionLink(String),
    NotFound,
}

/// The top-level sections shown in the navigation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Home,
    Faq,
    Check,
    Aftercare,
    Privacy,
}

impl Route {
    /// The section file the route's page draws from, which is worth
    /// reading before the page is drawn (`None`: the main file has all).
    pub fn section_file(&self) -> Option<TextFile> {
        match self {
            Route::Faq | Route::FaqEntry(_) => Some(TextFile::Faq),
            Route::Check => Some(TextFile::Check),
            Route::Aftercare | Route::Photos | Route::Desk | Route::SessionLink(_) => {
                Some(TextFile::Aftercare)
            }
            Route::Home | Route::Privacy | Route::NotFound => None,
        }
    }

    /// Reads a `location.hash` value (with or without the leading `#`).
    ///
    /// Returns `None` for a fragment that is not a route at all, such as the
    /// in-page anchor `#main`: the app then stays where it is.
    pub fn parse(hash: &str) -> Option<Route> {
        let fragment = hash.strip_prefix('#').unwrap_or(hash);
        if fragment.is_empty() || fragment == "/" {
            return Some(Route::Home);
        }
        let path = fragment.strip_prefix('/')?;
        // Checked before the length: a damaged link gets its own message,
        // not "page not found".
        if let Some(query) = path
            .strip_prefix(session_link::PATH)
            .and_then(|rest| rest.strip_prefix('?'))
        {
            let query = if query.len() > session_link::MAX_LEN {
                ""
            } else {
                query
            };
            return Some(Route::SessionLink(query.to_string()));
        }
        if fragment.len() > MAX_HASH_LEN {
            return Some(Route::NotFound);
        }
        let path = path.strip_suffix('/').unwrap_or(path);
        let mut parts = path.split('/');
        let route = match (parts.next(), parts.next(), parts.next()) {
            (Some("faq"), None, None) => Route::Faq,
            (Some("faq"), Some(id), None) if is_valid_id(id) => Route::FaqEntry(id.to_string()),
            (Some("check"), None, None) => Route::Check,
            (Some("aftercare"), None, None) => Route::Aftercare,
            (Some("aftercare"), Some("photos"), None) => Route::Photos,
            (Some("privacy"), None, None) => Route::Privacy,
            (Some("desk"), None, None) => Route::Desk,
            _ => Route::NotFound,
        };
        Some(route)
    }

    /// The `href` that leads to this route, relative to the current page.
    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".to_string(),
            Route::Faq => "#/faq".to_string(),
            Route::FaqEntry(id) => format!("#/faq/{id}"),
            Route::Check => "#/check".to_string(),
            Route::Aftercare => "#/aftercare".to_string(),
            Route::Photos => "#/aftercare/photos".to_string(),
            Route::Privacy => "#/privacy".to_string(),
            Route::Desk => "#/desk".to_string(),
            Route::SessionLink(query) => format!("#/{}?{query}", session_link::PATH),
            Route::NotFound => "#/".to_string(),
        }
    }

    /// The navigation section this route belongs to, if any: a session
    /// link belongs to aftercare, the desk to none.
    pub fn section(&self) -> Option<Section> {
        match self {
            Route::Home => Some(Section::Home),
            Route::Faq | Route::FaqEntry(_) => Some(Section::Faq),
            Route::Check => Some(Section::Check),
            Route::Aftercare | Route::Photos => Some(Section::Aftercare),
            Route::Privacy => Some(Section::Privacy),
            Route::SessionLink(_) => Some(Section::Aftercare),
            Route::Desk | Route::NotFound => None,
        }
    }
}

impl Section {
    pub fn route(self) -> Route {
        match self {
            Section::Home => Route::Home,
            Section::Faq => Route::Faq,
            Section::Check => Route::Check,
            Section::Aftercare => Route::Aftercare,
            Section::Privacy => Route::Privacy,
        }
    }
}

/// FAQ ids are lowercase ASCII words joined by `-`: they never need
/// percent-decoding and cannot smuggle markup into the page.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::area::Area;

    #[test]
    fn parses_every_route_and_its_href_round_trips() {
        let routes = [
            Route::Home,
            Route::Faq,
            Route::FaqEntry("what-is-microneedling".into()),
            Route::Check,
            Route::Aftercare,
            Route::Photos,
            Route::Privacy,
            Route::Desk,
            Route::SessionLink("v=1&t=29934090&a=face&n=2&i=28&l=pt-BR".into()),
            Route::SessionLink(String::new()),
        ];
        for route in routes {
            assert_eq!(
                Route::parse(&route.href()),
                Some(route.clone()),
                "{route:?}"
            );
        }
    }

    #[test]
    fn table_of_hashes() {
        let cases: &[(&str, Option<Route>)] = &[
            ("", Some(Route::Home)),
            ("#", Some(Route::Home)),
            ("#/", Some(Route::Home)),
            ("/", Some(Route::Home)),
            ("#/faq", Some(Route::Faq)),
            ("#/faq/", Some(Route::Faq)),
            ("#/faq/a1-b2", Some(Route::FaqEntry("a1-b2".into()))),
            ("#/faq/a1-b2/", Some(Route::FaqEntry("a1-b2".into()))),
            ("#/check", Some(Route::Check)),
            ("#/check/", Some(Route::Check)),
            ("#/aftercare", Some(Route::Aftercare)),
            ("#/aftercare/photos", Some(Route::Photos)),
            ("#/aftercare/photos/", Some(Route::Photos)),
            ("#/aftercare/other", Some(Route::NotFound)),
            ("#/privacy", Some(Route::Privacy)),
            ("#/desk", Some(Route::Desk)),
            ("#/desk/", Some(Route::Desk)),
            ("#/desk/x", Some(Route::NotFound)),
            // Session links keep their query as it is, for the link's own
            // reader to judge.
            (
                "#/s?v=1&t=29934090&a=face&n=2&i=28&l=pt-BR",
                Some(Route::SessionLink(
                    "v=1&t=29934090&a=face&n=2&i=28&l=pt-BR".into(),
                )),
            ),
            ("#/s?", Some(Route::SessionLink(String::new()))),
            ("#/s?%3C<é>", Some(Route::SessionLink("%3C<é>".into()))),
            ("#/s?a/b?c", Some(Route::SessionLink("a/b?c".into()))),
            ("#/s", Some(Route::NotFound)),
            ("#/s/", Some(Route::NotFound)),
            ("#/sx?v=1", Some(Route::NotFound)),
            ("#s?v=1", None),
            // Bad input never panics and never reaches a page with odd data.
            ("#/%%%", Some(Route::NotFound)),
            ("#/faq/%3Cscript%3E", Some(Route::NotFound)),
            ("#/faq/<img>", Some(Route::NotFound)),
            ("#/faq/UPPER", Some(Route::NotFound)),
            ("#/faq/-dash", Some(Route::NotFound)),
            ("#/faq/a/b", Some(Route::NotFound)),
            ("#/faq//", Some(Route::NotFound)),
            ("#//", Some(Route::NotFound)),
            ("#/FAQ", Some(Route::NotFound)),
            ("#/unknown", Some(Route::NotFound)),
            ("#/check?x=1", Some(Route::NotFound)),
            ("#/é", Some(Route::NotFound)),
            // In-page anchors are not routes.
            ("#main", None),
            ("#faq", None),
        ];
        for (hash, expected) in cases {
            assert_eq!(&Route::parse(hash), expected, "hash {hash:?}");
        }
    }

    #[test]
    fn a_10_kb_hash_is_not_found_without_scanning_it() {
        let long = format!("#/faq/{}", "a".repeat(10 * 1024));
        assert_eq!(Route::parse(&long), Some(Route::NotFound));
        let long_anchor = "x".repeat(10 * 1024);
        assert_eq!(Route::parse(&long_anchor), None);
    }

    #[test]
    fn a_long_session_link_is_kept_empty_and_decodes_as_damaged() {
        use crate::core::session_link::{decode, LinkError};
        let long = format!("#/s?v=1&t={}", "9".repeat(10 * 1024));
        assert_eq!(Route::parse(&long), Some(Route::SessionLink(String::new())));
        assert_eq!(decode("", 0), Err(LinkError::Malformed));
        // A real link, made by the app, is a route of its own that its
        // reader accepts.
        let link = crate::core::session_link::SessionLink {
            end: 29_934_090 * crate::core::time::MINUTE,
            area: Area::Neck,
            session: 1,
            interval_days: 30,
            lang: crate::core::i18n::Lang::Es,
        };
        let Some(Route::SessionLink(query)) = Route::parse(&link.encode()) else {
            panic!("not a session link route");
        };
        assert_eq!(decode(&query, link.end), Ok(link));
    }

    #[test]
    fn id_longer_than_the_limit_is_not_found() {
        let id = "a".repeat(MAX_ID_LEN + 1);
        assert_eq!(Route::parse(&format!("#/faq/{id}")), Some(Route::NotFound));
        let id = "a".repeat(MAX_ID_LEN);
        assert_eq!(
            Route::parse(&format!("#/faq/{id}")),
            Some(Route::FaqEntry(id))
        );
    }

    #[test]
    fn sections_map_to_their_routes() {
        assert_eq!(Route::FaqEntry("x".into()).section(), Some(Section::Faq));
        assert_eq!(Route::NotFound.section(), None);
        for section in [
            Section::Home,
            Section::Faq,
            Section::Check,
            Section::Aftercare,
            Section::Privacy,
        ] {
            assert_eq!(section.route().section(), Some(section));
        }
    }
}
