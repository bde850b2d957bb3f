//! Pages whose code is downloaded only when they are opened: the clinic's
//! desk (staff only), the session link (opened once per session) and the
//! progress photos (with their IndexedDB store, image scaling and camera).
//! A client's first load on Home, the FAQ, the self-check, aftercare or
//! Privacy then carries none of it (issue #23; figures in
//! docs/BENCHMARKS.md). The Privacy page's backup and photo actions are
//! split the same way, with `on_demand!` (see `pages::privacy::tools`).
//!
//! Each page function below is a split point: built with
//! `--cfg microcare_split` (as `scripts/wasm-build.mjs` does for the
//! release), `wasm_split` moves it and everything only it reaches into a
//! WASM chunk of its own, fetched the first time it is called. They are
//! `fallible`: a chunk that cannot be fetched is an `Err` shown by
//! [`OnDemand`] with "Try again", never a panic (which would abort the
//! whole module: a dead app). A failed fetch is not remembered, so trying
//! again fetches again. Leptos's `#[lazy]` is the same mechanism without
//! `fallible`, hence `wasm_split` itself here.
//!
//! Without that cfg (`cargo test`, clippy, the wasm-bindgen-test tests,
//! which build the crate without the split tool) the same functions are
//! plain `async fn`s in the one module, so every build runs the same code
//! path. Only a few pages are split: every page split made things worse
//! (75 files, TBT up to 1 s; see TOOLCHAIN.md).

use crate::core::files::LoadError;
use crate::core::i18n::Key;
use crate::core::route::Route;
use crate::ui::i18n::use_i18n;
use crate::ui::kit::focus::focus_now;
use leptos::prelude::*;
use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;

pub use wasm_split_helpers::SplitLoaderError;

/// Draws a loaded page for its route. A plain function pointer: it is
/// `Copy`, so it can sit in a signal, and one type serves every page.
pub type PageFn = fn(Route) -> AnyView;

/// What loading a page's code gives: the page, or why it did not load.
pub type PageLoad = Pin<Box<dyn Future<Output = Result<PageFn, SplitLoaderError>>>>;

/// Declares code loaded on demand, a function giving `$value` (of type
/// `$ty`: a page, or a set of function pointers such as the Privacy page's
/// tools): with `microcare_split`, a `wasm_split` point in chunk
/// `$chunk`; without it, a plain `async fn`. Everything only `$value`
/// reaches goes into the chunk.
macro_rules! on_demand {
    ($(#[$doc:meta])* $vis:vis $name:ident in $chunk:ident -> $ty:ty => $value:expr) => {
        $(#[$doc])*
        #[cfg(microcare_split)]
        #[wasm_split_helpers::wasm_split($chunk, fallible)]
        $vis fn $name() -> Result<$ty, $crate::ui::split::SplitLoaderError> {
            Ok($value)
        }

        $(#[$doc])*
        #[cfg(not(microcare_split))]
        $vis async fn $name() -> Result<$ty, $crate::ui::split::SplitLoaderError> {
            Ok($value)
        }
    };
}
pub(crate) use on_demand;

on_demand! {
    /// The clinic staff's desk (`#/desk`).
    pub desk in desk -> PageFn => |_| view! { <crate::ui::pages::desk::DeskPage/> }.into_any()
}

on_demand! {
    /// A clinic's session link opened on the client's phone (`#/s?…`).
    pub session_link in session_link -> PageFn => |route| match route {
        Route::SessionLink(query) => {
            view! { <crate::ui::pages::session_link::SessionLinkPage query/> }.into_any()
        }
        _ => ().into_any(),
    }
}

on_demand! {
    /// Progress photos (`#/aftercare/photos`).
    pub photos in photos -> PageFn => |_| view! { <crate::ui::pages::photos::PhotosPage/> }.into_any()
}

thread_local! {
    /// A navigation found no heading to focus: the page was still loading.
    static FOCUS_WHEN_SHOWN: Cell<bool> = const { Cell::new(false) };
}

const HEADING: &str = "#mc-main h1";

/// Focuses the page's heading (after a navigation, see `app`); a page
/// whose code is still loading has none yet, and focuses it once shown.
pub fn focus_heading() {
    let shown = document().query_selector(HEADING).ok().flatten().is_some();
    FOCUS_WHEN_SHOWN.with(|f| f.set(!shown));
    focus_now(HEADING);
}

/// A page loaded on demand: "Loading…" while its code arrives, then the
/// page; if it cannot be fetched (offline before the offline copy was
/// complete, a server error), a message with "Try again". The same
/// `Transition` and `ErrorBoundary` as a section's content (see
/// `ui::content`), so a native render waits for it too.
///
/// Not generic: one copy of this code serves every split page.
#[component]
pub fn OnDemand(
    /// The route, given to the page once loaded.
    route: Route,
    /// Loads the page's code (one of the functions above, boxed).
    load: fn() -> PageLoad,
) -> impl IntoView {
    let i18n = use_i18n();
    // Bumped by "Try again": a failed fetch is not remembered.
    let retry = RwSignal::new(0u32);
    let page = AsyncDerived::new_unsync(move || {
        retry.track();
        async move {
            load().await.map_err(|why| {
                leptos::logging::warn!("MicroCare: {why}");
                LoadError::Network(why.to_string())
            })
        }
    });
    let loading = move || {
        view! {
            <section class="mc-page">
                <p class="mc-status" role="status">{i18n.text(Key::PageLoading)}</p>
            </section>
        }
    };
    let failed = move |_errors: ArcRwSignal<leptos::error::Errors>| {
        view! {
            <section class="mc-page">
                <div class="mc-notice" role="alert">
                    <p>{i18n.text(Key::PageLoadFailed)}</p>
                    <button
                        type="button"
                        class="mc-button"
                        on:click=move |_| {
                            // The button goes: focus the page once shown.
                            FOCUS_WHEN_SHOWN.with(|f| f.set(true));
                            retry.update(|n| *n += 1);
                        }
                    >
                        {i18n.text(Key::ContentRetry)}
                    </button>
                </div>
            </section>
        }
    };
    view! {
        <Transition fallback=loading>
            <ErrorBoundary fallback=failed>
                {move || {
                    let route = route.clone();
                    Suspend::new(async move {
                        let page = page.await?;
                        if FOCUS_WHEN_SHOWN.with(Cell::take) {
                            request_animation_frame(|| focus_now(HEADING));
                        }
                        Ok::<_, LoadError>(page(route))
                    })
                }}
            </ErrorBoundary>
        </Transition>
    }
}
