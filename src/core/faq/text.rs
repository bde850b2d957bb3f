//! An answer's text as the FAQ shows and searches it: paragraphs and
//! bullet lists rendered as elements (never as HTML), and the folding of
//! case and accents that lets a search for "estrias" find "Estrías".

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::faq::content::tests::content;
    use crate::core::i18n::Lang;

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
}
