//! The questions and answers: goal choice, search, categories, deep links.

use crate::browser::dates::format_date;
use crate::browser::host::app_url;
use crate::browser::share::copy_to_clipboard;
use crate::core::calendar::CivilDate;
use crate::core::faq::{blocks, Action, Entry, FaqContent, Goal};
use crate::core::i18n::Key;
use crate::core::route::Route;
use crate::ui::content_dom::{
    append, append_blocks, append_titled_list, element, event_target, listen, set,
};
use crate::ui::data::use_data;
use crate::ui::focus::focus_now;
use crate::ui::i18n::use_i18n;
use crate::ui::layout::page_section;
use crate::ui::lazy::with_content;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// The FAQ page; `open` is the id of the entry a deep link asks to open.
pub fn faq_page(parent: &Element, open: Option<String>) -> Element {
    let section = page_section(parent, "mc-page mc-faq", Key::FaqTitle, Key::FaqIntro);
    with_content::<FaqContent>(&section, move |holder, content| {
        faq_body(holder, content, open.clone())
    });
    section
}

/// The loaded FAQ: goal choice, expectations, search and the entries.
///
/// Built with [`content_dom`] rather than `view!`: the FAQ is long content in
/// many shapes, and building it directly keeps the WASM small (see that
/// module). The reactive parts are two signals, the goal and the query; one
/// effect redraws the results when either changes, and three delegated
/// handlers turn taps and typing into those signals.
///
/// `content` is the FAQ of the current language; `open` the entry a deep
/// link opened, expanded and scrolled into view.
fn faq_body(parent: &Element, content: Arc<FaqContent>, open: Option<String>) {
    let i18n = use_i18n();
    let data = use_data();
    let query = RwSignal::new(String::new());
    let root = append(parent, element("div", Some("mc-faq-body"), None));
    let labels = Labels::current(i18n);
    let parts = build_skeleton(&root, &content, &labels);
    let deep_link = open.clone();
    // Redraws when the goal or the query changes, not for other settings
    // (that would close the answers the person opened).
    Effect::new(move |shown: Option<(Option<Goal>, String)>| {
        let goal = data
            .settings
            .with(|s| s.goal.as_deref().and_then(Goal::from_id));
        let query = query.get();
        if shown.as_ref() != Some(&(goal, query.clone())) {
            show_goal(&parts, &content, goal, &labels);
            show_results(
                &parts,
                &content,
                goal,
                &query,
                deep_link.as_deref(),
                &labels,
            );
        }
        (goal, query)
    });
    if let Some(id) = open {
        request_animation_frame(move || {
            if let Some(el) = document().get_element_by_id(&format!("faq-{id}")) {
                el.scroll_into_view();
            }
            focus_now(&format!("#faq-{id} > summary"));
        });
    }

    listen(&root, "input", move |ev| {
        if let Some(input) = event_target::<web_sys::HtmlInputElement>(&ev) {
            if input.id() == SEARCH_ID {
                query.set(input.value());
            }
        }
    });
    listen(&root, "change", move |ev| {
        if let Some(input) = event_target::<web_sys::HtmlInputElement>(&ev) {
            if let Some(chosen) =
                Goal::from_id(&input.value()).filter(|_| input.name() == GOAL_NAME)
            {
                data.update_settings(|s| s.goal = Some(chosen.id().to_string()));
            }
        }
    });
    listen(&root, "click", move |ev| {
        let Some(el) = event_target::<Element>(&ev) else {
            return;
        };
        if el.has_attribute("data-show-all") {
            query.set(String::new());
            if let Some(input) = document()
                .get_element_by_id(SEARCH_ID)
                .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                input.set_value("");
                let _ = input.focus();
            }
        } else if let Some(id) = el.get_attribute("data-copy") {
            let status = el.next_element_sibling();
            leptos::task::spawn_local(async move {
                let url = entry_url(&id);
                let message = if copy_to_clipboard(&url).await {
                    i18n.t(Key::FaqLinkCopied)
                } else {
                    i18n.t(Key::FaqCopyFailed).replace("{url}", &url)
                };
                if let Some(status) = status {
                    status.set_text_content(Some(&message));
                }
            });
        }
    });
}

const SEARCH_ID: &str = "mc-faq-search";
const GOAL_NAME: &str = "mc-goal";

/// The elements the effect redraws.
struct Parts {
    goal_inputs: Vec<web_sys::HtmlInputElement>,
    expectations: web_sys::Element,
    status: web_sys::Element,
    results: web_sys::Element,
}

/// Goal choice, expectations box, search field, status line and results.
fn build_skeleton(root: &web_sys::Element, content: &FaqContent, labels: &Labels) -> Parts {
    let fieldset = append(root, element("fieldset", Some("mc-goals"), None));
    append(
        &fieldset,
        element("legend", None, Some(&labels.goal_legend)),
    );
    append(
        &fieldset,
        element("p", Some("mc-hint"), Some(&labels.goal_hint)),
    );
    let chips = append(&fieldset, element("div", Some("mc-chips"), None));
    let goal_inputs = content
        .goals
        .iter()
        .map(|goal| {
            let label = append(&chips, element("label", Some("mc-chip"), None));
            let input = append(&label, element("input", None, None));
            set(&input, "type", "radio");
            set(&input, "name", GOAL_NAME);
            set(&input, "value", goal.id.id());
            append(&label, element("span", None, Some(&goal.label)));
            input.unchecked_into::<web_sys::HtmlInputElement>()
        })
        .collect();
    let expectations = append(root, element("div", None, None));
    let search = append(root, element("div", Some("mc-search"), None));
    set(&search, "role", "search");
    let label = append(&search, element("label", None, Some(&labels.search)));
    set(&label, "for", SEARCH_ID);
    let input = append(&search, element("input", None, None));
    set(&input, "id", SEARCH_ID);
    set(&input, "type", "search");
    set(&input, "autocomplete", "off");
    let status = append(root, element("p", Some("mc-results-status"), None));
    set(&status, "role", "status");
    let results = append(root, element("div", None, None));
    Parts {
        goal_inputs,
        expectations,
        status,
        results,
    }
}

/// Marks the chosen goal and shows its realistic expectations.
fn show_goal(parts: &Parts, content: &FaqContent, goal: Option<Goal>, labels: &Labels) {
    for input in &parts.goal_inputs {
        input.set_checked(goal.is_some_and(|g| g.id() == input.value()));
    }
    parts.expectations.set_text_content(None);
    if let Some(text) = goal.and_then(|g| content.goal_text(g)) {
        let aside = append(
            &parts.expectations,
            element("aside", Some("mc-expectations"), None),
        );
        set(&aside, "aria-labelledby", "mc-expectations-title");
        let title = format!("{}: {}", labels.expectations, text.label);
        let heading = append(&aside, element("h2", None, Some(&title)));
        set(&heading, "id", "mc-expectations-title");
        append(&aside, element("p", None, Some(&text.expectations)));
    }
}

/// Search results, or the whole FAQ led by the goal's entries.
fn show_results(
    parts: &Parts,
    content: &FaqContent,
    goal: Option<Goal>,
    query: &str,
    open: Option<&str>,
    labels: &Labels,
) {
    parts.results.set_text_content(None);
    if !query.trim().is_empty() {
        let found = content.search(query);
        let status = match found.len() {
            0 => labels.no_results.replace("{query}", query.trim()),
            1 => labels.results_one.clone(),
            n => labels.results_many.replace("{n}", &n.to_string()),
        };
        parts.status.set_text_content(Some(&status));
        if found.is_empty() {
            let button = append(
                &parts.results,
                element(
                    "button",
                    Some("mc-button mc-button-secondary"),
                    Some(&labels.show_all),
                ),
            );
            set(&button, "type", "button");
            set(&button, "data-show-all", "");
        } else {
            append_entries(&parts.results, content, &found, None, labels);
        }
        return;
    }
    parts.status.set_text_content(None);
    if let Some(goal) = goal {
        append_section(
            &parts.results,
            "mc-faq-for-you",
            &labels.for_you,
            content,
            &content.for_goal(goal),
            open,
            labels,
        );
    }
    for category in &content.categories {
        let entries = content.in_category(&category.id, goal);
        let id = format!("mc-faq-cat-{}", category.id);
        append_section(
            &parts.results,
            &id,
            &category.title,
            content,
            &entries,
            open,
            labels,
        );
    }
}

/// A titled section of entries; nothing when it has none.
fn append_section(
    parent: &web_sys::Element,
    heading_id: &str,
    title: &str,
    content: &FaqContent,
    entries: &[&Entry],
    open: Option<&str>,
    labels: &Labels,
) {
    if entries.is_empty() {
        return;
    }
    let section = append(parent, element("section", Some("mc-faq-section"), None));
    set(&section, "aria-labelledby", heading_id);
    let heading = append(&section, element("h2", None, Some(title)));
    set(&heading, "id", heading_id);
    append_entries(&section, content, entries, open, labels);
}

fn append_entries(
    parent: &web_sys::Element,
    content: &FaqContent,
    entries: &[&Entry],
    open: Option<&str>,
    labels: &Labels,
) {
    let list = append(parent, element("div", Some("mc-faq-list"), None));
    for entry in entries {
        let is_open = open == Some(entry.id.as_str());
        append(&list, entry_element(content, entry, is_open, labels));
    }
}

/// The interface words of the FAQ, read once per build in the current
/// language (the FAQ is rebuilt when the language changes).
struct Labels {
    goal_legend: String,
    goal_hint: String,
    search: String,
    results_one: String,
    results_many: String,
    no_results: String,
    show_all: String,
    for_you: String,
    /// "Reviewed on {date}." with `{date}` still to fill in.
    reviewed: String,
    lang: crate::core::i18n::Lang,
    expectations: String,
    related: String,
    sources: String,
    copy: String,
    check: String,
    aftercare: String,
}

impl Labels {
    fn current(i18n: crate::ui::i18n::I18n) -> Labels {
        let t = |key| i18n.t(key);
        Labels {
            goal_legend: t(Key::FaqGoalLegend),
            goal_hint: t(Key::FaqGoalHint),
            search: t(Key::FaqSearchLabel),
            results_one: t(Key::FaqResultsOne),
            results_many: t(Key::FaqResultsMany),
            no_results: t(Key::FaqNoResults),
            show_all: t(Key::FaqShowAll),
            for_you: t(Key::FaqForYou),
            reviewed: t(Key::FaqLastReviewed),
            lang: i18n.lang_untracked(),
            expectations: t(Key::FaqExpectationsTitle),
            related: t(Key::FaqRelated),
            sources: t(Key::FaqSources),
            copy: t(Key::FaqCopyLink),
            check: t(Key::FaqActionCheck),
            aftercare: t(Key::FaqActionAftercare),
        }
    }
}

/// One entry: question, answer, link to another section, related questions,
/// sources, the date it was reviewed, and a "copy link" button with its
/// status line.
fn entry_element(
    content: &FaqContent,
    entry: &Entry,
    open: bool,
    labels: &Labels,
) -> web_sys::Element {
    let details = element("details", Some("mc-faq-item"), None);
    set(&details, "id", &format!("faq-{}", entry.id));
    if open {
        set(&details, "open", "");
    }
    append(&details, element("summary", None, Some(&entry.question)));
    let body = append(&details, element("div", Some("mc-faq-answer"), None));
    append_blocks(&body, &blocks(&entry.answer));
    if let Some(action) = entry.action {
        let (route, label) = match action {
            Action::Check => (Route::Check, &labels.check),
            Action::Aftercare => (Route::Aftercare, &labels.aftercare),
        };
        let p = append(&body, element("p", None, None));
        let link = append(&p, element("a", Some("mc-button"), Some(label)));
        set(&link, "href", &route.href());
    }
    let related: Vec<(Option<String>, String)> = entry
        .related
        .iter()
        .filter_map(|id| content.entry(id))
        .map(|e| {
            (
                Some(Route::FaqEntry(e.id.clone()).href()),
                e.question.clone(),
            )
        })
        .collect();
    append_titled_list(&body, &labels.related, "mc-list", &related);
    let sources: Vec<(Option<String>, String)> = entry
        .sources
        .iter()
        .filter_map(|id| content.source(id))
        .map(|s| (None, s.citation.clone()))
        .collect();
    append_titled_list(&body, &labels.sources, "mc-sources", &sources);
    // A clinic's own entries have no review date.
    if let Some(date) = CivilDate::parse_iso(&entry.reviewed) {
        let reviewed = labels
            .reviewed
            .replace("{date}", &format_date(labels.lang, date));
        append(&body, element("p", Some("mc-reviewed"), Some(&reviewed)));
    }
    let copy = append(&body, element("p", Some("mc-faq-copy"), None));
    let button = append(
        &copy,
        element("button", Some("mc-button-link"), Some(&labels.copy)),
    );
    set(&button, "type", "button");
    set(&button, "data-copy", &entry.id);
    let status = append(&copy, element("span", None, None));
    set(&status, "role", "status");
    details
}

/// The full address of an entry's deep link, for copying.
fn entry_url(id: &str) -> String {
    format!("{}{}", app_url(), Route::FaqEntry(id.to_string()).href())
}
