//! Writes each client section's first screen, in every language, into a
//! built `index.html`, so that a person reads it before the WebAssembly
//! has arrived (issue #23). The screens are the app's own components drawn
//! by Leptos natively (`microcare::ui::render::first_screen`), not a copy.
//!
//! ```sh
//! cargo run --bin prerender -- dist
//! ```
//!
//! Each screen goes into a `<template data-mc-page="faq" data-mc-lang="es">`
//! in `<head>`, and `scripts/first-paint.js`, inlined into the empty
//! `<script data-mc-first-paint>` after the app's root element, shows the right one before the first paint (see there).

#[cfg(not(target_family = "wasm"))]
fn main() -> std::process::ExitCode {
    use microcare::core::i18n::{Key, Lang};
    use microcare::ui::render::{
        escape_text, first_screen, first_screen_locale, first_screen_routes,
    };
    use std::path::PathBuf;

    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "dist".into()));
    let index = dir.join("index.html");
    let run = || -> Result<(), String> {
        let html =
            std::fs::read_to_string(&index).map_err(|why| format!("{}: {why}", index.display()))?;
        let script_path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scripts/first-paint.js");
        let script = std::fs::read_to_string(&script_path)
            .map_err(|why| format!("{}: {why}", script_path.display()))?;
        let mut templates = String::new();
        for lang in Lang::ALL {
            // The neutral shell's words: the frame of a screen, its content
            // replaced by this.
            let loading = escape_text(first_screen_locale(lang).t(Key::PageLoading));
            for (name, route) in first_screen_routes() {
                let screen = first_screen(lang, route);
                templates.push_str(&format!(
                    "<template data-mc-page=\"{name}\" data-mc-lang=\"{}\" data-mc-loading=\"{loading}\">{screen}</template>\n",
                    lang.code()
                ));
            }
        }
        let html = html
            .replacen("</head>", &format!("{templates}</head>"), 1)
            .replacen(
                "<script data-mc-first-paint></script>",
                &format!("<script data-mc-first-paint>{}</script>", script.trim()),
                1,
            );
        if html.contains("<script data-mc-first-paint></script>")
            || !html.contains("data-mc-first-paint")
        {
            return Err("index.html has no empty <script data-mc-first-paint> to fill".into());
        }
        std::fs::write(&index, html).map_err(|why| format!("{}: {why}", index.display()))
    };
    match run() {
        Ok(()) => {
            println!(
                "prerender: {} first screens written into {}",
                Lang::ALL.len() * first_screen_routes().len(),
                index.display()
            );
            std::process::ExitCode::SUCCESS
        }
        Err(why) => {
            eprintln!("prerender: {why}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(target_family = "wasm")]
fn main() {}
