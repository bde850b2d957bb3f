//! What is stored, where and for how long; export, import and delete.
//!
//! The page holds two pieces of state: the outcome of the last action,
//! announced in a live region, and whether "delete everything" waits for a
//! confirmation. The rules (what a backup is, what deleting removes) live in
//! `core::schema` and the storage module, reached through [`AppData`].
//!
//! [`AppData`]: crate::ui::data::AppData

use crate::browser::dates::today;
use crate::browser::download::{download_text, now_iso, read_picked_file};
use crate::core::i18n::Key;
use crate::ui::data::{use_data, ImportFailure};
use crate::ui::focus::focus_now;
use crate::ui::i18n::use_i18n;
use crate::ui::layout::PageSection;
use leptos::either::Either;
use leptos::prelude::*;
use web_sys::HtmlInputElement;

/// The outcome of the last action on this page, announced in a live region.
#[derive(Clone, Copy, PartialEq)]
enum Outcome {
    Exported,
    Imported,
    ImportFailed(ImportFailure),
    Deleted,
}

impl Outcome {
    fn text(self) -> Key {
        match self {
            Outcome::Exported => Key::PrivacyExported,
            Outcome::Imported => Key::PrivacyImported,
            Outcome::Deleted => Key::PrivacyDeleted,
            Outcome::ImportFailed(failure) => match failure {
                ImportFailure::NotOurs => Key::PrivacyImportNotOurs,
                ImportFailure::TooLarge => Key::PrivacyImportTooLarge,
                ImportFailure::Newer => Key::PrivacyImportNewer,
                ImportFailure::Damaged => Key::PrivacyImportDamaged,
                ImportFailure::StorageFull => Key::PrivacyImportFull,
                ImportFailure::ReadOnly => Key::PrivacyImportReadOnly,
            },
        }
    }

    fn is_error(self) -> bool {
        matches!(self, Outcome::ImportFailed(_))
    }
}

/// What is listed under "What is kept".
const KEPT: [Key; 6] = [
    Key::PrivacyWhatLanguage,
    Key::PrivacyWhatGoal,
    Key::PrivacyWhatCheck,
    Key::PrivacyWhatSessions,
    Key::PrivacyWhatInstall,
    Key::PrivacyWhatOffline,
];

/// The id of the live region that announces an outcome.
const OUTCOME_ID: &str = "#mc-privacy-outcome";

/// Moves focus to `selector` once the change just made to a signal is drawn
/// (Leptos draws in a microtask, before the next frame).
fn focus_when_drawn(selector: &'static str) {
    request_animation_frame(move || focus_now(selector));
}

/// The privacy page: where data is kept, what and for how long; download
/// or restore a backup; delete everything, after a confirmation. Focus
/// follows the person's action: to the question when they ask to delete,
/// back to the button when they cancel, to the outcome otherwise.
#[component]
pub fn PrivacyPage() -> impl IntoView {
    let data = use_data();
    let i18n = use_i18n();
    let outcome = RwSignal::new(None::<Outcome>);
    let confirming = RwSignal::new(false);

    let announce = move |result: Outcome| {
        outcome.set(Some(result));
        focus_when_drawn(OUTCOME_ID);
    };
    let export = move |_| {
        let json = data.export_json(now_iso());
        let name = format!("microcare-backup-{}.json", today().to_iso());
        match download_text(&name, "application/json", &json) {
            Ok(()) => announce(Outcome::Exported),
            Err(why) => leptos::logging::warn!("MicroCare: {why}"),
        }
    };
    let import = Callback::new(move |input: HtmlInputElement| {
        leptos::task::spawn_local(async move {
            let result = match read_picked_file(&input).await {
                None => return,
                Some(Err(_size)) => Err(ImportFailure::TooLarge),
                Some(Ok(text)) => data.import_json(&text),
            };
            // The same file can be picked again.
            input.set_value("");
            announce(match result {
                Ok(()) => Outcome::Imported,
                Err(failure) => Outcome::ImportFailed(failure),
            });
        });
    });
    let ask_to_delete = move |_| {
        confirming.set(true);
        focus_when_drawn("#mc-delete-confirm-title");
    };
    let keep = move |_| {
        confirming.set(false);
        focus_when_drawn("#mc-delete-start");
    };
    let delete = move |_| {
        data.delete_all();
        confirming.set(false);
        announce(Outcome::Deleted);
    };

    let memory_only = (!data.is_persistent()).then(|| {
        view! { <p class="mc-notice">{i18n.text(Key::PrivacyMemoryOnly)}</p> }
    });
    let kept = KEPT
        .into_iter()
        .map(|item| view! { <li>{i18n.text(item)}</li> })
        .collect_view();
    let outcome_text = move || {
        outcome.get().map(|o| {
            let class = if o.is_error() {
                "mc-notice"
            } else {
                "mc-success"
            };
            view! { <p class=class>{i18n.text(o.text())}</p> }
        })
    };
    let delete_part = move || {
        if confirming.get() {
            Either::Left(view! {
                <div class="mc-confirm" role="group" aria-labelledby="mc-delete-confirm-title">
                    <h3 id="mc-delete-confirm-title" tabindex="-1">
                        {i18n.text(Key::PrivacyDeleteConfirmTitle)}
                    </h3>
                    <p>{i18n.text(Key::PrivacyDeleteConfirmText)}</p>
                    <div class="mc-actions">
                        <button type="button" class="mc-button mc-button-danger" on:click=delete>
                            {i18n.text(Key::PrivacyDeleteConfirm)}
                        </button>
                        <button type="button" class="mc-button mc-button-secondary" on:click=keep>
                            {i18n.text(Key::PrivacyDeleteCancel)}
                        </button>
                    </div>
                </div>
            })
        } else {
            Either::Right(view! {
                <p>
                    <button
                        id="mc-delete-start"
                        type="button"
                        class="mc-button mc-button-danger"
                        on:click=ask_to_delete
                    >
                        {i18n.text(Key::PrivacyDelete)}
                    </button>
                </p>
            })
        }
    };

    view! {
        <PageSection class="mc-page mc-privacy" title=Key::PrivacyTitle intro=Key::PrivacyIntro>
            {memory_only}
            <h2>{i18n.text(Key::PrivacyWhereTitle)}</h2>
            <p>{i18n.text(Key::PrivacyWhereText)}</p>
            <h2>{i18n.text(Key::PrivacyWhatTitle)}</h2>
            <ul class="mc-list">{kept}</ul>
            <h2>{i18n.text(Key::PrivacyHowLongTitle)}</h2>
            <p>{i18n.text(Key::PrivacyHowLongText)}</p>

            <div id="mc-privacy-outcome" class="mc-live" role="status" tabindex="-1">
                {outcome_text}
            </div>

            <h2>{i18n.text(Key::PrivacyBackupTitle)}</h2>
            <p>{i18n.text(Key::PrivacyBackupText)}</p>
            <p>
                <button type="button" class="mc-button" on:click=export>
                    {i18n.text(Key::PrivacyExport)}
                </button>
            </p>
            <FileField
                id="mc-import"
                label=Key::PrivacyImportLabel
                hint=Key::PrivacyImportHint
                accept="application/json,.json"
                on_pick=import
            />

            <h2>{i18n.text(Key::PrivacyDeleteTitle)}</h2>
            <p>{i18n.text(Key::PrivacyDeleteText)}</p>
            {delete_part}
        </PageSection>
    }
}

/// A file picker with its label and a hint under the label that describes
/// it: `<div class="mc-field">` with `<label>`, `<p class="mc-hint">` and
/// `<input type="file">`.
#[component]
fn FileField(
    /// The input's id; the hint's is `<id>-hint`.
    id: &'static str,
    /// The label's text.
    label: Key,
    /// The hint's text.
    hint: Key,
    /// The kinds of file offered, as in the `accept` attribute.
    accept: &'static str,
    /// Called with the input when the person picks a file.
    on_pick: Callback<HtmlInputElement>,
) -> impl IntoView {
    let i18n = use_i18n();
    let hint_id = format!("{id}-hint");
    view! {
        <div class="mc-field">
            <label for=id>{i18n.text(label)}</label>
            <p class="mc-hint" id=hint_id.clone()>{i18n.text(hint)}</p>
            <input
                id=id
                type="file"
                accept=accept
                aria-describedby=hint_id
                on:change:target=move |ev| on_pick.run(ev.target())
            />
        </div>
    }
}
