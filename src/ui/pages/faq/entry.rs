//! One question and its answer, with what goes with it: a link to the
//! section the answer points to, related questions, sources, the date it
//! was reviewed, and its own deep link to copy.

use crate::browser::share::copy_to_clipboard;
use crate::core::calendar::CivilDate;
use crate::core::dates::DateStyle;
use crate::core::faq::{blocks, Action, Block, FaqContent};
use crate::core::i18n::FaqKey;
use crate::core::route::Route;
use crate::ui::content::use_words;
use crate::ui::env::use_env;
use crate::ui::i18n::use_i18n;
use leptos::either::Either;
use leptos::html::Summary;
use leptos::prelude::*;

/// An entry that opens and closes (`<details id="faq-<id>">`); nothing if
/// the FAQ has no entry `id`.
///
/// Its open state is `open`, kept by the page: the element follows it, and
/// tapping the question sets it. The answer is drawn the first time it is
/// opened: a page of closed questions is light to draw.
#[component]
pub fn FaqEntry(
    /// The entry's id.
    id: String,
    /// Whether the answer is open.
    open: RwSignal<bool>,
    /// Whether the question takes the focus, scrolled into view, once drawn
    /// (the entry a deep link asked for).
    #[prop(optional)]
    focus: bool,
) -> impl IntoView {
    let content = use_words::<FaqContent>().get();
    // Drawn from the FAQ's own ids: missing only if the file changed.
    let entry = content.entry(&id)?.clone();
    let question = NodeRef::<Summary>::new();
    if focus {
        Effect::new(move |_| {
            if let Some(question) = question.get() {
                // Once the page around it is laid out.
                request_animation_frame(move || {
                    question.scroll_into_view();
                    let _ = question.focus();
                });
            }
        });
    }
    let element_id = format!("faq-{id}");
    let question_text = entry.question.clone();
    // Drawn once opened, then kept (closing it again only hides it).
    let opened = Memo::new(move |was: Option<&bool>| was.copied().unwrap_or(false) || open.get());
    Some(view! {
        <details
            class="mc-faq-item"
            id=element_id
            prop:open=open
            on:toggle:target=move |ev| {
                let now = ev.target().open();
                if now != open.get_untracked() {
                    open.set(now);
                }
            }
        >
            <summary node_ref=question>{question_text}</summary>
            <Show when=move || opened.get()>
                <EntryAnswer entry=entry.clone()/>
            </Show>
        </details>
    })
}

/// An entry's answer and what goes with it.
#[component]
fn EntryAnswer(
    /// The entry.
    entry: crate::core::faq::Entry,
) -> impl IntoView {
    let content = use_words::<FaqContent>().get();
    let i18n = use_i18n();
    let action = entry.action.map(|action| {
        let (route, label) = match action {
            Action::Check => (Route::Check, FaqKey::ActionCheck),
            Action::Aftercare => (Route::Aftercare, FaqKey::ActionAftercare),
        };
        view! {
            <p>
                <a class="mc-button" href=route.href()>{content.t(label).to_string()}</a>
            </p>
        }
    });
    let related = entry
        .related
        .iter()
        .filter_map(|id| content.entry(id))
        .map(|e| {
            let href = Route::FaqEntry(e.id.clone()).href();
            (Some(href), e.question.clone())
        })
        .collect();
    let sources = entry
        .sources
        .iter()
        .filter_map(|id| content.source(id))
        .map(|s| (None, s.citation.clone()))
        .collect();
    // A clinic's own entries have no review date.
    let reviewed = CivilDate::parse_iso(&entry.reviewed).map(|date| {
        let text = content.fill(
            FaqKey::LastReviewed,
            &[("date", &i18n.date(date, DateStyle::Date))],
        );
        view! { <p class="mc-reviewed">{text}</p> }
    });
    view! {
        <div class="mc-faq-answer">
            <Answer text=entry.answer.clone()/>
            {action}
            <MetaList title=content.t(FaqKey::Related).to_string() class="mc-list" items=related/>
            <MetaList title=content.t(FaqKey::Sources).to_string() class="mc-sources" items=sources/>
            {reviewed}
            <CopyLink id=entry.id.clone()/>
        </div>
    }
}

/// An answer's paragraphs and bulleted lists, as elements (never HTML).
#[component]
fn Answer(
    /// The answer: paragraphs separated by a blank line, list items
    /// starting with `- ` (see [`blocks`]).
    text: String,
) -> impl IntoView {
    blocks(&text)
        .into_iter()
        .map(|block| match block {
            Block::Paragraph(text) => Either::Left(view! { <p>{text}</p> }),
            Block::List(items) => Either::Right(view! {
                <ul class="mc-list">
                    {items.into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}
                </ul>
            }),
        })
        .collect_view()
}

/// A titled list under an answer ("Related questions", "Sources"); each
/// item a link or plain text. Nothing when there are no items.
#[component]
fn MetaList(
    /// The list's title.
    title: String,
    /// The list's class: `mc-list` or `mc-sources`.
    class: &'static str,
    /// Each item's address, if it is a link, and its words.
    items: Vec<(Option<String>, String)>,
) -> impl IntoView {
    (!items.is_empty()).then(|| {
        let items = items
            .into_iter()
            .map(|(href, text)| {
                let item = match href {
                    Some(href) => Either::Left(view! { <a href=href>{text}</a> }),
                    None => Either::Right(text),
                };
                view! { <li>{item}</li> }
            })
            .collect_view();
        view! {
            <p class="mc-faq-meta-title">{title}</p>
            <ul class=class>{items}</ul>
        }
    })
}

/// "Copy link to this answer", and what came of it.
#[component]
fn CopyLink(
    /// The entry's id.
    id: String,
) -> impl IntoView {
    let words = use_words::<FaqContent>();
    let url = format!("{}{}", use_env().app_url, Route::FaqEntry(id).href());
    let status = RwSignal::new(String::new());
    let copy = {
        move |_| {
            let url = url.clone();
            leptos::task::spawn_local(async move {
                let message = if copy_to_clipboard(&url).await {
                    words.t(FaqKey::LinkCopied)
                } else {
                    words.fill(FaqKey::CopyFailed, &[("url", &url)])
                };
                // The entry may have gone meanwhile.
                status.try_set(message);
            });
        }
    };
    view! {
        <p class="mc-faq-copy">
            <button type="button" class="mc-button-link" on:click=copy>
                {words.t(FaqKey::CopyLink)}
            </button>
            <span role="status">{status}</span>
        </p>
    }
}
