//! Shown for a link that leads nowhere, with a way home.

use crate::core::i18n::Key;
use crate::core::route::Route;
use crate::ui::content_dom::{append, element, set};
use crate::ui::i18n::append_text;
use crate::ui::layout::page_section;
use web_sys::Element;

/// The not-found page, appended to `parent` (the app's `<main>`); returns
/// its section, which the page effect removes on navigation.
pub fn not_found_page(parent: &Element) -> Element {
    let section = page_section(parent, "mc-page", Key::NotFoundTitle, Key::NotFoundText);
    let p = append(&section, element("p", None, None));
    let home = append_text(&p, "a", Some("mc-button"), Key::NotFoundHome);
    set(&home, "href", &Route::Home.href());
    section
}
