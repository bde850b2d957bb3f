//! The home page: what MicroCare offers, and the way to each section.

use crate::core::i18n::Key;
use crate::core::route::Route;
use crate::ui::content_dom::{append, element, redraw, set};
use crate::ui::i18n::use_i18n;
use crate::ui::layout::page_section;
use web_sys::Element;

/// The home page, appended to `parent` (the app's `<main>`); returns its
/// section, which the page effect removes on navigation.
pub fn home_page(parent: &Element) -> Element {
    let i18n = use_i18n();
    let section = page_section(parent, "mc-page mc-home", Key::HomeTitle, Key::HomeIntro);
    let body = append(&section, element("div", None, None));
    redraw(&body, move |body| {
        append(
            body,
            element("p", Some("mc-private"), Some(&i18n.t(Key::HomePrivate))),
        );
        let cards = append(body, element("ul", Some("mc-cards"), None));
        for (route, title, text) in [
            (Route::Faq, Key::HomeFaqTitle, Key::HomeFaqText),
            (Route::Check, Key::HomeCheckTitle, Key::HomeCheckText),
            (
                Route::Aftercare,
                Key::HomeAftercareTitle,
                Key::HomeAftercareText,
            ),
        ] {
            let item = append(&cards, element("li", None, None));
            let card = append(&item, element("a", Some("mc-card"), None));
            set(&card, "href", &route.href());
            append(
                &card,
                element("span", Some("mc-card-title"), Some(&i18n.t(title))),
            );
            append(
                &card,
                element("span", Some("mc-card-text"), Some(&i18n.t(text))),
            );
        }
    });
    section
}
