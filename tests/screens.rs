//! The main screens drawn without a browser (Leptos's server-side
//! rendering), as a person reads them: headings, what each screen says
//! first, in every language; never a key name, a placeholder or a blank
//! where a string belongs.
#![cfg(not(target_family = "wasm"))]

use microcare::core::i18n::Lang;
use microcare::core::route::Route;
use microcare::core::schema::{AftercareRecord, ScreeningRecord, Session};
use microcare::ui::render::{render, visible_text, Scene};

/// What a person reads on `scene`'s page, checked for leftovers.
fn read(scene: Scene) -> String {
    let html = render(scene);
    let text = visible_text(&html);
    for leftover in ["{n}", "{date}", "{when}", "{area}", "{query}", "{size}"] {
        assert!(!text.contains(leftover), "{leftover} left in: {text}");
    }
    for key in [" faq.", " check.", " care.", " privacy.", " home.", " nav."] {
        assert!(!text.contains(key), "a key name{key} shows: {text}");
    }
    text
}

fn has(text: &str, words: &[&str]) {
    for w in words {
        assert!(text.contains(w), "missing {w:?} in: {text}");
    }
}

/// 30 November 2026, 10:30 UTC, the scenes' moment.
const NOW: i64 = 1_796_034_600_000;
const HOUR: i64 = 3_600_000;

#[test]
fn home_in_every_language() {
    let cases = [
        (
            Lang::En,
            [
                "Microneedling, explained calmly",
                "Questions",
                "Self-check",
                "Aftercare",
            ],
        ),
        (
            Lang::PtBr,
            ["Microagulhamento", "Perguntas", "Questionário", "Cuidados"],
        ),
        (
            Lang::Es,
            [
                "La micropunción, explicada con calma",
                "Preguntas",
                "Cuestionario",
                "Cuidados",
            ],
        ),
    ];
    for (lang, words) in cases {
        has(&read(Scene::new(lang, Route::Home)), &words);
    }
}

#[test]
fn the_faq_lists_its_questions_closed_and_a_deep_link_opens_its_answer() {
    let text = read(Scene::new(Lang::En, Route::Faq));
    has(
        &text,
        &[
            "Questions and answers",
            "Does it hurt?",
            "Search the questions",
        ],
    );
    // Closed answers are not drawn until opened.
    assert!(!text.contains("Reviewed on"), "{text}");
    let html = render(Scene::new(Lang::En, Route::FaqEntry("does-it-hurt".into())));
    assert!(html.contains("id=\"faq-does-it-hurt\""), "{html}");
    assert!(
        visible_text(&html).contains("Reviewed on 30 November 2026"),
        "{html}"
    );
    has(&read(Scene::new(Lang::Es, Route::Faq)), &["¿Duele?"]);
}

#[test]
fn the_self_check_opens_on_its_intro_and_a_stored_one_on_its_result() {
    has(
        &read(Scene::new(Lang::En, Route::Check)),
        &[
            "Before you start",
            "Keep your answers on this device?",
            "Start the self-check",
        ],
    );
    has(
        &read(Scene::new(Lang::PtBr, Route::Check)),
        &["Antes de começar"],
    );
    let mut scene = Scene::new(Lang::En, Route::Check);
    let answers = [
        ("area", "choice:face"),
        ("goal", "choice:face"),
        ("pregnant", "yes"),
        ("pregnant.date", "date:unknown"),
    ];
    let mut screening = ScreeningRecord {
        consent: true,
        done_on: Some("2026-11-30".into()),
        ..ScreeningRecord::default()
    };
    for (key, code) in answers {
        screening.set_answer(key.into(), code.into());
    }
    for id in [
        "under_18",
        "breastfeeding",
        "infection",
        "skin_flare",
        "sunburn",
        "cancer",
        "bleeding_disorder",
        "keloid",
        "isotretinoin",
        "blood_thinners",
        "diabetes",
        "immune",
        "autoimmune",
        "allergy",
        "cold_sores",
        "dark_marks",
        "filler_toxin",
        "peel_laser",
        "recent_scar",
        "unhealed_scar",
        "tattoo",
    ] {
        screening.set_answer(id.into(), "no".into());
    }
    scene.screening = screening;
    has(
        &read(scene),
        &[
            "Your result",
            "Microneedling should not be booked right now.",
            "Are you pregnant",
        ],
    );
}

#[test]
fn aftercare_asks_for_the_session_then_shows_today() {
    has(
        &read(Scene::new(Lang::En, Route::Aftercare)),
        &["I had a session", "When did the session end?"],
    );
    let mut scene = Scene::new(Lang::En, Route::Aftercare);
    scene.aftercare = AftercareRecord {
        sessions: vec![Session {
            id: "s1".into(),
            end: NOW - HOUR,
            area: microcare::core::area::Area::Face.into(),
            ..Session::default()
        }],
        ..AftercareRecord::default()
    };
    has(
        &read(scene),
        &[
            "Today",
            "No makeup",
            "for another 23 hours",
            "Your sessions",
        ],
    );
}

#[test]
fn privacy_desk_link_and_not_found() {
    has(
        &read(Scene::new(Lang::En, Route::Privacy)),
        &["Your privacy", "Where your data is", "Delete all my data"],
    );
    has(
        &read(Scene::new(Lang::En, Route::Desk)),
        &["When did the session end?", "No clinic.json"],
    );
    let minutes = NOW / 60_000;
    let link = format!("v=1&t={minutes}&a=face&n=2&i=35&l=pt-BR");
    has(
        &read(Scene::new(Lang::PtBr, Route::SessionLink(link))),
        &["Sua clínica registrou uma sessão", "Sessão 2 do seu plano"],
    );
    has(&read(Scene::new(Lang::Es, Route::NotFound)), &["Inicio"]);
}
