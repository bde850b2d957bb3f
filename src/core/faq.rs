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

use crate::core::calendar::CivilDate;
use crate::core::route::is_valid_id;
use serde::Deserialize;
use std::collections::HashSet;

/// Why a person is here; the FAQ leads with what matters for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
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

/// Journals an answer may name (the full title, as a citation gives it).
/// An answer that names one must cite a source whose citation names it.
/// Longer titles first, so that "Clinical, Cosmetic and Investigational
/// Dermatology" is not read as "Dermatology".
const JOURNALS: [&str; 9] = [
    "Clinical, Cosmetic and Investigational Dermatology",
    "Journal of Clinical and Aesthetic Dermatology",
    "Indian Dermatology Online Journal",
    "Plastic and Reconstructive Surgery",
    "Experimental Dermatology",
    "Dermatologic Surgery",
    "JAMA Dermatology",
    "British Journal of Dermatology",
    "Journal of the American Academy of Dermatology",
];

/// Words that only appear in a journal's title: left over once the known
/// titles are taken out, they mean an answer names a journal this list
/// does not know (and so cannot have checked against its sources).
const JOURNAL_WORDS: [&str; 5] = ["Journal", "Dermatology", "Dermatologic", "JAMA", "Lancet"];

/// Authors of studies the clinical reference uses. `true`: the name is also
/// an ordinary word ("Spring"), so it counts only as "Spring et al." or
/// "Spring &".
const AUTHORS: [(&str, bool); 9] = [
    ("Soltani-Arabshahi", false),
    ("Singh", false),
    ("Yadav", false),
    ("Aust", false),
    ("Chu", false),
    ("Juhasz", false),
    ("Cohen", false),
    ("Spring", true),
    ("Fabbrocini", false),
];

/// The studies and journals `answer` names that none of `citations`
/// names, each as written (empty when every one is cited).
///
/// It looks for known journal titles, leftover journal words, known
/// authors, any "Name et al." and any year from 1900 to 2099 (an answer
/// that says "a 2021 review" must cite a source of 2021).
pub fn uncited_names(answer: &str, citations: &[&str]) -> Vec<String> {
    let cited = |name: &str| citations.iter().any(|c| c.contains(name));
    let mut missing = Vec::new();
    let mut rest = answer.to_string();
    for journal in JOURNALS {
        if rest.contains(journal) {
            if !cited(journal) {
                missing.push(journal.to_string());
            }
            rest = rest.replace(journal, " ");
        }
    }
    let words: Vec<&str> = rest
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    for (i, word) in words.iter().enumerate() {
        let next = words.get(i + 1).copied().unwrap_or_default();
        let before_et_al = next == "et" && words.get(i + 2) == Some(&"al");
        if JOURNAL_WORDS.contains(word) {
            missing.push(format!(
                "a journal (\"{word}\") not in the list of journals"
            ));
        } else if let Some((name, _)) = AUTHORS
            .iter()
            .find(|(name, plain_word)| name == word && (!plain_word || before_et_al))
        {
            if !cited(name) {
                missing.push(name.to_string());
            }
        } else if before_et_al && !cited(word) {
            missing.push(format!("{word} et al."));
        } else if word.len() == 4
            && (word.starts_with("19") || word.starts_with("20"))
            && word.chars().all(|c| c.is_ascii_digit())
            && !cited(&format!("{word};"))
        {
            missing.push(format!("a study of {word}"));
        }
    }
    // "Spring & Krakowski" or "Singh & Yadav": the name before "&".
    for (name, _) in AUTHORS {
        if rest.contains(&format!("{name} &")) && !cited(name) && !missing.iter().any(|m| m == name)
        {
            missing.push(name.to_string());
        }
    }
    missing.dedup();
    missing
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
    fn every_study_named_in_an_answer_is_in_its_sources_in_every_language() {
        for lang in Lang::ALL {
            let faq = content(lang.code());
            for entry in &faq.entries {
                let citations: Vec<&str> = entry
                    .sources
                    .iter()
                    .filter_map(|s| faq.source(s))
                    .map(|s| s.citation.as_str())
                    .collect();
                assert_eq!(
                    uncited_names(&entry.answer, &citations),
                    Vec::<String>::new(),
                    "{} {}",
                    lang.code(),
                    entry.id
                );
            }
        }
    }

    #[test]
    fn the_self_check_is_the_questionnaire_and_the_assessment_is_the_clinics() {
        // In Portuguese and Spanish the self-check is "Questionário" /
        // "Cuestionario", never the word for the clinic's own assessment.
        let cases = [
            (
                "pt-BR",
                faq_source("pt-BR"),
                include_str!("../../public/locales/pt-BR.json"),
                "Questionário",
                "autoavalia",
                "avaliação",
            ),
            (
                "es",
                faq_source("es"),
                include_str!("../../public/locales/es.json"),
                "Cuestionario",
                "autoevalua",
                "evaluación",
            ),
        ];
        for (code, faq, ui, name, old, assessment) in cases {
            let ui_json: serde_json::Value = serde_json::from_str(ui).unwrap();
            for key in ["nav.check", "home.check.title", "check.title"] {
                assert_eq!(ui_json["ui"][key], name, "{code} {key}");
            }
            for text in [faq, ui] {
                assert!(!text.to_lowercase().contains(old), "{code}: {old}");
                assert!(text.contains(assessment), "{code}: {assessment}");
            }
            assert!(
                faq.contains(&name.to_lowercase()),
                "{code}: FAQ never names it"
            );
        }
    }

    #[test]
    fn the_spanish_is_one_latin_american_variety() {
        let es = [
            faq_source("es"),
            include_str!("../../public/locales/es.json"),
        ];
        for text in es {
            // "añadir" (agregar) and "valorar" (evaluar), not inside "dañada".
            let words: Vec<&str> = text.split(|c: char| !c.is_alphabetic()).collect();
            for stem in ["añad", "valora", "valoré"] {
                assert!(!words.iter().any(|w| w.starts_with(stem)), "es: {stem}");
            }
            for spain in [
                "vosotros",
                "vuestr",
                "ordenador",
                "móvil",
                "cualificad",
                "introduc",
                "ningún sitio",
                "No lo sé",
                "coger",
                "conducir",
                "has tomado",
                "has tenido",
            ] {
                assert!(!text.contains(spain), "es: {spain}");
            }
        }
        assert!(es[1].contains("agrega"), "es: agregar");
    }

    #[test]
    fn uncited_names_table() {
        let jama =
            "Soltani-Arabshahi R, et al. Facial granulomas. JAMA Dermatology. 2014;150(1):68-72.";
        let chu = "Chu S, Foulad DP. Safety profile. Dermatologic Surgery. 2021;47(9):1249-1254.";
        let spring =
            "Spring LK, Krakowski AC. Isotretinoin. JAMA Dermatology. 2017;153(8):802-809.";
        let cases: &[(&str, &[&str], &[&str])] = &[
            ("No study here. Sessions last 30 minutes.", &[], &[]),
            ("Cases reported in JAMA Dermatology in 2014.", &[jama], &[]),
            (
                "Cases reported in JAMA Dermatology in 2014.",
                &[chu],
                &["JAMA Dermatology", "a study of 2014"],
            ),
            ("A 2021 review in Dermatologic Surgery.", &[chu], &[]),
            (
                "A 2021 review in Dermatologic Surgery.",
                &[jama],
                &["Dermatologic Surgery", "a study of 2021"],
            ),
            (
                "An article in Experimental Dermatology recommends it.",
                &[jama, chu],
                &["Experimental Dermatology"],
            ),
            (
                "Studies in The Journal of Clinical and Aesthetic Dermatology.",
                &[],
                &["Journal of Clinical and Aesthetic Dermatology"],
            ),
            (
                "Un estudio de Clinical, Cosmetic and Investigational Dermatology.",
                &[chu],
                &["Clinical, Cosmetic and Investigational Dermatology"],
            ),
            (
                "A paper in the Journal of Skin Things says so.",
                &[],
                &["a journal (\"Journal\") not in the list of journals"],
            ),
            ("Chu et al. found mild effects.", &[chu], &[]),
            ("Chu et al. found mild effects.", &[jama], &["Chu"]),
            ("Smith et al. found it.", &[chu], &["Smith et al."]),
            (
                "Soltani-Arabshahi described granulomas.",
                &[chu],
                &["Soltani-Arabshahi"],
            ),
            (
                "Spring et al. found the evidence weak.",
                &[jama],
                &["Spring"],
            ),
            ("Spring et al. found the evidence weak.", &[spring], &[]),
            ("Spring & Krakowski wrote it.", &[chu], &["Spring"]),
            // An ordinary word is not an author.
            ("In spring or autumn. Spring is fine too.", &[], &[]),
            ("Segundo a revisão de 2017.", &[spring], &[]),
        ];
        for (answer, citations, expected) in cases {
            let expected: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
            assert_eq!(&uncited_names(answer, citations), &expected, "{answer}");
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
    fn an_open_scar_means_not_now_and_an_unhealed_one_is_asked_about_in_every_language() {
        // Reference: an open, scabbed or weeping scar is an open wound (NOT
        // NOW, wait until healed); a closed scar that is not fully healed,
        // whatever its age, is ASK. The FAQ names the self-check's outcome.
        let cases = [
            (
                "en",
                "open",
                "wait",
                "not fully healed",
                "scabbed",
                "“not now”",
            ),
            (
                "pt-BR",
                "abert",
                "espere",
                "não terminou de cicatrizar",
                "casquinha",
                "“agora não”",
            ),
            (
                "es",
                "abierta",
                "espera",
                "no terminó de curarse",
                "costra",
                "«ahora no»",
            ),
        ];
        for (code, open, wait, unhealed, scab, not_now) in cases {
            let faq = content(code);
            let scars = &faq.entry("surgical-scars").unwrap().answer;
            let mut says_wait = false;
            for block in blocks(scars) {
                match block {
                    // The list is what a professional must see first.
                    Block::List(items) => {
                        for item in items {
                            assert!(
                                !item.to_lowercase().contains(open),
                                "{code}: an open scar listed as 'ask first': {item:?}"
                            );
                        }
                    }
                    Block::Paragraph(text) => {
                        let text = text.to_lowercase();
                        says_wait |=
                            text.contains(open) && text.contains(wait) && text.contains(not_now);
                    }
                }
            }
            assert!(
                says_wait,
                "{code}: surgical-scars never says to wait for an open scar"
            );
            let ask = &faq.entry("ask-first").unwrap().answer;
            assert!(
                ask.contains(unhealed),
                "{code}: ask-first lacks an unhealed scar"
            );
            let not_now = &faq.entry("who-should-not").unwrap().answer;
            assert!(
                not_now.contains(scab),
                "{code}: who-should-not lacks {scab:?}"
            );
        }
    }

    /// Every content file of a language as written: the interface, the FAQ,
    /// the self-check and aftercare.
    fn all_files(code: &str) -> [&'static str; 4] {
        match code {
            "en" => [
                include_str!("../../public/locales/en.json"),
                faq_source("en"),
                include_str!("../../public/locales/en.check.json"),
                include_str!("../../public/locales/en.aftercare.json"),
            ],
            "pt-BR" => [
                include_str!("../../public/locales/pt-BR.json"),
                faq_source("pt-BR"),
                include_str!("../../public/locales/pt-BR.check.json"),
                include_str!("../../public/locales/pt-BR.aftercare.json"),
            ],
            "es" => [
                include_str!("../../public/locales/es.json"),
                faq_source("es"),
                include_str!("../../public/locales/es.check.json"),
                include_str!("../../public/locales/es.aftercare.json"),
            ],
            other => panic!("no files for {other}"),
        }
    }

    /// Every text a reader sees in a language: the string values of its
    /// files, leaving out ids, categories, dates and links between entries.
    fn prose(code: &str) -> Vec<String> {
        fn is_id(s: &str) -> bool {
            s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        }
        fn walk(value: &serde_json::Value, out: &mut Vec<String>) {
            match value {
                serde_json::Value::String(s) if !is_id(s) => out.push(s.clone()),
                serde_json::Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
                serde_json::Value::Object(fields) => fields.values().for_each(|v| walk(v, out)),
                _ => {}
            }
        }
        let mut out = Vec::new();
        for file in all_files(code) {
            walk(&serde_json::from_str(file).unwrap(), &mut out);
        }
        out
    }

    #[test]
    fn the_portuguese_is_one_brazilian_portuguese() {
        // "Sarar"/"sarado" is Portugal's word (in Brazil "sarado" means
        // muscular); "skincare", "quietinha" and "espinhas de acne" are
        // slang or a pleonasm; a day range is "entre o 7º e o 10º dia", not
        // "a partir do 7º ao 10º dia"; raised scars have one name.
        for text in prose("pt-BR") {
            let lower = text.to_lowercase();
            for word in [
                "sarad",
                "sarou",
                "sarar",
                "skincare",
                "quietinha",
                "espinhas de acne",
                "grossas e altas",
                "º ao ",
                "º a ",
            ] {
                assert!(!lower.contains(word), "pt-BR: {word:?} in {text:?}");
            }
            assert_eq!(
                lower.matches("hipertrófic").count(),
                lower.matches("cicatrizes elevadas (hipertróficas)").count(),
                "pt-BR: raised scars named another way in {text:?}"
            );
        }
    }

    #[test]
    fn the_portuguese_and_the_spanish_write_for_every_reader() {
        // The reader is not assumed to be a woman: no "você mesma", "a
        // cliente", "estás segura". Only the pregnancy question itself keeps
        // the plain word for its condition ("grávida", "embarazada").
        let cases: [(&str, &[&str]); 2] = [
            (
                "pt-BR",
                &[
                    "você mesma",
                    "a cliente",
                    "à cliente",
                    "pela cliente",
                    "sozinha ",
                    "sozinha.",
                    "você está pronta",
                    "você está segura",
                    "se sente segura",
                    "preparada",
                    "informada",
                    "que está grávida",
                    "esteve grávida",
                ],
            ),
            (
                "es",
                &[
                    "usted misma",
                    "tú misma",
                    "clienta",
                    "estás segura",
                    "estés segura",
                    "estás lista",
                    "preparada",
                    "informada",
                    "estar embarazada",
                    "estuviste embarazada",
                ],
            ),
        ];
        for (code, feminine) in cases {
            let prose = prose(code);
            for text in &prose {
                let lower = text.to_lowercase();
                for phrase in feminine {
                    assert!(!lower.contains(phrase), "{code}: {phrase:?} in {text:?}");
                }
            }
            let pregnant = ["grávida", "embarazada"];
            let gendered: Vec<&String> = prose
                .iter()
                .filter(|t| pregnant.iter().any(|w| t.contains(w)))
                .collect();
            assert_eq!(gendered.len(), 1, "{code}: {gendered:?}");
        }
    }

    /// Whether `text` has a day range written "día 7 a 10".
    fn has_day_range(text: &str, day: &str) -> bool {
        text.match_indices(day).any(|(at, _)| {
            let rest = text[at + day.len()..].trim_start();
            let digits = rest.chars().take_while(char::is_ascii_digit).count();
            digits > 0
                && rest[digits..]
                    .strip_prefix(" a ")
                    .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
        })
    }

    #[test]
    fn the_spanish_speaks_to_every_reader_as_tu_with_one_style() {
        // The session link and the printed card said "usted" where the
        // rest of the app says "tú"; "He leído" is Spain's tense; one name
        // for progress photos, one style of quotation marks (« »), and day
        // ranges as "entre el día 7 y el 10".
        let usted = [
            "usted",
            "Contacte",
            "Escanee",
            "Toque",
            "toque",
            "Revise",
            "Recargue",
            "vuelva",
            "Pida",
            "agregue",
            "Seleccione",
            "cópielo",
            "Ingrese",
            "Compruebe",
            "Corrija",
        ];
        for text in prose("es") {
            let words: Vec<&str> = text.split(|c: char| !c.is_alphabetic()).collect();
            for word in usted {
                assert!(!words.contains(&word), "es: {word:?} in {text:?}");
            }
            let lower = text.to_lowercase();
            for phrase in [
                "su clínica",
                "sus cuidados",
                "su plan",
                "su teléfono",
                "su configuración",
                "le envió",
                "he leído",
                "fotos de evolución",
            ] {
                assert!(!lower.contains(phrase), "es: {phrase:?} in {text:?}");
            }
            assert!(!text.contains(['“', '”']), "es: “ ” in {text:?}");
            assert!(!has_day_range(&text, "día"), "es: a day range in {text:?}");
        }
        // English and Portuguese keep their own “ ”.
        for code in ["en", "pt-BR"] {
            for text in prose(code) {
                assert!(!text.contains(['«', '»']), "{code}: « » in {text:?}");
            }
        }
        assert!(has_day_range("a partir del día 7 a 10", "día"));
        assert!(!has_day_range("entre el día 7 y el 10", "día"));
    }

    #[test]
    fn the_wording_is_no_stronger_than_the_sources_in_every_language() {
        // "Absorbs much more", "most people notice", "usually need more
        // sessions" go beyond the sources; "it is better to"/"it suits" is
        // softer than the English "should not be booked" and "should".
        let cases: [(&str, &[&str]); 3] = [
            (
                "en",
                &[
                    "much more than usual",
                    "most people",
                    "usually need more",
                    "much more comfortable",
                    "most common reasons",
                ],
            ),
            (
                "pt-BR",
                &[
                    "muito mais do que o normal",
                    "a maioria das pessoas",
                    "costumam pedir mais",
                    "é bom que",
                    "não é o momento de agendar",
                    "bem mais confortável",
                    "motivos mais comuns",
                ],
            ),
            (
                "es",
                &[
                    "mucho más de lo normal",
                    "la mayoría de las personas",
                    "suelen necesitar más",
                    "no conviene reservar",
                    "conviene que",
                    "conviene posponer",
                    "mucho más llevadero",
                    "motivos más frecuentes",
                ],
            ),
        ];
        for (code, too_strong) in cases {
            for text in prose(code) {
                let lower = text.to_lowercase();
                for phrase in too_strong {
                    assert!(!lower.contains(phrase), "{code}: {phrase:?} in {text:?}");
                }
            }
        }
    }

    #[test]
    fn the_first_24_hours_offer_no_cleanser_in_every_language() {
        // Reference: 0-24 h only the clinic's product or a gentle
        // fragrance-free moisturiser; a gentle cleanser from day 1.
        for (code, cleanser, then, next_day) in [
            ("en", "cleanser", "then", "next day"),
            ("pt-BR", "sabonete", "depois", "dia seguinte"),
            ("es", "limpiador", "después", "día siguiente"),
        ] {
            let faq = content(code);
            for id in ["skincare-after", "aftercare-overview"] {
                let items: Vec<String> = blocks(&faq.entry(id).unwrap().answer)
                    .into_iter()
                    .flat_map(|b| match b {
                        Block::List(items) => items,
                        Block::Paragraph(_) => vec![],
                    })
                    .collect();
                assert!(
                    items.iter().any(|i| i.contains("24")),
                    "{code} {id}: nothing says what the first 24 hours allow"
                );
                for item in items.iter().filter(|i| i.contains(cleanser)) {
                    let after_day_one = item.contains(next_day)
                        || item.split_once(then).is_some_and(|(first, _)| {
                            first.contains("24") && !first.contains(cleanser)
                        });
                    assert!(
                        after_day_one,
                        "{code} {id}: a cleanser not kept for after the first 24 hours: {item:?}"
                    );
                }
            }
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

    fn entry_index(v: &serde_json::Value, id: &str) -> usize {
        v["entries"]
            .as_array()
            .unwrap()
            .iter()
            .position(|e| e["id"] == id)
            .unwrap()
    }
}
