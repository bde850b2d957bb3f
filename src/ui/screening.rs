//! The self-check questionnaire.

use crate::core::i18n::Key;
use crate::ui::layout::PageHeading;
use leptos::prelude::*;

#[component]
pub fn CheckPage() -> impl IntoView {
    view! {
        <section class="mc-page" aria-labelledby="mc-page-title">
            <PageHeading title=Key::CheckTitle intro=Key::CheckIntro />
        </section>
    }
}
