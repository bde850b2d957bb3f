//! Shown for a link that leads nowhere, with a way home.

use crate::core::i18n::Key;
use crate::core::route::Route;
use crate::ui::i18n::use_i18n;
use crate::ui::kit::layout::PageSection;
use leptos::prelude::*;

/// The not-found page, with a link home.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageSection class="mc-page" title=Key::NotFoundTitle intro=Key::NotFoundText>
            <p>
                <a class="mc-button" href=Route::Home.href()>
                    {i18n.text(Key::NotFoundHome)}
                </a>
            </p>
        </PageSection>
    }
}
