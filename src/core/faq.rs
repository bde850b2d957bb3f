//! The knowledge base: questions and answers, their categories, the goals a
//! person may have, sources, search and goal ordering.
//!
//! Each language has one file, `public/locales/<code>.faq.json`, loaded when
//! the FAQ is first opened. [`FaqContent::parse`] rejects a file with a
//! missing piece, so a broken file fails the tests, never a client's phone.
//!
//! ```
//! use microcare::core::faq::{normalize, Block, blocks};
//! assert_eq!(normalize("Estrías"), "estrias");
//! assert_eq!(
//!     blocks("One.\n\n- a\n- b"),
//!     vec![Block::Paragraph("One.".into()), Block::List(vec!["a".into(), "b".into()])]
//! );
//! ```

use crate::core::json::Json;
use crate::core::route::is_valid_id;
use std::collections::HashSet;

/// Why a person is here; the FAQ leads with what matters for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Goal {
    StretchMarks,
    Scars,
    AcneScars,
    Face,
    Curious,
}

impl Goal {
    pub const ALL: [Goal; 5] = [
        Goal::StretchMarks,
        Goal::Scars,
        Goal::AcneScars,
        Goal::Face,
        Goal::Curious,
    ];

    /// The id used in content files and saved settings.
    pub fn id(self) -> &'static str {
        match self {
            Goal::StretchMarks => "stretch_marks",
            Goal::Scars => "scars",
            Goal::AcneScars => "acne_scars",
            Goal::Face => "face",
            Goal::Curious => "curious",
        }
    }

    pub fn from_id(id: &str) -> Option<Goal> {
        Goal::ALL.into_iter().find(|goal| goal.id() == id)
    }
}

/// Another section of the app an answer points to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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

#[derive(Clone, Debug)]
pub struct Category {
    pub id: String,
    pub title: String,
}

/// A goal's name and the realistic expectations that go with it.
#[derive(Clone, Debug)]
pub struct GoalText {
    pub id: Goal,
    pub label: String,
    pub expectations: String,
}

#[derive(Clone, Debug)]
pub struct Entry {
    pub id: String,
    pub category: String,
    pub goals: Vec<Goal>,
    pub question: String,
    /// Paragraphs separated by a blank line; list items start with `- `.
    pub answer: String,
    pub related: Vec<String>,
    pub sources: Vec<String>,
    pub action: Option<Action>,
}

#[derive(Clone, Debug)]
pub struct Source {
    pub id: String,
    pub citation: String,
}

/// One language's FAQ.
#[derive(Clone, Debug)]
pub struct FaqContent {
    pub lang: String,
    /// When the content as a whole was last reviewed, `YYYY-MM-DD`.
    pub last_reviewed: String,
    pub categories: Vec<Category>,
    pub goals: Vec<GoalText>,
    pub entries: Vec<Entry>,
    pub sources: Vec<Source>,
    /// Each entry's question and answer, normalised for search.
    search_text: Vec<(String, String)>,
}

/// A piece of an answer, rendered as an element (never as HTML).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Paragraph(String),
    List(Vec<String>),
}

/// Splits an answer into paragraphs and bullet lists.
pub fn blocks(answer: &str) -> Vec<Block> {
    answer
        .split("\n\n")
        .map(str::trim)
        .filter(|chunk| !chunk.is_empty())
        .flat_map(|chunk| {
            // A chunk may start with a lead-in line and continue as a list.
            let mut out = Vec::new();
            let mut text = Vec::new();
            let mut items = Vec::new();
            for line in chunk.lines().map(str::trim) {
                if let Some(item) = line.strip_prefix("- ") {
                    if !text.is_empty() {
                        out.push(Block::Paragraph(text.join(" ")));
                        text.clear();
                    }
                    items.push(item.trim().to_string());
                } else {
                    if !items.is_empty() {
                        out.push(Block::List(std::mem::take(&mut items)));
                    }
                    text.push(line);
                }
            }
            if !text.is_empty() {
                out.push(Block::Paragraph(text.join(" ")));
            }
            if !items.is_empty() {
                out.push(Block::List(items));
            }
            out
        })
        .collect()
}

/// Lower case without accents, so that "cicatriz" finds "Cicatrizes" and
/// "estrias" finds "Estrías".
///
/// Only the Latin letters of our three languages are folded: the full
/// Unicode case tables would add kilobytes to the download for nothing.
pub fn normalize(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'A'..='Z' => c.to_ascii_lowercase(),
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => {
                'a'
            }
            'ç' | 'Ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
            'ñ' | 'Ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
            'ý' | 'ÿ' | 'Ý' => 'y',
            other => other,
        })
        .collect()
}

impl FaqContent {
    /// Parses one language's FAQ file as the app loads it. The committed
    /// files are checked in full by [`FaqContent::parse_checked`] in the
    /// tests, so the phone only checks the language; a reference that does
    /// not resolve is simply not shown.
    pub fn parse(lang_code: &str, json: &str) -> Result<FaqContent, String> {
        let json = Json::parse(json)?;
        let mut content = FaqContent::from_json(&json)?;
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

    /// Reads the file's JSON by hand (see `core::json` for why).
    fn from_json(json: &Json) -> Result<FaqContent, String> {
        Ok(FaqContent {
            lang: text(json, "lang")?,
            last_reviewed: text(json, "last_reviewed")?,
            categories: list(json, "categories", |c| {
                Ok(Category {
                    id: text(c, "id")?,
                    title: text(c, "title")?,
                })
            })?,
            goals: list(json, "goals", |g| {
                let id = text(g, "id")?;
                Ok(GoalText {
                    id: Goal::from_id(&id).ok_or_else(|| format!("unknown goal \"{id}\""))?,
                    label: text(g, "label")?,
                    expectations: text(g, "expectations")?,
                })
            })?,
            entries: list(json, "entries", |e| {
                let action = match e.get("action") {
                    None | Some(Json::Null) => None,
                    Some(_) => {
                        let id = text(e, "action")?;
                        Some(
                            Action::from_id(&id)
                                .ok_or_else(|| format!("unknown action \"{id}\""))?,
                        )
                    }
                };
                Ok(Entry {
                    id: text(e, "id")?,
                    category: text(e, "category")?,
                    goals: list(e, "goals", |g| {
                        let id = g.as_str().unwrap_or_default();
                        Goal::from_id(id).ok_or_else(|| format!("unknown goal \"{id}\""))
                    })?,
                    question: text(e, "question")?,
                    answer: text(e, "answer")?,
                    related: texts(e, "related")?,
                    sources: texts(e, "sources")?,
                    action,
                })
            })?,
            sources: list(json, "sources", |s| {
                Ok(Source {
                    id: text(s, "id")?,
                    citation: text(s, "citation")?,
                })
            })?,
            search_text: Vec::new(),
        })
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
    /// text, references that do not resolve, goals without text.
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
        if crate::core::calendar::CivilDate::parse_iso(&self.last_reviewed).is_none() {
            problems.push(format!(
                "last_reviewed \"{}\" is not YYYY-MM-DD",
                self.last_reviewed
            ));
        }
        for category in &self.categories {
            if category.title.trim().is_empty() {
                problems.push(format!("category \"{}\" has no title", category.id));
            }
        }
        for goal in Goal::ALL {
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

/// The string field `key` of `json`.
fn text(json: &Json, key: &str) -> Result<String, String> {
    json.get(key)
        .and_then(Json::as_str)
        .map(str::to_string)
        .ok_or_else(|| format!("{key} is missing or not text"))
}

/// The array field `key` of `json`, each item read by `item`; a missing
/// field is an empty list.
fn list<T>(
    json: &Json,
    key: &str,
    item: impl Fn(&Json) -> Result<T, String>,
) -> Result<Vec<T>, String> {
    match json.get(key) {
        None => Ok(Vec::new()),
        Some(Json::Array(items)) => items.iter().map(item).collect(),
        Some(_) => Err(format!("{key} is not a list")),
    }
}

fn texts(json: &Json, key: &str) -> Result<Vec<String>, String> {
    list(json, key, |v| {
        v.as_str()
            .map(str::to_string)
            .ok_or_else(|| format!("{key} holds something that is not text"))
    })
}

/// The committed FAQ files, for tests.
#[cfg(test)]
pub(crate) fn faq_source(code: &str) -> &'static str {
    match code {
        "en" => include_str!("../../public/locales/en.faq.json"),
        "pt-BR" => include_str!("../../public/locales/pt-BR.faq.json"),
        "es" => include_str!("../../public/locales/es.faq.json"),
        other => panic!("no FAQ for {other}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::i18n::Lang;

    fn content(code: &str) -> FaqContent {
        FaqContent::parse_checked(code, faq_source(code)).unwrap_or_else(|e| panic!("{code}: {e}"))
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
            assert_eq!(en.last_reviewed, other.last_reviewed);
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
        for goal in Goal::ALL {
            assert!(!en.for_goal(goal).is_empty(), "nothing for {goal:?}");
        }
    }

    #[test]
    fn the_content_follows_the_clinical_reference() {
        for lang in Lang::ALL {
            let text = faq_source(lang.code()).to_lowercase();
            for banned in [
                "90%",
                "non-invasive",
                "não invasivo",
                "no invasivo",
                "não-invasivo",
            ] {
                assert!(!text.contains(banned), "{}: says {banned:?}", lang.code());
            }
            assert!(!text.contains('<'), "{}: markup in content", lang.code());
        }
        let en = content("en");
        let all = en
            .entries
            .iter()
            .map(|e| e.answer.as_str())
            .collect::<String>();
        for fact in [
            "24 hours",
            "minimally invasive",
            "30 minutes",
            "collagen",
            "elastin",
            "fibroblast",
            "keloid",
        ] {
            assert!(all.contains(fact), "the FAQ never mentions {fact:?}");
        }
    }

    #[test]
    fn answers_are_paragraphs_and_lists_only() {
        for lang in Lang::ALL {
            for entry in &content(lang.code()).entries {
                let parsed = blocks(&entry.answer);
                assert!(!parsed.is_empty(), "{}", entry.id);
                for block in parsed {
                    match block {
                        Block::Paragraph(text) => assert!(!text.is_empty()),
                        Block::List(items) => assert!(items.iter().all(|i| !i.is_empty())),
                    }
                }
            }
        }
    }

    #[test]
    fn blocks_table() {
        let cases: &[(&str, Vec<Block>)] = &[
            ("", vec![]),
            ("One.", vec![Block::Paragraph("One.".into())]),
            (
                "One.\n\nTwo\nlines.",
                vec![
                    Block::Paragraph("One.".into()),
                    Block::Paragraph("Two lines.".into()),
                ],
            ),
            (
                "Lead:\n- a\n- b\n\nEnd.",
                vec![
                    Block::Paragraph("Lead:".into()),
                    Block::List(vec!["a".into(), "b".into()]),
                    Block::Paragraph("End.".into()),
                ],
            ),
            (
                "- only\n- items",
                vec![Block::List(vec!["only".into(), "items".into()])],
            ),
            ("\n\n\n\nx\n\n\n", vec![Block::Paragraph("x".into())]),
        ];
        for (text, expected) in cases {
            assert_eq!(&blocks(text), expected, "{text:?}");
        }
    }

    #[test]
    fn normalize_table() {
        let cases = [
            ("Cicatrizes", "cicatrizes"),
            ("Estrías", "estrias"),
            ("AÇÃO", "acao"),
            ("micropunción", "micropuncion"),
            ("", ""),
            ("ÀÉÎÕÜ Ñ", "aeiou n"),
        ];
        for (text, expected) in cases {
            assert_eq!(normalize(text), expected);
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
        for goal in Goal::ALL {
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
    }
}
