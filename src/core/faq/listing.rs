//! What the FAQ page lists for a search and a goal: entry ids in groups,
//! each under its heading. The page keeps each entry's element while it
//! stays listed (see `ui::faq`).

use super::{Entry, FaqContent, Goal};

/// What the FAQ shows for a search and a goal, as entry ids in groups.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Listing {
    /// The search, trimmed; `None` when there is none.
    pub query: Option<String>,
    /// The groups with at least one entry, in order.
    pub groups: Vec<Group>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// The heading's id (`mc-faq-for-you`, `mc-faq-cat-<category>`) and
    /// words; `None` for search results.
    pub heading: Option<(String, String)>,
    pub ids: Vec<String>,
}

impl Listing {
    /// A search's results (those whose question matches first), or else
    /// the whole FAQ by category, led by the goal's entries under
    /// `for_you`.
    pub fn of(content: &FaqContent, goal: Option<Goal>, query: &str, for_you: &str) -> Listing {
        let ids = |entries: Vec<&Entry>| entries.iter().map(|e| e.id.clone()).collect();
        let query = query.trim();
        if !query.is_empty() {
            let found = Group {
                heading: None,
                ids: ids(content.search(query)),
            };
            return Listing {
                query: Some(query.to_string()),
                groups: Some(found)
                    .filter(|g| !g.ids.is_empty())
                    .into_iter()
                    .collect(),
            };
        }
        let for_you = goal.map(|goal| Group {
            heading: Some(("mc-faq-for-you".to_string(), for_you.to_string())),
            ids: ids(content.for_goal(goal)),
        });
        let categories = content.categories.iter().map(|category| Group {
            heading: Some((
                format!("mc-faq-cat-{}", category.id),
                category.title.clone(),
            )),
            ids: ids(content.in_category(&category.id, goal)),
        });
        Listing {
            query: None,
            groups: for_you
                .into_iter()
                .chain(categories)
                .filter(|g| !g.ids.is_empty())
                .collect(),
        }
    }

    /// How many entries a search found; `None` without a search.
    pub fn found(&self) -> Option<usize> {
        self.query
            .as_ref()
            .map(|_| self.groups.iter().map(|g| g.ids.len()).sum())
    }

    /// The entries of the group under `heading`.
    pub fn ids(&self, heading: Option<&(String, String)>) -> Vec<String> {
        self.groups
            .iter()
            .find(|g| g.heading.as_ref() == heading)
            .map(|g| g.ids.clone())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::super::faq_source;
    use super::*;

    fn english() -> FaqContent {
        FaqContent::parse("en", faq_source("en")).unwrap()
    }

    fn headings(listing: &Listing) -> Vec<&str> {
        listing
            .groups
            .iter()
            .map(|g| g.heading.as_ref().map_or("", |(id, _)| id.as_str()))
            .collect()
    }

    #[test]
    fn without_a_search_every_category_is_listed_once() {
        let faq = english();
        let listing = Listing::of(&faq, None, "  ", "For you");
        assert_eq!(listing.found(), None);
        assert_eq!(listing.groups.len(), faq.categories.len());
        let shown: usize = listing.groups.iter().map(|g| g.ids.len()).sum();
        assert_eq!(shown, faq.entries.len());
    }

    #[test]
    fn a_goal_leads_and_its_entries_are_not_repeated() {
        let faq = english();
        let listing = Listing::of(&faq, Some(Goal::AcneScars), "", "For you");
        assert_eq!(headings(&listing)[0], "mc-faq-for-you");
        assert_eq!(
            listing.groups[0].heading.as_ref().map(|(_, t)| t.as_str()),
            Some("For you")
        );
        assert!(listing.groups[0].ids.contains(&"acne-scars".to_string()));
        let shown: usize = listing.groups.iter().map(|g| g.ids.len()).sum();
        assert_eq!(shown, faq.entries.len());
    }

    #[test]
    fn a_search_lists_its_results_under_no_heading() {
        let faq = english();
        let listing = Listing::of(&faq, Some(Goal::Face), " hurt ", "For you");
        assert_eq!(listing.query.as_deref(), Some("hurt"));
        assert_eq!(headings(&listing), vec![""]);
        assert!(listing.ids(None).contains(&"does-it-hurt".to_string()));
        assert_eq!(listing.found(), Some(listing.ids(None).len()));
    }

    #[test]
    fn a_search_without_results_has_no_group() {
        let listing = Listing::of(&english(), None, "xylophone", "For you");
        assert_eq!(listing.found(), Some(0));
        assert!(listing.groups.is_empty());
        assert!(listing.ids(None).is_empty());
    }
}
