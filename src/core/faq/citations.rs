//! Every study or journal an answer names must be among its sources: the
//! names an answer may use (journals, authors, "et al.", years), and the
//! check that finds the ones it does not cite.

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::faq::content::tests::content;
    use crate::core::i18n::Lang;

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
}
