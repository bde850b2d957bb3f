//! The questions and answers: goal choice, search, categories, deep links.
//!
//! The page keeps what the person does in its own signals: the search text,
//! and one "open" signal per entry. The words come from the FAQ content file
//! and are drawn again when the language changes, around that state: a
//! keystroke in the search box or a language switch never closes an answer
//! the person opened, nor takes the focus or the text out of the search box.

mod entry;

use crate::core::faq::{Entry, FaqContent, Goal};
use crate::core::i18n::Key;
use crate::ui::data::use_data;
use crate::ui::i18n::use_i18n;
use crate::ui::layout::PageSection;
use crate::ui::lazy::{use_content, ContentPending, LazyContent};
use entry::FaqEntry;
use leptos::either::Either;
use leptos::html::Input;
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

/// The FAQ page: "Loading…" until the FAQ of the current language is
/// there, then the goal choice, the search box and the entries.
///
/// ```no_run
/// use leptos::prelude::*;
/// use microcare::ui::faq::FaqPage;
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
    let data = use_data();
    let content = use_content::<FaqContent>();
    let loading = expect_context::<LazyContent<FaqContent>>();
    // The same content (by pointer) keeps the entries as they are. Reading
    // the loading state subscribes to the load's end: `use_content` alone
    // subscribes only to the language until the section's strings are in.
    let content = Memo::new_with_compare(
        move |_| {
            loading.failed();
            content.get()
        },
        content_changed,
    );
    // The page's state, outside what is drawn from the content.
    let query = RwSignal::new(String::new());
    let entries = OpenEntries::new(open);
    let goal = Memo::new(move |_| data.settings.with(|s| s.goal));

    let body = move || match content.get() {
        Some(content) => Either::Left(view! { <FaqBody content query goal entries/> }),
        None => Either::Right(view! { <ContentPending<FaqContent>/> }),
    };
    view! {
        <PageSection class="mc-page mc-faq" title=Key::FaqTitle intro=Key::FaqIntro>
            {body}
        </PageSection>
    }
}

/// Whether the loaded FAQ changed: another language or a new load.
fn content_changed(
    old: Option<&Option<Arc<FaqContent>>>,
    new: Option<&Option<Arc<FaqContent>>>,
) -> bool {
    match (old, new) {
        (Some(Some(a)), Some(Some(b))) => !Arc::ptr_eq(a, b),
        (Some(None), Some(None)) => false,
        _ => true,
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
    /// Everything closed, but the entry `deep_link` asks for.
    fn new(deep_link: Option<String>) -> Self {
        let open = deep_link
            .iter()
            .map(|id| (id.clone(), ArcRwSignal::new(true)))
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
fn FaqBody(
    /// The FAQ in the current language.
    content: Arc<FaqContent>,
    /// The search text, kept by the page.
    query: RwSignal<String>,
    /// The goal the person chose, if any (from the saved settings).
    goal: Memo<Option<Goal>>,
    /// Which answers are open, kept by the page.
    entries: OpenEntries,
) -> impl IntoView {
    let i18n = use_i18n();
    // What to show for the search and the goal; an entry that stays listed
    // keeps its element (see `EntryList`).
    let listing = Memo::new({
        let content = content.clone();
        move |_| {
            query.with(|query| Listing::of(&content, goal.get(), query, &i18n.t(Key::FaqForYou)))
        }
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
            <GoalChoice content=content.clone() goal/>
            <Expectations content=content.clone() goal/>
            <SearchBox query input=search/>
            <ResultsStatus listing/>
            <div>
                <Show when=move || listing.with(|l| l.found() == Some(0))>
                    <button type="button" class="mc-button mc-button-secondary" on:click=show_all>
                        {i18n.text(Key::FaqShowAll)}
                    </button>
                </Show>
                <For
                    each=groups
                    key=|heading| heading.clone()
                    children=move |heading| {
                        view! { <EntryGroup heading listing content=content.clone() entries/> }
                    }
                />
            </div>
        </div>
    }
}

/// "What brings you here?": one chip per goal. The choice is saved in the
/// settings and leads the FAQ.
#[component]
fn GoalChoice(
    /// The FAQ, for the goals' names.
    content: Arc<FaqContent>,
    /// The goal chosen, if any.
    goal: Memo<Option<Goal>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let data = use_data();
    let chips = content
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
            <legend>{i18n.text(Key::FaqGoalLegend)}</legend>
            <p class="mc-hint">{i18n.text(Key::FaqGoalHint)}</p>
            <div class="mc-chips">{chips}</div>
        </fieldset>
    }
}

/// What to realistically expect for the chosen goal; nothing without one.
#[component]
fn Expectations(
    /// The FAQ, for the goals' expectations.
    content: Arc<FaqContent>,
    /// The goal chosen, if any.
    goal: Memo<Option<Goal>>,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let text = content.goal_text(goal.get()?)?;
        let title = format!("{}: {}", i18n.t(Key::FaqExpectationsTitle), text.label);
        Some(view! {
            <aside class="mc-expectations" aria-labelledby="mc-expectations-title">
                <h2 id="mc-expectations-title">{title}</h2>
                <p>{text.expectations.clone()}</p>
            </aside>
        })
    }
}

/// The id of the search field.
const SEARCH_ID: &str = "mc-faq-search";

/// The search field, bound both ways to `query`: the field stays the same
/// element while the results change, with the focus and the caret in it.
#[component]
pub fn SearchBox(
    /// The search text.
    query: RwSignal<String>,
    /// The field, for moving the focus back to it.
    input: NodeRef<Input>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="mc-search" role="search">
            <label for=SEARCH_ID>{i18n.text(Key::FaqSearchLabel)}</label>
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
    let i18n = use_i18n();
    let status = move || {
        listing.with(|l| match (l.found(), l.query.as_deref()) {
            (Some(0), Some(query)) => i18n.t(Key::FaqNoResults).replace("{query}", query),
            (Some(1), _) => i18n.t(Key::FaqResultsOne),
            (Some(n), _) => i18n.t(Key::FaqResultsMany).replace("{n}", &n.to_string()),
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
    /// The FAQ in the current language.
    content: Arc<FaqContent>,
    /// Which answers are open.
    entries: OpenEntries,
) -> impl IntoView {
    let ids = {
        let heading = heading.clone();
        Signal::derive(move || listing.with(|l| l.ids(heading.as_ref())))
    };
    let list = view! { <EntryList ids content entries/> };
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
    /// The FAQ in the current language.
    content: Arc<FaqContent>,
    /// Which answers are open.
    entries: OpenEntries,
) -> impl IntoView {
    view! {
        <div class="mc-faq-list">
            <For
                each=move || ids.get()
                key=|id| id.clone()
                children=move |id| {
                    let open = entries.signal(&id);
                    let focus = entries.take_focus(&id);
                    view! { <FaqEntry content=content.clone() id open focus/> }
                }
            />
        </div>
    }
}

/// What the FAQ shows for a search and a goal, as entry ids in groups.
#[derive(Clone, Debug, Default, PartialEq)]
struct Listing {
    /// The search, trimmed; `None` when there is none.
    query: Option<String>,
    /// The groups with at least one entry, in order.
    groups: Vec<Group>,
}

#[derive(Clone, Debug, PartialEq)]
struct Group {
    /// The heading's id (`mc-faq-for-you`, `mc-faq-cat-<category>`) and
    /// words; `None` for search results.
    heading: Option<(String, String)>,
    ids: Vec<String>,
}

impl Listing {
    /// A search's results (those whose question matches first), or else
    /// the whole FAQ by category, led by the goal's entries under
    /// `for_you`.
    fn of(content: &FaqContent, goal: Option<Goal>, query: &str, for_you: &str) -> Listing {
        let ids = |entries: Vec<&Entry>| entries.iter().map(|e| e.id.clone()).collect();
        let query = query.trim();
        if !query.is_empty() {
            let found = Group {
                heading: None,
                ids: ids(content.search(query)),
            };
            return Listing {
                query: Some(query.to_string()),
                groups: Some(found)
                    .filter(|g| !g.ids.is_empty())
                    .into_iter()
                    .collect(),
            };
        }
        let for_you = goal.map(|goal| Group {
            heading: Some(("mc-faq-for-you".to_string(), for_you.to_string())),
            ids: ids(content.for_goal(goal)),
        });
        let categories = content.categories.iter().map(|category| Group {
            heading: Some((
                format!("mc-faq-cat-{}", category.id),
                category.title.clone(),
            )),
            ids: ids(content.in_category(&category.id, goal)),
        });
        Listing {
            query: None,
            groups: for_you
                .into_iter()
                .chain(categories)
                .filter(|g| !g.ids.is_empty())
                .collect(),
        }
    }

    /// How many entries a search found; `None` without a search.
    fn found(&self) -> Option<usize> {
        self.query
            .as_ref()
            .map(|_| self.groups.iter().map(|g| g.ids.len()).sum())
    }

    /// The entries of the group under `heading`.
    fn ids(&self, heading: Option<&(String, String)>) -> Vec<String> {
        self.groups
            .iter()
            .find(|g| g.heading.as_ref() == heading)
            .map(|g| g.ids.clone())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::faq::faq_source;

    fn english() -> FaqContent {
        FaqContent::parse("en", faq_source("en")).unwrap()
    }

    fn headings(listing: &Listing) -> Vec<&str> {
        listing
            .groups
            .iter()
            .map(|g| g.heading.as_ref().map_or("", |(id, _)| id.as_str()))
            .collect()
    }

    #[test]
    fn without_a_search_every_category_is_listed_once() {
        let faq = english();
        let listing = Listing::of(&faq, None, "  ", "For you");
        assert_eq!(listing.found(), None);
        assert_eq!(listing.groups.len(), faq.categories.len());
        let shown: usize = listing.groups.iter().map(|g| g.ids.len()).sum();
        assert_eq!(shown, faq.entries.len());
    }

    #[test]
    fn a_goal_leads_and_its_entries_are_not_repeated() {
        let faq = english();
        let listing = Listing::of(&faq, Some(Goal::AcneScars), "", "For you");
        assert_eq!(headings(&listing)[0], "mc-faq-for-you");
        assert_eq!(
            listing.groups[0].heading.as_ref().map(|(_, t)| t.as_str()),
            Some("For you")
        );
        assert!(listing.groups[0].ids.contains(&"acne-scars".to_string()));
        let shown: usize = listing.groups.iter().map(|g| g.ids.len()).sum();
        assert_eq!(shown, faq.entries.len());
    }

    #[test]
    fn a_search_lists_its_results_under_no_heading() {
        let faq = english();
        let listing = Listing::of(&faq, Some(Goal::Face), " hurt ", "For you");
        assert_eq!(listing.query.as_deref(), Some("hurt"));
        assert_eq!(headings(&listing), vec![""]);
        assert!(listing.ids(None).contains(&"does-it-hurt".to_string()));
        assert_eq!(listing.found(), Some(listing.ids(None).len()));
    }

    #[test]
    fn a_search_without_results_has_no_group() {
        let listing = Listing::of(&english(), None, "xylophone", "For you");
        assert_eq!(listing.found(), Some(0));
        assert!(listing.groups.is_empty());
        assert!(listing.ids(None).is_empty());
    }
}
