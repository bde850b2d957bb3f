//! One language's FAQ as a file gives it: its categories, the goals a
//! person may have, the entries and their sources. [`FaqContent::parse`]
//! rejects a file with a missing piece, so a broken file fails the tests,
//! never a client's phone; the content also answers searches and orders
//! entries by goal.

use crate::core::calendar::CivilDate;
use crate::core::faq::citations::uncited_names;
use crate::core::faq::text::normalize;
use crate::core::goal::Goal;
use crate::core::route::is_valid_id;
use serde::Deserialize;
use std::collections::HashSet;

/// Another section of the app an answer points to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Check,
    Aftercare,
}

impl Action {
    pub fn from_id(id: &str) -> Option<Action> {
        match id {
            "check" => Some(Action::Check),
            "aftercare" => Some(Action::Aftercare),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: String,
    pub title: String,
}

/// A goal's name and the realistic expectations that go with it.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoalText {
    pub id: Goal,
    pub label: String,
    pub expectations: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub id: String,
    pub category: String,
    #[serde(default)]
    pub goals: Vec<Goal>,
    pub question: String,
    /// Paragraphs separated by a blank line; list items start with `- `.
    pub answer: String,
    #[serde(default)]
    pub related: Vec<String>,
    /// Ids of [`Source`]s: every study or journal the answer names, and
    /// what its clinical statements rest on.
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub action: Option<Action>,
    /// When this entry was last checked against the clinical reference,
    /// `YYYY-MM-DD`, shown with the entry. Empty for a clinic's own entries.
    pub reviewed: String,
    /// Whether the answer makes a clinical statement (what the treatment
    /// does, for whom, its risks, its aftercare): such an entry must cite
    /// at least one source.
    pub clinical: bool,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub citation: String,
}

/// One language's FAQ. The file's `ui` object (the FAQ screen's strings)
/// is read by `core::i18n`, not here.
#[derive(Clone, Debug, Deserialize)]
pub struct FaqContent {
    pub lang: String,
    #[serde(default)]
    pub categories: Vec<Category>,
    #[serde(default)]
    pub goals: Vec<GoalText>,
    #[serde(default)]
    pub entries: Vec<Entry>,
    #[serde(default)]
    pub sources: Vec<Source>,
    /// Each entry's question and answer, normalised for search.
    #[serde(skip)]
    search_text: Vec<(String, String)>,
}

impl FaqContent {
    /// Parses one language's FAQ file as the app loads it. The committed
    /// files are checked in full by [`FaqContent::parse_checked`] in the
    /// tests, so the phone only checks the language; a reference that does
    /// not resolve is simply not shown.
    pub fn parse(lang_code: &str, json: &str) -> Result<FaqContent, String> {
        let mut content: FaqContent = serde_json::from_str(json).map_err(|e| e.to_string())?;
        if content.lang != lang_code {
            return Err(format!(
                "the file is for \"{}\", not \"{lang_code}\"",
                content.lang
            ));
        }
        content.search_text = content
            .entries
            .iter()
            .map(|e| (normalize(&e.question), normalize(&e.answer)))
            .collect();
        Ok(content)
    }

    /// Parses a FAQ file and reports everything wrong with it.
    pub fn parse_checked(lang_code: &str, json: &str) -> Result<FaqContent, String> {
        let content = FaqContent::parse(lang_code, json)?;
        let problems = content.problems();
        if problems.is_empty() {
            Ok(content)
        } else {
            Err(problems.join("; "))
        }
    }

    /// Everything wrong with the content: duplicate or malformed ids, empty
    /// text, references that do not resolve, goals without text, an entry
    /// without a review date, a clinical entry without a source, a study or
    /// journal named in an answer but missing from its sources.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let category_ids: HashSet<&str> = self.categories.iter().map(|c| c.id.as_str()).collect();
        let source_ids: HashSet<&str> = self.sources.iter().map(|s| s.id.as_str()).collect();
        let mut entry_ids = HashSet::new();
        for entry in &self.entries {
            if !is_valid_id(&entry.id) {
                problems.push(format!("entry id \"{}\" is not a valid id", entry.id));
            }
            if !entry_ids.insert(entry.id.as_str()) {
                problems.push(format!("entry id \"{}\" appears twice", entry.id));
            }
        }
        if self.entries.is_empty() {
            problems.push("there are no entries".into());
        }
        for category in &self.categories {
            if category.title.trim().is_empty() {
                problems.push(format!("category \"{}\" has no title", category.id));
            }
        }
        for goal in &self.goals {
            if !Goal::FAQ.contains(&goal.id) {
                problems.push(format!(
                    "goal \"{}\" is not one the FAQ offers",
                    goal.id.id()
                ));
            }
        }
        for goal in Goal::FAQ {
            match self.goals.iter().find(|g| g.id == goal) {
                None => problems.push(format!("goal \"{}\" has no text", goal.id())),
                Some(g) if g.label.trim().is_empty() || g.expectations.trim().is_empty() => {
                    problems.push(format!("goal \"{}\" has empty text", goal.id()))
                }
                Some(_) => {}
            }
        }
        for source in &self.sources {
            if source.citation.trim().is_empty() {
                problems.push(format!("source \"{}\" has no citation", source.id));
            }
        }
        for entry in &self.entries {
            let id = &entry.id;
            if entry.question.trim().is_empty() || entry.answer.trim().is_empty() {
                problems.push(format!("entry \"{id}\" has an empty question or answer"));
            }
            if !category_ids.contains(entry.category.as_str()) {
                problems.push(format!(
                    "entry \"{id}\" has unknown category \"{}\"",
                    entry.category
                ));
            }
            for goal in &entry.goals {
                if !Goal::FAQ.contains(goal) {
                    problems.push(format!(
                        "entry \"{id}\" has goal \"{}\", not one the FAQ offers",
                        goal.id()
                    ));
                }
            }
            for related in &entry.related {
                if !entry_ids.contains(related.as_str()) || related == id {
                    problems.push(format!(
                        "entry \"{id}\" relates to unknown entry \"{related}\""
                    ));
                }
            }
            for source in &entry.sources {
                if !source_ids.contains(source.as_str()) {
                    problems.push(format!("entry \"{id}\" cites unknown source \"{source}\""));
                }
            }
            // A clinic's own entries (added by `core::clinic`) have no date.
            let from_clinic = entry.category == "clinic" && entry.reviewed.is_empty();
            if !from_clinic && CivilDate::parse_iso(&entry.reviewed).is_none() {
                problems.push(format!(
                    "entry \"{id}\" has no review date (\"{}\" is not YYYY-MM-DD)",
                    entry.reviewed
                ));
            }
            if entry.clinical && entry.sources.is_empty() {
                problems.push(format!(
                    "entry \"{id}\" makes clinical statements but cites no source"
                ));
            }
            let citations: Vec<&str> = entry
                .sources
                .iter()
                .filter_map(|s| self.source(s))
                .map(|s| s.citation.as_str())
                .collect();
            for name in uncited_names(&entry.answer, &citations) {
                problems.push(format!(
                    "entry \"{id}\" names {name} but its sources do not"
                ));
            }
        }
        problems
    }

    /// Adds a category and its entries (a clinic's own questions).
    pub fn add_category(&mut self, id: &str, title: &str, entries: Vec<Entry>) {
        self.categories.push(Category {
            id: id.to_string(),
            title: title.to_string(),
        });
        self.search_text.extend(
            entries
                .iter()
                .map(|e| (normalize(&e.question), normalize(&e.answer))),
        );
        self.entries.extend(entries);
    }

    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    pub fn goal_text(&self, goal: Goal) -> Option<&GoalText> {
        self.goals.iter().find(|g| g.id == goal)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// Entries matching every word of `query` (case and accents ignored),
    /// those whose question matches first. An empty query matches nothing.
    pub fn search(&self, query: &str) -> Vec<&Entry> {
        let query = normalize(query);
        let words: Vec<&str> = query.split_whitespace().collect();
        if words.is_empty() {
            return Vec::new();
        }
        let mut in_question = Vec::new();
        let mut in_answer = Vec::new();
        for (entry, (question, answer)) in self.entries.iter().zip(&self.search_text) {
            let everywhere = |w: &&str| question.contains(*w) || answer.contains(*w);
            if !words.iter().all(everywhere) {
                continue;
            }
            if words.iter().any(|w| question.contains(*w)) {
                in_question.push(entry);
            } else {
                in_answer.push(entry);
            }
        }
        in_question.extend(in_answer);
        in_question
    }

    /// The entries for `goal`, in file order: what the page leads with.
    pub fn for_goal(&self, goal: Goal) -> Vec<&Entry> {
        self.entries
            .iter()
            .filter(|e| e.goals.contains(&goal))
            .collect()
    }

    /// The entries of a category, leaving out those already shown for the goal.
    pub fn in_category<'a>(&'a self, category: &str, goal: Option<Goal>) -> Vec<&'a Entry> {
        self.entries
            .iter()
            .filter(|e| e.category == category)
            .filter(|e| goal.is_none_or(|g| !e.goals.contains(&g)))
            .collect()
    }
}

/// The committed FAQ files, for tests.
#[cfg(test)]
pub(crate) fn faq_source(code: &str) -> &'static str {
    match code {
        "en" => include_str!("../../../public/locales/en.faq.json"),
        "pt-BR" => include_str!("../../../public/locales/pt-BR.faq.json"),
        "es" => include_str!("../../../public/locales/es.faq.json"),
        other => panic!("no FAQ for {other}"),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::core::i18n::Lang;

    pub(crate) fn content(code: &str) -> FaqContent {
        FaqContent::parse_checked(code, faq_source(code)).unwrap_or_else(|e| panic!("{code}: {e}"))
    }

    pub(crate) fn entry_index(v: &serde_json::Value, id: &str) -> usize {
        v["entries"]
            .as_array()
            .unwrap()
            .iter()
            .position(|e| e["id"] == id)
            .unwrap()
    }

    #[test]
    fn every_language_file_is_valid() {
        for lang in Lang::ALL {
            content(lang.code());
        }
    }

    #[test]
    fn every_entry_exists_in_every_language_with_the_same_structure() {
        let en = content("en");
        for code in ["pt-BR", "es"] {
            let other = content(code);
            let ids = |c: &FaqContent| c.entries.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
            assert_eq!(ids(&en), ids(&other), "{code}: entries differ");
            for (a, b) in en.entries.iter().zip(&other.entries) {
                assert_eq!(a.category, b.category, "{code} {}", a.id);
                assert_eq!(a.goals, b.goals, "{code} {}", a.id);
                assert_eq!(a.related, b.related, "{code} {}", a.id);
                assert_eq!(a.sources, b.sources, "{code} {}", a.id);
                assert_eq!(a.action, b.action, "{code} {}", a.id);
                assert_eq!(a.clinical, b.clinical, "{code} {}", a.id);
                assert_eq!(a.reviewed, b.reviewed, "{code} {}: reviewed apart", a.id);
                assert_ne!(a.question, b.question, "{code} {}: untranslated", a.id);
            }
            let cats = |c: &FaqContent| {
                c.categories
                    .iter()
                    .map(|c| c.id.clone())
                    .collect::<Vec<_>>()
            };
            assert_eq!(cats(&en), cats(&other), "{code}: categories differ");
            let srcs = |c: &FaqContent| c.sources.iter().map(|s| s.id.clone()).collect::<Vec<_>>();
            assert_eq!(srcs(&en), srcs(&other), "{code}: sources differ");
            for (a, b) in en.sources.iter().zip(&other.sources) {
                assert_eq!(
                    a.citation, b.citation,
                    "{code} {}: citations are not translated",
                    a.id
                );
            }
        }
    }

    #[test]
    fn every_entry_in_every_language_has_a_review_date_and_clinical_ones_cite_sources() {
        for lang in Lang::ALL {
            let faq = content(lang.code());
            for entry in &faq.entries {
                let id = format!("{} {}", lang.code(), entry.id);
                let reviewed = CivilDate::parse_iso(&entry.reviewed)
                    .unwrap_or_else(|| panic!("{id}: no review date"));
                assert!(reviewed.year >= 2026, "{id}: reviewed {reviewed:?}");
                if entry.clinical {
                    assert!(!entry.sources.is_empty(), "{id}: clinical, no source");
                }
                for source in &entry.sources {
                    assert!(faq.source(source).is_some(), "{id}: {source}");
                }
            }
        }
        // Entries about what the treatment does, its risks and its
        // aftercare are clinical; so are most of them.
        let en = content("en");
        for id in [
            "what-is-microneedling",
            "is-it-safe",
            "side-effects",
            "warning-signs",
            "who-should-not",
            "ask-first",
            "medicines-before-treatment",
            "skincare-after",
            "aftercare-overview",
            "sun-protection",
            "does-it-hurt",
            "stretch-marks",
        ] {
            assert!(en.entry(id).unwrap().clinical, "{id} should be clinical");
        }
        let clinical = en.entries.iter().filter(|e| e.clinical).count();
        assert!(clinical * 4 >= en.entries.len() * 3, "{clinical} clinical");
    }

    #[test]
    fn every_source_is_a_full_citation() {
        // Authors, title, journal, year;volume(issue):pages.
        for source in &content("en").sources {
            let c = &source.citation;
            let year = c
                .split(". ")
                .find(|part| part.len() > 5 && part[..4].chars().all(|d| d.is_ascii_digit()))
                .unwrap_or_else(|| panic!("{}: no year;volume", source.id));
            assert!(year[4..].starts_with(';'), "{}: {year}", source.id);
            assert!(year.contains(':'), "{}: no pages", source.id);
            assert!(c.split(". ").count() >= 4, "{}: {c}", source.id);
        }
    }

    #[test]
    fn every_category_has_entries_and_every_source_is_cited() {
        let en = content("en");
        for category in &en.categories {
            assert!(
                !en.in_category(&category.id, None).is_empty(),
                "{}",
                category.id
            );
        }
        for source in &en.sources {
            assert!(
                en.entries.iter().any(|e| e.sources.contains(&source.id)),
                "{} is never cited",
                source.id
            );
        }
        for goal in Goal::FAQ {
            assert!(!en.for_goal(goal).is_empty(), "nothing for {goal:?}");
        }
    }

    #[test]
    fn search_ignores_case_and_accents_in_every_language() {
        let cases = [
            ("pt-BR", "cicatriz"),
            ("pt-BR", "ESTRIAS"),
            ("es", "estrias"),
            ("es", "cicatriz"),
            ("en", "Stretch marks"),
            ("en", "keloid"),
        ];
        for (code, query) in cases {
            let faq = content(code);
            assert!(
                !faq.search(query).is_empty(),
                "{code}: {query:?} found nothing"
            );
        }
    }

    #[test]
    fn search_puts_question_matches_first_and_needs_every_word() {
        let en = content("en");
        let results = en.search("sessions");
        assert!(normalize(&results[0].question).contains("session"));
        assert!(en.search("").is_empty());
        assert!(en.search("   ").is_empty());
        assert!(en.search("zzzz-nothing").is_empty());
        assert!(en.search("stretch zzzz").is_empty());
        assert!(en.search("stretch marks").len() <= en.search("stretch").len());
    }

    #[test]
    fn goal_ordering_leads_with_the_goal_and_repeats_nothing() {
        let en = content("en");
        for goal in Goal::FAQ {
            let first = en.for_goal(goal);
            let rest: Vec<&Entry> = en
                .categories
                .iter()
                .flat_map(|c| en.in_category(&c.id, Some(goal)))
                .collect();
            assert_eq!(first.len() + rest.len(), en.entries.len(), "{goal:?}");
            assert!(first.iter().all(|e| e.goals.contains(&goal)));
            assert!(rest.iter().all(|e| !e.goals.contains(&goal)));
        }
        let stretch = en.for_goal(Goal::StretchMarks);
        assert!(stretch.iter().any(|e| e.id == "stretch-marks"));
    }

    #[test]
    fn broken_files_are_rejected_with_the_reason() {
        let good: serde_json::Value = serde_json::from_str(faq_source("en")).unwrap();
        type Break = Box<dyn Fn(&mut serde_json::Value)>;
        let cases: Vec<(&str, Break)> = vec![
            (
                "relates to unknown",
                Box::new(|v| v["entries"][0]["related"][0] = "nope".into()),
            ),
            (
                "cites unknown source",
                Box::new(|v| v["entries"][0]["sources"][0] = "nope".into()),
            ),
            (
                "appears twice",
                Box::new(|v| {
                    let first = v["entries"][0]["id"].clone();
                    v["entries"][1]["id"] = first;
                }),
            ),
            (
                "an empty question",
                Box::new(|v| v["entries"][2]["question"] = " ".into()),
            ),
            (
                "unknown category",
                Box::new(|v| v["entries"][0]["category"] = "x".into()),
            ),
            (
                "not a valid id",
                Box::new(|v| v["entries"][0]["id"] = "Bad Id".into()),
            ),
            (
                "has no text",
                Box::new(|v| {
                    v["goals"].as_array_mut().unwrap().pop();
                }),
            ),
            // The self-check's "something else" is not a goal of the FAQ.
            (
                "goal \"other\" is not one the FAQ offers",
                Box::new(|v| v["goals"][0]["id"] = "other".into()),
            ),
            (
                "has goal \"other\", not one the FAQ offers",
                Box::new(|v| v["entries"][0]["goals"] = serde_json::json!(["other"])),
            ),
            (
                "has no review date",
                Box::new(|v| v["entries"][3]["reviewed"] = "".into()),
            ),
            (
                "has no review date",
                Box::new(|v| v["entries"][3]["reviewed"] = "30/11/2026".into()),
            ),
            (
                "makes clinical statements but cites no source",
                Box::new(|v| {
                    let i = entry_index(v, "how-it-works");
                    v["entries"][i]["sources"] = serde_json::json!([]);
                }),
            ),
            // The answer names JAMA Dermatology (2014); its source is gone.
            (
                "names JAMA Dermatology but its sources do not",
                Box::new(|v| {
                    let i = entry_index(v, "product-absorption");
                    v["entries"][i]["sources"] = serde_json::json!(["singh-2016"]);
                }),
            ),
            // A journal the reference gives no citation for.
            (
                "names Experimental Dermatology but its sources do not",
                Box::new(|v| {
                    let i = entry_index(v, "combining-treatments");
                    let answer = v["entries"][i]["answer"].as_str().unwrap().to_string();
                    v["entries"][i]["answer"] = format!(
                        "{answer}\n\nAn article in Experimental Dermatology recommends it."
                    )
                    .into();
                }),
            ),
            (
                "names Smith et al. but its sources do not",
                Box::new(|v| {
                    v["entries"][0]["answer"] = "Smith et al. found it works.".into();
                }),
            ),
            ("not \"es\"", Box::new(|_| {})),
        ];
        for (expected, break_it) in cases {
            let mut broken = good.clone();
            break_it(&mut broken);
            let code = if expected.contains("\"es\"") {
                "es"
            } else {
                "en"
            };
            let err = FaqContent::parse_checked(code, &broken.to_string()).expect_err(expected);
            assert!(err.contains(expected), "{expected}: {err}");
        }
        assert!(FaqContent::parse("en", "{").is_err());
        // A missing review date or clinical mark is a parse error.
        for field in ["reviewed", "clinical"] {
            let mut broken = good.clone();
            broken["entries"][0].as_object_mut().unwrap().remove(field);
            let err = FaqContent::parse("en", &broken.to_string()).expect_err(field);
            assert!(err.contains(field), "{field}: {err}");
        }
    }
}
