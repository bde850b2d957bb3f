//! The frame around every page: header, section navigation, footer.
//!
//! Drawn with [`content_dom`](crate::ui::content_dom) (see there why); each
//! part redraws itself when the language or the route changes.

use crate::browser::host::asset_url;
use crate::core::i18n::{Key, Lang};
use crate::core::route::{Route, Section};
use crate::ui::clinic::{contact_links, use_clinic};
use crate::ui::content_dom::{append, element, icon, listen, redraw, set};
use crate::ui::data::use_data;
use crate::ui::i18n::{append_text, bind_text, use_i18n};
use leptos::prelude::*;
use web_sys::Element;

/// The top bar: product name (a link home) and the language switcher, a
/// native `<select>` of the languages, each in its own name.
pub fn header(parent: &Element) {
    let i18n = use_i18n();
    let data = use_data();
    let clinic = use_clinic();
    let header = append(parent, element("header", Some("mc-header"), None));
    redraw(&header, move |header| {
        let brand = append(header, element("a", Some("mc-brand"), None));
        set(&brand, "href", &Route::Home.href());
        match &clinic.logo {
            Some(logo) => {
                let img = append(&brand, element("img", Some("mc-brand-logo"), None));
                set(&img, "src", &asset_url(logo));
                set(&img, "alt", "");
            }
            None => {
                let mark = append(&brand, element("span", Some("mc-brand-mark"), None));
                set(&mark, "aria-hidden", "true");
            }
        }
        let text = append(&brand, element("span", Some("mc-brand-text"), None));
        let name = clinic.name.clone().unwrap_or_else(|| i18n.t(Key::AppName));
        append(&text, element("span", Some("mc-brand-name"), Some(&name)));
        append(
            &text,
            element(
                "span",
                Some("mc-brand-tagline"),
                Some(&i18n.t(Key::AppTagline)),
            ),
        );
        let offered = clinic.offered();
        if offered.len() < 2 {
            return;
        }
        let switcher = append(header, element("div", Some("mc-lang"), None));
        let label = append(
            &switcher,
            element(
                "label",
                Some("mc-visually-hidden"),
                Some(&i18n.t(Key::LanguageLabel)),
            ),
        );
        set(&label, "for", "mc-lang-select");
        let select = append(&switcher, element("select", None, None));
        set(&select, "id", "mc-lang-select");
        let current = i18n.lang();
        for lang in offered {
            let option = append(&select, element("option", None, Some(lang.native_name())));
            set(&option, "value", lang.code());
            set(&option, "lang", lang.code());
            if lang == current {
                set(&option, "selected", "");
            }
        }
    });
    listen(&header, "change", move |ev| {
        if let Some(lang) = Lang::from_code(&event_target_value(&ev)) {
            data.update_settings(|s| s.lang = Some(lang.code().to_string()));
        }
    });
}

const SECTIONS: [(Section, Key, &str); 5] = [
    (Section::Home, Key::NavHome, "M4 11l8-7 8 7v9a1 1 0 0 1-1 1h-5v-6h-4v6H5a1 1 0 0 1-1-1z"),
    (Section::Faq, Key::NavFaq, "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6V14M12 17.5v.01"),
    (Section::Check, Key::NavCheck, "M9 4h6M9 4a1 1 0 0 0-1 1v1h8V5a1 1 0 0 0-1-1M8 5H6a1 1 0 0 0-1 1v14a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1V6a1 1 0 0 0-1-1h-2M9 13l2 2 4-4"),
    (Section::Aftercare, Key::NavAftercare, "M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10z"),
    (Section::Privacy, Key::NavPrivacy, "M12 3l7 3v5c0 4.5-3 8.3-7 10-4-1.7-7-5.5-7-10V6z"),
];

/// Section navigation: a bottom tab bar on phones, a row under the header on
/// wider screens. The current section carries `aria-current="page"`.
///
/// `route` is the current route, to mark the active section.
pub fn tab_bar(parent: &Element, route: ReadSignal<Route>) {
    let i18n = use_i18n();
    let nav = append(parent, element("nav", Some("mc-tabs"), None));
    let label = nav.clone();
    Effect::new(move |_| set(&label, "aria-label", &i18n.t(Key::NavLabel)));
    redraw(&nav, move |nav| {
        let current = route.get().section();
        let list = append(nav, element("ul", None, None));
        for (section, label, path) in SECTIONS {
            let item = append(&list, element("li", None, None));
            let link = append(&item, element("a", None, None));
            set(&link, "href", &section.route().href());
            if current == Some(section) {
                set(&link, "aria-current", "page");
            }
            icon(&link, "mc-tab-icon", path);
            append(&link, element("span", None, Some(&i18n.t(label))));
        }
    });
}

/// The clinic's name, address and ways to reach it, if it gave any, and
/// the closing line: education, not medical advice.
pub fn footer(parent: &Element) {
    let i18n = use_i18n();
    let clinic = use_clinic();
    let footer = append(parent, element("footer", Some("mc-footer"), None));
    redraw(&footer, move |footer| {
        let address = clinic.contact.address.as_deref();
        if address.is_some() || !clinic.actions().is_empty() {
            let block = append(footer, element("section", Some("mc-clinic"), None));
            let title = clinic
                .name
                .clone()
                .unwrap_or_else(|| i18n.t(Key::ClinicContactTitle));
            append(&block, element("h2", None, Some(&title)));
            if let Some(address) = address {
                append(&block, element("p", None, Some(address)));
            }
            contact_links(&block, &clinic, i18n);
        }
        append(
            footer,
            element("p", None, Some(&i18n.t(Key::FooterDisclaimer))),
        );
    });
}

/// A page: a `<section>` labelled by its heading, with the heading and a
/// one-line introduction, appended to `parent`. The heading takes focus
/// after navigation (see `app`), hence `tabindex="-1"`.
pub fn page_section(parent: &Element, class: &str, title: Key, intro: Key) -> Element {
    let section = append(parent, element("section", Some(class), None));
    set(&section, "aria-labelledby", "mc-page-title");
    let heading = append(&section, element("h1", None, None));
    set(&heading, "id", "mc-page-title");
    set(&heading, "tabindex", "-1");
    bind_text(&heading, title);
    append_text(&section, "p", Some("mc-lead"), intro);
    section
}
