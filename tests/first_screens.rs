//! The first screens the build writes into `index.html` (issue #23,
//! `src/bin/prerender.rs`): every section in every language, drawn by the
//! app's own components, as a person reads them before the WebAssembly has
//! arrived, and what of the stored data changes them (which
//! `scripts/first-paint.js` must check before showing one).
#![cfg(not(target_family = "wasm"))]

use microcare::core::area::Area;
use microcare::core::goal::Goal;
use microcare::core::i18n::{Key, Lang, Locale};
use microcare::core::route::Route;
use microcare::core::schema::{AftercareRecord, ScreeningRecord, Session, Settings};
use microcare::ui::render::{first_screen, first_screen_routes, render, visible_text, Scene};

fn locale(lang: Lang) -> Locale {
    let path = format!(
        "{}/public/locales/{}.json",
        env!("CARGO_MANIFEST_DIR"),
        lang.code()
    );
    Locale::parse(lang, &std::fs::read_to_string(path).unwrap()).unwrap()
}

fn title(route: &Route) -> Key {
    match route {
        Route::Home => Key::HomeTitle,
        Route::Faq => Key::FaqTitle,
        Route::Check => Key::CheckTitle,
        Route::Aftercare => Key::AftercareTitle,
        Route::Privacy => Key::PrivacyTitle,
        other => panic!("{other:?} has no first screen written at build time"),
    }
}

#[test]
fn every_section_in_every_language_shows_its_heading_and_no_key_name() {
    for lang in Lang::ALL {
        let words = locale(lang);
        for (name, route) in first_screen_routes() {
            let html = first_screen(lang, route.clone());
            let heading = format!(
                "<h1 id=\"mc-page-title\" tabindex=\"-1\">{}</h1>",
                words.t(title(&route))
            );
            assert!(
                html.contains(&heading),
                "{name} in {}: no {heading}",
                lang.code()
            );
            let text = visible_text(&html);
            for leftover in ["{n}", "{date}", "{when}", "{query}", "{area}"] {
                assert!(
                    !text.contains(leftover),
                    "{name} {}: {leftover} in {text}",
                    lang.code()
                );
            }
            for key in [
                "app.", "faq.", "check.", "care.", "privacy.", "home.", "nav.",
            ] {
                assert!(
                    !text.contains(&format!(" {key}")),
                    "{name} {}: a key {key} in {text}",
                    lang.code()
                );
            }
            assert!(
                !html.contains("<!"),
                "{name} {}: Leptos markers left",
                lang.code()
            );
        }
    }
}

#[test]
fn the_build_writes_the_apps_own_screen_not_a_copy() {
    // What a person reads on the build's first screen is what the app
    // draws on a first visit: the same components, the same words.
    let waiting = locale(Lang::Es).t(Key::AnswerLoading).to_string();
    for (name, route) in first_screen_routes() {
        let built = visible_text(&first_screen(Lang::Es, route.clone())).replace(&waiting, "");
        let app = visible_text(&render(Scene::new(Lang::Es, route)));
        assert_eq!(
            built.split_whitespace().collect::<Vec<_>>(),
            app.split_whitespace().collect::<Vec<_>>(),
            "{name}"
        );
    }
}

#[test]
fn controls_wait_for_the_app_but_the_search_and_the_answers() {
    for (name, route) in first_screen_routes() {
        let html = first_screen(Lang::En, route);
        for tag in ["<button", "<select", "<textarea", "<input"] {
            for (at, _) in html.match_indices(tag) {
                let element = &html[at..at + html[at..].find('>').unwrap()];
                let usable_before_start = element.contains("id=\"mc-faq-search\"");
                assert_eq!(
                    element.contains(" disabled"),
                    !usable_before_start,
                    "{name}: {element}"
                );
            }
        }
    }
    let faq = first_screen(Lang::PtBr, Route::Faq);
    assert!(
        faq.contains("<input id=\"mc-faq-search\""),
        "the search can be typed in"
    );
    // An answer opened before the app starts says it is coming.
    let waiting = locale(Lang::PtBr).t(Key::AnswerLoading).to_string();
    let answers = faq.matches("<details").count();
    assert!(answers > 20, "{answers} answers");
    assert_eq!(
        faq.matches(&format!("<p class=\"mc-status\">{waiting}</p></details>"))
            .count(),
        answers
    );
}

/// Something a person may have stored, and the sections whose first
/// screen it changes: `scripts/first-paint.js` shows the neutral shell on
/// exactly these (it is stricter for the self-check's answers: with
/// consent given, every section but the FAQ).
fn stored_cases() -> Vec<(&'static str, Scene, &'static str)> {
    let base = |route| Scene::new(Lang::En, route);
    let with_goal = |route| Scene {
        settings: Settings {
            goal: Some(Goal::AcneScars),
            ..Settings::default()
        },
        ..base(route)
    };
    let with_session = |route| Scene {
        aftercare: AftercareRecord {
            sessions: vec![Session {
                id: "s1".into(),
                end: 1_796_034_600_000 - 3_600_000,
                area: Area::Face.into(),
                ..Session::default()
            }],
            ..AftercareRecord::default()
        },
        ..base(route)
    };
    let with_answers = |route| Scene {
        screening: ScreeningRecord {
            consent: true,
            answers: [("pregnant".to_string(), "no".to_string())].into(),
            step: 1,
            done_on: None,
        },
        ..base(route)
    };
    let mut cases = Vec::new();
    for (name, route) in first_screen_routes() {
        cases.push(("goal", with_goal(route.clone()), name));
        cases.push(("session", with_session(route.clone()), name));
        cases.push(("answers", with_answers(route), name));
    }
    cases
}

/// Which stored data first-paint.js takes as changing which section.
fn first_paint_js_goes_neutral(what: &str, section: &str) -> bool {
    match what {
        "goal" => section == "faq",
        "session" | "answers" => section != "faq",
        other => panic!("{other}"),
    }
}

#[test]
fn every_stored_change_to_a_first_screen_is_one_first_paint_js_checks() {
    let script = include_str!("../scripts/first-paint.js");
    // The rule below, as the script writes it.
    assert!(script.contains("(page === 'faq' ? !!settings.goal : sessions || answered)"));
    for (what, scene, section) in stored_cases() {
        let route = scene.route.clone();
        let changed = render(scene) != render(Scene::new(Lang::En, route));
        if changed {
            assert!(
                first_paint_js_goes_neutral(what, section),
                "a stored {what} changes the {section} screen: first-paint.js must show the neutral shell there"
            );
        }
    }
}
