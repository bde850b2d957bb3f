//! The FAQ's wording held to the clinical reference and to one plain
//! variety of each language, in every language file: what the answers say
//! of open and unhealed scars, the first 24 hours, how strongly they say
//! it, and the Portuguese and Spanish they say it in. These are tests of
//! the content files (`public/locales/<lang>.faq.json` and their
//! neighbours), kept apart from the code that reads them.

use crate::core::faq::content::faq_source;
use crate::core::faq::content::tests::content;
use crate::core::faq::text::{blocks, Block};
use crate::core::i18n::Lang;

#[test]
fn the_self_check_is_the_questionnaire_and_the_assessment_is_the_clinics() {
    // In Portuguese and Spanish the self-check is "Questionário" /
    // "Cuestionario", never the word for the clinic's own assessment.
    let cases = [
        (
            "pt-BR",
            faq_source("pt-BR"),
            include_str!("../../../public/locales/pt-BR.json"),
            "Questionário",
            "autoavalia",
            "avaliação",
        ),
        (
            "es",
            faq_source("es"),
            include_str!("../../../public/locales/es.json"),
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
        include_str!("../../../public/locales/es.json"),
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
            include_str!("../../../public/locales/en.json"),
            faq_source("en"),
            include_str!("../../../public/locales/en.check.json"),
            include_str!("../../../public/locales/en.aftercare.json"),
        ],
        "pt-BR" => [
            include_str!("../../../public/locales/pt-BR.json"),
            faq_source("pt-BR"),
            include_str!("../../../public/locales/pt-BR.check.json"),
            include_str!("../../../public/locales/pt-BR.aftercare.json"),
        ],
        "es" => [
            include_str!("../../../public/locales/es.json"),
            faq_source("es"),
            include_str!("../../../public/locales/es.check.json"),
            include_str!("../../../public/locales/es.aftercare.json"),
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
