//! The questions and answers: goal choice, search, categories, deep links.
//!
//! The page keeps what the person does in its own context ([`FaqState`]):
//! the search text, and one "open" signal per entry. The words come from
//! the FAQ's file and are drawn again when the language changes, around
//! that state: a keystroke in the search box or a language switch never
//! closes an answer the person opened, nor takes the focus or the text out
//! of the search box.

mod entry;

use crate::core::faq::{FaqContent, Goal, Listing};
use crate::core::i18n::{FaqKey, Key};
use crate::ui::content::{use_words, SectionView};
use crate::ui::data::use_data;
use crate::ui::kit::layout::PageSection;
use entry::FaqEntry;
use leptos::either::Either;
use leptos::html::Input;
use leptos::prelude::*;
use std::collections::HashMap;

/// The FAQ page's state, made once when the page opens and provided to its
/// screens: what the person typed and opened, which the words drawn from
/// the file never hold.
#[derive(Clone, Copy)]
pub struct FaqState {
    /// The search text.
    pub query: RwSignal<String>,
    /// Which answers are open.
    entries: OpenEntries,
    /// The goal the person chose, if any (from the saved settings).
    goal: Memo<Option<Goal>>,
}

impl FaqState {
    /// A search already typed and answers already opened (on the page the
    /// build wrote, before the app started), and the answer a deep link
    /// asks for.
    pub fn new(query: String, opened: Vec<String>, deep_link: Option<String>) -> Self {
        let data = use_data();
        FaqState {
            query: RwSignal::new(query),
            entries: OpenEntries::new(opened, deep_link),
            goal: Memo::new(move |_| data.settings.with(|s| s.goal)),
        }
    }
}

/// What the person did on the FAQ's first screen before the app started:
/// given to the page by start-up (see `ui::first_paint`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FaqCarried {
    pub query: String,
    pub opened: Vec<String>,
}

fn use_faq() -> FaqState {
    expect_context::<FaqState>()
}

/// The FAQ page: the loading text until the FAQ of the current language is
/// there, then the goal choice, the search box and the entries.
///
/// ```no_run
/// use leptos::prelude::*;
/// use microcare::ui::pages::faq::FaqPage;
/// // `#/faq/does-it-hurt`: that answer opens, scrolled to and focused.
/// let page = view! { <FaqPage open="does-it-hurt".to_string()/> };
/// ```
#[component]
pub fn FaqPage(
    /// The id of the entry a deep link (`#/faq/<id>`) asks for: it is drawn
    /// open, scrolled into view, and its question takes the focus.
    #[prop(optional)]
    open: Option<String>,
) -> impl IntoView {
    let carried = use_context::<FaqCarried>().unwrap_or_default();
    provide_context(FaqState::new(carried.query, carried.opened, open));
    view! {
        <PageSection class="mc-page mc-faq" title=Key::FaqTitle intro=Key::FaqIntro>
            <SectionView<FaqContent>>
                <FaqBody/>
            </SectionView<FaqContent>>
        </PageSection>
    }
}

/// Which answers are open: a signal per entry, kept by the page, so that an
/// answer stays open while a search hides it and shows it again, and when
/// the language changes.
#[derive(Clone, Copy)]
struct OpenEntries {
    /// Each entry's "open", made the first time the entry is drawn.
    open: StoredValue<HashMap<String, ArcRwSignal<bool>>>,
    /// The entry a deep link asked for, until it has taken the focus.
    focus: StoredValue<Option<String>>,
}

impl OpenEntries {
    /// Everything closed, but the entries in `opened` and the one
    /// `deep_link` asks for.
    fn new(opened: Vec<String>, deep_link: Option<String>) -> Self {
        let open = opened
            .into_iter()
            .chain(deep_link.clone())
            .map(|id| (id, ArcRwSignal::new(true)))
            .collect();
        OpenEntries {
            open: StoredValue::new(open),
            focus: StoredValue::new(deep_link),
        }
    }

    /// Whether entry `id` is open, as a signal for the element drawing it.
    fn signal(self, id: &str) -> RwSignal<bool> {
        self.open
            .try_update_value(|open| open.entry(id.to_string()).or_default().clone())
            .unwrap_or_default()
            .into()
    }

    /// Whether entry `id` is the one a deep link asked for, the first time
    /// it is drawn (and only then: not again after a language switch).
    fn take_focus(self, id: &str) -> bool {
        self.focus
            .try_update_value(|focus| focus.take_if(|wanted| wanted == id).is_some())
            .unwrap_or(false)
    }
}

/// The loaded FAQ: goal choice, the expectations for the goal, the search
/// box, the status of a search, and the entries.
#[component]
fn FaqBody() -> impl IntoView {
    let words = use_words::<FaqContent>();
    let FaqState { query, goal, .. } = use_faq();
    // What to show for the search and the goal; an entry that stays listed
    // keeps its element (see `EntryList`).
    let listing = Memo::new(move |_| {
        words.with(|faq| {
            query.with(|query| Listing::of(faq, goal.get(), query, faq.t(FaqKey::ForYou)))
        })
    });
    let search = NodeRef::<Input>::new();
    let show_all = move |_| {
        query.set(String::new());
        if let Some(input) = search.get_untracked() {
            let _ = input.focus();
        }
    };
    let groups = move || {
        listing.with(|l| {
            l.groups
                .iter()
                .map(|g| g.heading.clone())
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="mc-faq-body">
            <GoalChoice/>
            <Expectations/>
            <SearchBox query input=search/>
            <ResultsStatus listing/>
            <div>
                <Show when=move || listing.with(|l| l.found() == Some(0))>
                    <button type="button" class="mc-button mc-button-secondary" on:click=show_all>
                        {words.t(FaqKey::ShowAll)}
                    </button>
                </Show>
                <For
                    each=groups
                    key=|heading| heading.clone()
                    children=move |heading| view! { <EntryGroup heading listing/> }
                />
            </div>
        </div>
    }
}

/// "What brings you here?": one chip per goal. The choice is saved in the
/// settings and leads the FAQ.
#[component]
fn GoalChoice() -> impl IntoView {
    let words = use_words::<FaqContent>();
    let data = use_data();
    let goal = use_faq().goal;
    let chips = words
        .get()
        .goals
        .iter()
        .map(|text| {
            let id = text.id;
            view! {
                <label class="mc-chip">
                    <input
                        type="radio"
                        name="mc-goal"
                        value=id.id()
                        prop:checked=move || goal.get() == Some(id)
                        on:change=move |_| data.update_settings(|s| s.goal = Some(id))
                    />
                    <span>{text.label.clone()}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="mc-goals">
            <legend>{words.t(FaqKey::GoalLegend)}</legend>
            <p class="mc-hint">{words.t(FaqKey::GoalHint)}</p>
            <div class="mc-chips">{chips}</div>
        </fieldset>
    }
}

/// What to realistically expect for the chosen goal; nothing without one.
#[component]
fn Expectations() -> impl IntoView {
    let words = use_words::<FaqContent>();
    let goal = use_faq().goal;
    move || {
        let faq = words.get();
        let text = faq.goal_text(goal.get()?)?;
        let title = format!("{}: {}", faq.t(FaqKey::ExpectationsTitle), text.label);
        Some(view! {
            <aside class="mc-expectations" aria-labelledby="mc-expectations-title">
                <h2 id="mc-expectations-title">{title}</h2>
                <p>{text.expectations.clone()}</p>
            </aside>
        })
    }
}

/// The id of the search field.
pub const SEARCH_ID: &str = "mc-faq-search";

/// The search field, bound both ways to `query`: the field stays the same
/// element while the results change, with the focus and the caret in it.
#[component]
pub fn SearchBox(
    /// The search text.
    query: RwSignal<String>,
    /// The field, for moving the focus back to it.
    input: NodeRef<Input>,
) -> impl IntoView {
    let words = use_words::<FaqContent>();
    view! {
        <div class="mc-search" role="search">
            <label for=SEARCH_ID>{words.t(FaqKey::SearchLabel)}</label>
            <input
                id=SEARCH_ID
                type="search"
                autocomplete="off"
                node_ref=input
                prop:value=query
                on:input:target=move |ev| query.set(ev.target().value())
            />
        </div>
    }
}

/// How many questions a search found, read out by screen readers; empty
/// when there is no search.
#[component]
fn ResultsStatus(
    /// What is shown.
    listing: Memo<Listing>,
) -> impl IntoView {
    let words = use_words::<FaqContent>();
    let status = move || {
        listing.with(|l| match (l.found(), l.query.as_deref()) {
            (Some(0), Some(query)) => words.fill(FaqKey::NoResults, &[("query", query)]),
            (Some(n), _) => words.count(FaqKey::Results, n as u64, &[]),
            (None, _) => String::new(),
        })
    };
    view! { <p class="mc-results-status" role="status">{status}</p> }
}

/// A group of entries: a titled section ("Most relevant for you", a
/// category), or the search results, which have no heading.
#[component]
fn EntryGroup(
    /// The heading's id and words; `None` for search results.
    heading: Option<(String, String)>,
    /// What is shown, for this group's entries.
    listing: Memo<Listing>,
) -> impl IntoView {
    let ids = {
        let heading = heading.clone();
        Signal::derive(move || listing.with(|l| l.ids(heading.as_ref())))
    };
    let list = view! { <EntryList ids/> };
    match heading {
        None => Either::Left(list),
        Some((id, title)) => Either::Right(view! {
            <section class="mc-faq-section" aria-labelledby=id.clone()>
                <h2 id=id.clone()>{title}</h2>
                {list}
            </section>
        }),
    }
}

/// Entries, keyed by id: an entry that stays in the list keeps its element
/// while the list changes around it.
#[component]
fn EntryList(
    /// The ids of the entries, in order.
    ids: Signal<Vec<String>>,
) -> impl IntoView {
    let entries = use_faq().entries;
    view! {
        <div class="mc-faq-list">
            <For
                each=move || ids.get()
                key=|id| id.clone()
                children=move |id| {
                    let open = entries.signal(&id);
                    let focus = entries.take_focus(&id);
                    view! { <FaqEntry id open focus/> }
                }
            />
        </div>
    }
}
