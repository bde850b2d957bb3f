//! The language files: each section's file (the FAQ, the self-check's
//! questions, the aftercare steps, each with its screens' strings) loaded
//! the first time a page needs it, one language at a time, and kept; and
//! the main file of a language switched to.
//!
//! A page asks for its section with [`use_section`], a Leptos async value
//! ([`AsyncDerived`]) that follows the language and a retry counter, and
//! draws it inside [`SectionView`]: `<Transition>` shows the loading text
//! the first time (and keeps the words on screen while another language
//! loads), `<ErrorBoundary>` the failure with "Try again". Inside, the
//! section's words are a context ([`use_words`]).
//!
//! [`Files`] reads the files: in the browser with `fetch`, in a native
//! render from `public/locales`. A file it has read is kept, parsed, so
//! reading it again is ready at once: a section preloaded before the app
//! starts is drawn in the app's first render, with no loading text between
//! the page written at build time and the app's own.
//!
//! ```no_run
//! use leptos::prelude::*;
//! use microcare::core::aftercare::CareText;
//! use microcare::core::i18n::CareKey;
//! use microcare::ui::content::{use_words, SectionView};
//! #[component]
//! fn Inner() -> impl IntoView {
//!     let words = use_words::<CareText>();
//!     view! { <h2>{words.t(CareKey::TodayTitle)}</h2> }
//! }
//! let page = view! { <SectionView<CareText>><Inner/></SectionView<CareText>> };
//! ```

use crate::core::i18n::Key;
use crate::ui::clinic::use_clinic;
use crate::ui::files::{downcast, Files, LoadError, Loaded, Parsed, Section, SectionContent};
use crate::ui::i18n::use_i18n;
use leptos::context::Provider;
use leptos::prelude::*;
use std::marker::PhantomData;
use std::sync::Arc;

/// The Files provided by [`crate::ui::app::App`].
pub fn use_files() -> Files {
    expect_context::<Files>()
}

/// A section's file in the current language, and the way to try again.
pub struct SectionData<T: SectionContent> {
    data: AsyncDerived<Loaded, LocalStorage>,
    retry: RwSignal<u32>,
    kind: PhantomData<fn() -> T>,
}

impl<T: SectionContent> Clone for SectionData<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: SectionContent> Copy for SectionData<T> {}

impl<T: SectionContent> SectionData<T> {
    /// The words, once loaded, without subscribing.
    pub fn get_untracked(self) -> Option<Arc<Section<T>>> {
        self.data.get_untracked()?.and_then(downcast).ok()
    }
}

/// The section `T` in the current language: loads it now and again
/// whenever the language changes or the person taps "Try again".
pub fn use_section<T: SectionContent>() -> SectionData<T> {
    let files = use_files();
    let i18n = use_i18n();
    let clinic = use_clinic();
    let retry = RwSignal::new(0_u32);
    let data = AsyncDerived::new_unsync(move || {
        retry.track();
        files.section::<T>(i18n.lang(), clinic.clone(), None)
    });
    SectionData {
        data,
        retry,
        kind: PhantomData,
    }
}

/// The words of a section, as the screens inside its [`SectionView`] read
/// them: a `Copy` handle, for the many closures of a view.
pub struct Words<T: SectionContent>(StoredValue<Arc<Section<T>>>);

impl<T: SectionContent> Clone for Words<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: SectionContent> Copy for Words<T> {}

impl<T: SectionContent> Words<T> {
    /// The section's file.
    pub fn get(self) -> Arc<Section<T>> {
        self.0.get_value()
    }

    /// The text of `key`.
    pub fn t(self, key: T::Key) -> String {
        self.0.with_value(|words| words.t(key).to_string())
    }

    /// The text of `key` with its `{name}`s filled in.
    pub fn fill(self, key: T::Key, args: &[(&str, &str)]) -> String {
        self.0.with_value(|words| words.fill(key, args))
    }

    /// The form of `key` for the count `n`, filled in.
    pub fn count(self, key: T::Key, n: u64, args: &[(&str, &str)]) -> String {
        self.0.with_value(|words| words.count(key, n, args))
    }

    /// Runs `read` with the section's file.
    pub fn with<R>(self, read: impl FnOnce(&Section<T>) -> R) -> R {
        self.0.with_value(|words| read(words))
    }
}

/// The words of the section `T` drawn by the enclosing [`SectionView`].
pub fn use_words<T: SectionContent>() -> Words<T> {
    Words(StoredValue::new(expect_context::<Arc<Section<T>>>()))
}

/// Draws its children once the section `T` has loaded, with the section's
/// words as context; meanwhile the loading text, and after a failure the
/// reason with "Try again". Another language's words replace the current
/// ones once they have loaded: the screen never goes blank.
#[component]
pub fn SectionView<T: SectionContent>(
    /// What shows once the section's words are there.
    children: ChildrenFn,
    /// The section, when the page already holds it (else it is loaded
    /// here).
    #[prop(optional)]
    section: Option<SectionData<T>>,
) -> impl IntoView {
    let section = section.unwrap_or_else(use_section::<T>);
    section_view(
        section.data,
        section.retry,
        (T::LOADING, T::FAILED),
        provide_words::<T>,
        children,
    )
}

/// The children with the words of `T` as context.
fn provide_words<T: SectionContent>(
    parsed: Parsed,
    children: ChildrenFn,
) -> Result<AnyView, LoadError> {
    let words = downcast::<Section<T>>(parsed)?;
    Ok(view! { <Provider value=words>{children()}</Provider> }.into_any())
}

/// [`SectionView`]'s one body for every kind of section.
fn section_view(
    data: AsyncDerived<Loaded, LocalStorage>,
    retry: RwSignal<u32>,
    (loading, failed): (Key, Key),
    draw: fn(Parsed, ChildrenFn) -> Result<AnyView, LoadError>,
    children: ChildrenFn,
) -> AnyView {
    let i18n = use_i18n();
    let children = StoredValue::new(children);
    let loading = move || {
        view! { <p class="mc-status" role="status">{i18n.text(loading)}</p> }
    };
    let failed = move |_errors: ArcRwSignal<leptos::error::Errors>| {
        view! {
            <div class="mc-notice" role="alert">
                <p>{i18n.text(failed)}</p>
                <button type="button" class="mc-button" on:click=move |_| retry.update(|n| *n += 1)>
                    {i18n.text(Key::ContentRetry)}
                </button>
            </div>
        }
    };
    view! {
        <Transition fallback=loading>
            <ErrorBoundary fallback=failed>
                {move || Suspend::new(async move {
                    let parsed = data.await?;
                    draw(parsed, children.get_value())
                })}
            </ErrorBoundary>
        </Transition>
    }
    .into_any()
}
