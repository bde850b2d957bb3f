//! The app drawn to HTML without a browser (Leptos's server-side
//! rendering, natively): the screens' tests, and the pages written at
//! build time into `index.html` (`src/bin/prerender.rs`).
//!
//! Every context is built from plain data ([`Scene`]): the language files
//! are read from `public/locales`, the clock, the time zone, the stored
//! records and the clinic are given. The app's effects and event handlers,
//! where it calls the browser, do not run here.
//!
//! ```
//! use microcare::core::i18n::Lang;
//! use microcare::core::route::Route;
//! use microcare::ui::render::{render, Scene};
//! let html = render(Scene::new(Lang::PtBr, Route::Faq));
//! assert!(html.contains("Perguntas"));
//! ```

use crate::core::files::{file_path, LoadError};
use crate::core::i18n::{Key, Lang, Locale, TextFile};
use crate::core::route::Route;
use crate::core::schema::{AftercareRecord, ScreeningRecord, Settings};
use crate::core::time::Millis;
use crate::ui::app::{App, Boot};
use crate::ui::clinic::ClinicSetup;
use crate::ui::data::AppData;
use crate::ui::env::Env;
use crate::ui::files::Files;
use futures::executor::{LocalPool, LocalSpawner};
use futures::task::LocalSpawnExt;
use leptos::prelude::*;
use std::cell::RefCell;
use std::path::PathBuf;
use std::sync::Arc;

/// What a page is drawn from.
#[derive(Clone)]
pub struct Scene {
    pub lang: Lang,
    pub route: Route,
    /// The moment: Monday 30 November 2026, 10:30 UTC unless set.
    pub now: Millis,
    pub settings: Settings,
    pub screening: ScreeningRecord,
    pub aftercare: AftercareRecord,
    pub clinic: Arc<ClinicSetup>,
    /// The folder of the language files.
    pub locales: PathBuf,
}

impl Scene {
    /// `route` in `lang`, with nothing stored and no clinic file.
    pub fn new(lang: Lang, route: Route) -> Scene {
        Scene {
            lang,
            route,
            now: 1_796_034_600_000,
            settings: Settings::default(),
            screening: ScreeningRecord::default(),
            aftercare: AftercareRecord::default(),
            clinic: Arc::new(ClinicSetup::default()),
            locales: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("public"),
        }
    }
}

/// The language files read from `folder` (the app's folder: `public`, or
/// a built `dist`): every read is ready at once.
pub fn files_from(folder: PathBuf) -> Files {
    Files::new(move |path: &str| Box::pin(std::future::ready(read_file(&folder, path))))
}

/// One file of the app's folder `folder`, as the browser's fetch reads it.
pub fn read_file(folder: &std::path::Path, path: &str) -> Result<String, LoadError> {
    std::fs::read_to_string(folder.join(path))
        .map_err(|why| LoadError::Network(format!("{path}: {why}")))
}

/// The whole app for `scene`, as HTML, with every section it waits for
/// resolved. Leptos's markers between text nodes (`<!>`) are kept.
pub fn render(scene: Scene) -> String {
    init_executor();
    let locale = read_locale(&scene.locales, scene.lang);
    let boot = Boot {
        locale,
        data: AppData::for_render(scene.settings, scene.screening, scene.aftercare),
        clinic: scene.clinic,
        env: Env {
            languages: vec![scene.lang.code().to_string()],
            ..Env::default()
        },
        now: scene.now,
        files: files_from(scene.locales),
        route: scene.route,
    };
    let owner = Owner::new();
    let html = owner.with(|| to_html_resolved(view! { <App boot/> }));
    drop(owner);
    html
}

/// The interface text of `lang` the first screens are drawn with (the
/// project's `public/`); a missing or broken file is a broken build.
pub fn first_screen_locale(lang: Lang) -> Locale {
    read_locale(&Scene::new(lang, Route::Home).locales, lang)
}

/// The main language file of `lang` in `folder`; a missing or broken one
/// is a broken build.
fn read_locale(folder: &std::path::Path, lang: Lang) -> Locale {
    let path = folder.join(file_path(lang, TextFile::Main));
    let json =
        std::fs::read_to_string(&path).unwrap_or_else(|why| panic!("{}: {why}", path.display()));
    Locale::parse(lang, &json).unwrap_or_else(|why| panic!("{why}"))
}

/// The sections a client may open first, by the name the page written at
/// build time gives each (`index.html`'s templates, see
/// `src/bin/prerender.rs`).
pub fn first_screen_routes() -> [(&'static str, Route); 5] {
    [
        ("home", Route::Home),
        ("faq", Route::Faq),
        ("check", Route::Check),
        ("aftercare", Route::Aftercare),
        ("privacy", Route::Privacy),
    ]
}

/// `route`'s first screen in `lang` for a first visit (nothing stored, no
/// clinic file), as the build writes it into `index.html`: Leptos's markers
/// between text nodes gone, and every control inactive until the app has
/// started (`disabled`), but for what the app carries over when it takes
/// the page over: the FAQ's search box and its answers (`<details>`). An
/// answer opened there says it appears once the app has started (the
/// answers are drawn when opened, and the build does not write them all).
pub fn first_screen(lang: Lang, route: Route) -> String {
    let scene = Scene::new(lang, route);
    let waiting = first_screen_locale(lang).t(Key::AnswerLoading).to_string();
    let html = render(scene);
    let html = strip_markers(&html);
    html.replace(
        "</summary></details>",
        &format!(
            "</summary><p class=\"mc-status\">{}</p></details>",
            escape_text(&waiting)
        ),
    )
    .replace("<button ", "<button disabled ")
    .replace("<select", "<select disabled")
    .replace("<textarea", "<textarea disabled")
    .replace("<input ", "<input disabled ")
    .replace(
        "<input disabled id=\"mc-faq-search\"",
        "<input id=\"mc-faq-search\"",
    )
}

/// `text` as HTML text.
pub fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// `html` without Leptos's placeholders (`<!>`, `<!--…-->`): the app does
/// not hydrate the page, it replaces it, so they mark nothing.
fn strip_markers(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<!") {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = if rest.starts_with("<!--") {
            rest.find("-->").map(|e| e + 3)
        } else {
            rest.find('>').map(|e| e + 1)
        };
        let Some(end) = end else {
            break;
        };
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// HTML with every `<Suspense>` and `<Transition>` resolved: Leptos's
/// in-order stream, collected on this thread.
pub fn to_html_resolved(view: impl RenderHtml) -> String {
    init_executor();
    POOL.with(|pool| {
        pool.borrow_mut()
            .run_until(futures::StreamExt::collect::<String>(
                view.to_html_stream_in_order(),
            ))
    })
}

/// The text a person reads in `html`: the tags and Leptos's markers gone,
/// the spaces folded, the entities of text decoded.
pub fn visible_text(html: &str) -> String {
    let html = strip_markers(html);
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

// A same-thread executor: Leptos's `Suspense` walks its children in a task
// of its own, and the section files' async values are bound to this thread
// (a browser's `fetch` is), so a thread pool's executor panics or hangs.
struct SameThread;

thread_local! {
    static POOL: RefCell<LocalPool> = RefCell::new(LocalPool::new());
    static SPAWNER: LocalSpawner = POOL.with(|pool| pool.borrow().spawner());
}

impl any_spawner::CustomExecutor for SameThread {
    fn spawn(&self, fut: any_spawner::PinnedFuture<()>) {
        self.spawn_local(fut);
    }

    fn spawn_local(&self, fut: any_spawner::PinnedLocalFuture<()>) {
        SPAWNER.with(|spawner| {
            if let Err(why) = spawner.spawn_local(fut) {
                panic!("a render task could not start: {why}");
            }
        });
    }

    fn poll_local(&self) {
        POOL.with(|pool| {
            if let Ok(mut pool) = pool.try_borrow_mut() {
                pool.run_until_stalled();
            }
        });
    }
}

/// Sets the executor once per process (later calls find it set).
fn init_executor() {
    let _ = any_spawner::Executor::init_custom_executor(SameThread);
}
