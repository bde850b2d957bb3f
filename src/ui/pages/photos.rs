//! Progress photos: a private before-and-after diary that never leaves the
//! phone.
//!
//! One screen per file: [`add`] (the form, with the file picker and the
//! camera), [`camera`] (the live view with the last photo shown faintly over
//! it), [`album`] (each area's photos, as thumbnails, and deleting one) and
//! [`compare`] (two photos side by side, or with a slider on a phone).
//!
//! The page keeps its state in [`Album`], created once at its top: the open
//! photo database, the photos' records (never their images), the thumbnails'
//! object addresses and the outcome of the last action. Images are read only
//! when shown and their addresses released when the page is left. The rules
//! (order, default pair, "after session 2 of 3", text alternatives) are in
//! `core::photos`; storage is `browser::photo_store`.

mod add;
mod album;
mod camera;
mod compare;

use crate::browser::download::download_blob;
use crate::browser::photo_image::{ImageError, Prepared};
use crate::browser::photo_store::{PhotoStore, PhotoStoreError};
use crate::browser::share::{share_file, Shared};
use crate::core::aftercare::CareText;
use crate::core::area::Area;
use crate::core::calendar::CivilDate;
use crate::core::dates::DateStyle;
use crate::core::i18n::{CareKey, Key};
use crate::core::photos::{
    alt_text, file_name, new_id, session_label, session_place, Photo, SessionPlace,
};
use crate::core::route::Route;
use crate::ui::clinic::use_clinic;
use crate::ui::content::{use_words, SectionView};
use crate::ui::data::use_data;
use crate::ui::env::use_env;
use crate::ui::i18n::use_i18n;
use crate::ui::kit::focus::focus_now;
use crate::ui::kit::layout::PageSection;
use crate::ui::kit::widgets::{Message, Tone};
use add::{AddPhoto, Choice};
use album::Areas;
use leptos::either::EitherOf3;
use leptos::prelude::*;
use std::collections::HashMap;
use web_sys::{Blob, Url};

/// The live region that says what the last action did.
const OUTCOME: &str = "#mc-photos-outcome";

/// Whether the photo database is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shelf {
    Opening,
    Open,
    /// It cannot be used here; the key says why, in the person's words.
    Closed(CareKey),
}

/// A photo about to be stored: what the person chose in the form.
#[derive(Clone, Debug)]
struct NewPhoto {
    day: CivilDate,
    area: Area,
    session: Option<String>,
}

/// The Photos page's state, one signal per concern, shared by its screens.
#[derive(Clone, Copy)]
struct Album {
    /// The open database (a browser object: kept on this thread only).
    store: StoredValue<Option<PhotoStore>, LocalStorage>,
    shelf: RwSignal<Shelf>,
    /// Every stored photo's record, without images.
    photos: RwSignal<Vec<Photo>>,
    /// Stored records that could not be read (left as they are).
    unreadable: RwSignal<usize>,
    /// Object addresses of the loaded thumbnails, by photo id.
    thumbs: RwSignal<HashMap<String, String>>,
    /// What the last action did, announced in a live region.
    outcome: RwSignal<Option<(Tone, CareKey)>>,
    /// A photo is being prepared and saved.
    busy: RwSignal<bool>,
    /// What each area's comparison shows, once the person changed it.
    compared: RwSignal<Vec<Comparison>>,
    /// The photo whose "Delete this photo?" is open.
    confirming: RwSignal<Option<String>>,
    /// The browser's share sheet takes photos; otherwise "Save a copy".
    shares_files: bool,
    /// A photo is being shared (or saved): another tap waits for it.
    sharing: RwSignal<bool>,
}

/// What the person chose to compare in one area. Kept by the page, not by
/// the comparison: a language switch redraws the screens below the page and
/// must change only their words.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Comparison {
    /// The area.
    area: Area,
    /// The photos picked; `None` is the default (the first and the latest).
    earlier: Option<String>,
    later: Option<String>,
    /// Where the slider stands, in percent.
    split: u32,
}

impl Comparison {
    /// The first and the latest photo, the slider in the middle.
    fn new(area: Area) -> Self {
        Comparison {
            area,
            earlier: None,
            later: None,
            split: 50,
        }
    }
}

impl Album {
    fn new() -> Self {
        Album {
            store: StoredValue::new_local(None),
            shelf: RwSignal::new(Shelf::Opening),
            photos: RwSignal::new(Vec::new()),
            unreadable: RwSignal::new(0),
            thumbs: RwSignal::new(HashMap::new()),
            outcome: RwSignal::new(None),
            busy: RwSignal::new(false),
            compared: RwSignal::new(Vec::new()),
            confirming: RwSignal::new(None),
            shares_files: use_env().shares_files,
            sharing: RwSignal::new(false),
        }
    }

    /// Opens the database and lists the photos, then loads their
    /// thumbnails: once the page is drawn.
    fn open(self) {
        Effect::new(move |_| self.open_now());
    }

    fn open_now(self) {
        leptos::task::spawn_local(async move {
            let listed = match PhotoStore::open().await {
                Ok(store) => {
                    let list = store.list().await;
                    if self.store.try_set_value(Some(store.clone())).is_some() {
                        // The page was left meanwhile.
                        store.close();
                        return;
                    }
                    list
                }
                Err(error) => Err(error),
            };
            match listed {
                Ok(list) => {
                    let ids: Vec<String> = list.photos.iter().map(|p| p.id.clone()).collect();
                    self.photos.try_set(list.photos);
                    self.unreadable.try_set(list.unreadable);
                    self.shelf.try_set(Shelf::Open);
                    self.load_thumbs(ids).await;
                }
                Err(error) => {
                    self.shelf.try_set(Shelf::Closed(store_error(&error)));
                }
            }
        });
    }

    async fn load_thumbs(self, ids: Vec<String>) {
        let Some(store) = self.store.try_get_value().flatten() else {
            return;
        };
        for id in ids {
            // A thumbnail that cannot be read leaves its text alternative.
            if let Ok(blob) = store.thumbnail(&id).await {
                self.keep_thumb(id, &blob);
            }
        }
    }

    /// Keeps an object address for a thumbnail, unless the page was left.
    fn keep_thumb(self, id: String, blob: &Blob) {
        if let Ok(url) = Url::create_object_url_with_blob(blob) {
            if self
                .thumbs
                .try_update(|all| all.insert(id, url.clone()))
                .is_none()
            {
                let _ = Url::revoke_object_url(&url);
            }
        }
    }

    /// Stores a prepared photo with what the person chose, and lists it.
    async fn add(self, prepared: Result<Prepared, ImageError>, new: NewPhoto) {
        let result = async {
            let prepared = prepared.map_err(|error| match error {
                ImageError::NotAnImage => CareKey::PhotosNotImage,
                ImageError::CannotEncode => CareKey::PhotosCannotEncode,
            })?;
            let store = self
                .store
                .try_get_value()
                .flatten()
                .ok_or(CareKey::PhotosFailed)?;
            let now = crate::browser::dates::now_millis();
            let photo = Photo {
                id: self.photos.with_untracked(|all| new_id(now, all)),
                date: new.day.to_iso(),
                added: now,
                area: new.area,
                session: new.session,
                width: prepared.width,
                height: prepared.height,
                bytes: prepared.image.size() as u64,
                thumb_bytes: prepared.thumb.size() as u64,
                mime: prepared.mime.to_string(),
            };
            photo.check().map_err(|_| CareKey::PhotosCannotEncode)?;
            store
                .save(&photo, &prepared.image, &prepared.thumb)
                .await
                .map_err(|e| store_error(&e))?;
            self.keep_thumb(photo.id.clone(), &prepared.thumb);
            self.photos.try_update(|all| all.push(photo));
            Ok(())
        }
        .await;
        self.busy.try_set(false);
        self.announce(match result {
            Ok(()) => (Tone::Success, CareKey::PhotosSaved),
            Err(key) => (Tone::Error, key),
        });
    }

    /// Starts preparing and saving a photo: "Saving the photo…" until done.
    fn start_saving(self) {
        self.busy.set(true);
        self.outcome.set(Some((Tone::Info, CareKey::PhotosSaving)));
    }

    /// Says what an action did, and moves the focus there: the control the
    /// person used may be gone (the camera, a deleted photo).
    fn announce(self, outcome: (Tone, CareKey)) {
        if self.outcome.try_set(Some(outcome)).is_none() {
            request_animation_frame(|| focus_now(OUTCOME));
        }
    }

    /// Deletes one photo; on failure it stays, listed.
    fn delete(self, id: String) {
        leptos::task::spawn_local(async move {
            let Some(store) = self.store.try_get_value().flatten() else {
                return;
            };
            let outcome = match store.delete(&id).await {
                Ok(()) => {
                    self.photos.try_update(|all| all.retain(|p| p.id != id));
                    // Only this photo's question: another may be open now.
                    self.confirming.try_update(|open| {
                        if open.as_deref() == Some(id.as_str()) {
                            *open = None;
                        }
                    });
                    if let Some(Some(url)) = self.thumbs.try_update(|all| all.remove(&id)) {
                        let _ = Url::revoke_object_url(&url);
                    }
                    (Tone::Success, CareKey::PhotosDeleted)
                }
                Err(error) => (Tone::Error, store_error(&error)),
            };
            self.announce(outcome);
        });
    }

    /// Shares one photo's image through the share sheet or, where the
    /// browser's sheet takes no files, saves a copy on the device: what the
    /// button said. A second tap while one is under way does nothing. It
    /// says what happened and leaves the focus on the button, which stays.
    fn share(self, photo: Photo) {
        let Some(store) = self.store.try_get_value().flatten() else {
            return;
        };
        if self.sharing.get_untracked() {
            return;
        }
        self.sharing.set(true);
        leptos::task::spawn_local(async move {
            let failed = Some((Tone::Error, CareKey::PhotosShareFailed));
            let outcome = match store.image(&photo.id).await {
                Ok(image) if self.shares_files => {
                    match share_file(&file_name(&photo), &image).await {
                        Shared::Sheet => Some((Tone::Success, CareKey::PhotosShared)),
                        Shared::Cancelled => None,
                        Shared::Copied | Shared::Failed => failed,
                    }
                }
                Ok(image) => match download_blob(&file_name(&photo), &image) {
                    Ok(()) => Some((Tone::Success, CareKey::PhotosCopySaved)),
                    Err(_) => failed,
                },
                Err(error) => Some((Tone::Error, store_error(&error))),
            };
            self.sharing.try_set(false);
            self.outcome.try_set(outcome);
        });
    }

    /// Releases the thumbnails and the database when the page is left.
    fn release(self) {
        if let Some(thumbs) = self.thumbs.try_get_untracked() {
            for url in thumbs.values() {
                let _ = Url::revoke_object_url(url);
            }
        }
        if let Some(Some(store)) = self.store.try_get_value() {
            store.close();
        }
    }
}

/// What the person is told when the photo storage says `error`.
fn store_error(error: &PhotoStoreError) -> CareKey {
    match error {
        PhotoStoreError::Unavailable(_) => CareKey::PhotosUnavailable,
        PhotoStoreError::Blocked => CareKey::PhotosBlocked,
        PhotoStoreError::Newer => CareKey::PhotosNewer,
        PhotoStoreError::QuotaExceeded => CareKey::PhotosFull,
        PhotoStoreError::NotFound | PhotoStoreError::Failed(_) => CareKey::PhotosFailed,
    }
}

/// A photo's date as the language writes it, and where it sits in the plan
/// (reactive): what its caption and its text alternative say.
fn date_and_place(
    photo: &Photo,
) -> impl Fn() -> (String, Option<SessionPlace>) + Send + Sync + 'static {
    let data = use_data();
    let i18n = use_i18n();
    let plan = use_clinic().plan;
    let (date, photo) = (photo.civil_date(), photo.clone());
    move || {
        let date = date
            .map(|d| i18n.date(d, DateStyle::Date))
            .unwrap_or_default();
        let place = data
            .aftercare
            .with(|r| session_place(&photo, &r.sessions, plan));
        (date, place)
    }
}

/// A photo's text alternative in the current language, e.g. "Face, 30
/// November 2026, after session 1".
///
/// The reactive texts and addresses here are `Signal`s rather than closures:
/// Leptos then draws and updates every one of a kind with the same code,
/// where each closure would add its own copy to the WASM.
fn photo_alt(photo: Photo) -> Signal<String> {
    let words = use_words::<CareText>();
    let date_and_place = date_and_place(&photo);
    Signal::derive(move || {
        let (date, place) = date_and_place();
        words.with(|w| alt_text(&w.ui, w.area(photo.area), &date, place))
    })
}

/// A photo's caption text: "30 November 2026" and, when it follows a
/// logged session, "After session 2 of 3".
#[component]
fn PhotoCaptionText(
    /// The photo.
    photo: Photo,
) -> impl IntoView {
    let words = use_words::<CareText>();
    let date_and_place = date_and_place(&photo);
    move || {
        let (date, place) = date_and_place();
        let session = place.map(|place| words.with(|w| session_label(&w.ui, place)));
        view! {
            <span class="mc-photo-date">{date}</span>
            {session.map(|s| view! { <span class="mc-photo-session">{s}</span> })}
        }
    }
}

/// The object address of photo `id`'s thumbnail, once loaded.
fn thumb_src(album: Album, id: String) -> Signal<Option<String>> {
    Signal::derive(move || album.thumbs.with(|all| all.get(&id).cloned()))
}

/// The object address of photo `id`'s full image, once read (`None` until
/// then, or without an id); released when the calling part goes. A full
/// image is read only where it is shown.
fn use_full_image(album: Album, id: Option<String>) -> RwSignal<Option<String>> {
    let src = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if let (Some(id), Some(Some(store))) = (id.clone(), album.store.try_get_value()) {
            leptos::task::spawn_local(async move {
                let Ok(blob) = store.image(&id).await else {
                    return;
                };
                if let Ok(url) = Url::create_object_url_with_blob(&blob) {
                    if src.try_set(Some(url.clone())).is_some() {
                        let _ = Url::revoke_object_url(&url);
                    }
                }
            });
        }
    });
    on_cleanup(move || {
        if let Some(Some(url)) = src.try_get_untracked() {
            let _ = Url::revoke_object_url(&url);
        }
    });
    src
}

/// The Photos page's state, provided by the page.
fn use_album() -> Album {
    expect_context::<Album>()
}

/// The Photos page: the privacy promise, the form to add a photo, and each
/// area's photos with the comparison.
#[component]
pub fn PhotosPage() -> impl IntoView {
    let i18n = use_i18n();
    let album = Album::new();
    provide_context(album);
    album.open();
    // Made here, outside what is redrawn when the words change.
    provide_context(Choice::new());
    on_cleanup(move || album.release());
    view! {
        <PageSection class="mc-page mc-photos" title=Key::PhotosTitle intro=Key::PhotosIntro>
            <p>
                <a class="mc-back" href=Route::Aftercare.href()>{i18n.text(Key::PhotosBack)}</a>
            </p>
            <SectionView<CareText>>
                <PhotosBody/>
            </SectionView<CareText>>
        </PageSection>
    }
}

/// The page once its words are there: the promise, what the last action
/// did, and the form and the photos once the photo storage is open.
#[component]
fn PhotosBody() -> impl IntoView {
    let i18n = use_i18n();
    let album = use_album();
    let words = use_words::<CareText>();
    let body = move || match album.shelf.get() {
        Shelf::Opening => EitherOf3::A(view! {
            <p class="mc-status" role="status">{words.t(CareKey::PhotosLoading)}</p>
        }),
        Shelf::Closed(why) => EitherOf3::B(view! {
            <Message tone=Tone::Error text=words.t(why)/>
        }),
        Shelf::Open => EitherOf3::C(view! {
            <AddPhoto/>
            <Areas/>
        }),
    };
    // One live region, always in the page, for every outcome: a message
    // that appears with its own role is often not announced.
    let outcome = move || {
        album
            .outcome
            .get()
            .map(|(tone, key)| view! { <p class=tone.class()>{words.t(key)}</p> })
    };
    view! {
        // The promise that photos stay on this phone, only where photos can
        // be kept: otherwise the page says once why they cannot.
        <Show when=move || !matches!(album.shelf.get(), Shelf::Closed(_))>
            <p class="mc-photos-private">{i18n.text(Key::PhotosPrivate)}</p>
        </Show>
        <div id="mc-photos-outcome" class="mc-live" role="status" tabindex="-1">
            {outcome}
        </div>
        {body}
    }
}
