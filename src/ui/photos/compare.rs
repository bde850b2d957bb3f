//! Two photos of the same area, compared: side by side on a wide screen,
//! one over the other with a slider on a phone; each with its date and
//! "after session 2 of 3".
//!
//! It opens on the first and the latest photo (`core::photos::default_pair`);
//! the pickers show thumbnails only. The two full images are read when
//! shown and their addresses released when another photo is picked or the
//! page is left.

use super::album::PhotoCaptionText;
use super::{date_and_place, photo_alt, thumb_src, use_full_image, Album, Comparison};
use crate::core::aftercare::CareText;
use crate::core::area::Area;
use crate::core::i18n::Key;
use crate::core::photos::Photo;
use crate::ui::i18n::use_i18n;
use leptos::either::Either;
use leptos::prelude::*;
use std::sync::Arc;

/// Which of the two photos a picker chooses.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Earlier,
    Later,
}

/// The comparison of one area's photos (nothing with fewer than two).
#[component]
pub(super) fn Compare(
    /// The page's state (it keeps the picks and the slider).
    album: Album,
    /// The area.
    area: Area,
    /// The area's photos, oldest first.
    photos: Memo<Vec<Photo>>,
    /// The aftercare words in the current language.
    text: Arc<CareText>,
) -> impl IntoView {
    let i18n = use_i18n();
    let comparison = move || {
        album.compared.with(|all| {
            all.iter()
                .find(|c| c.area == area)
                .cloned()
                .unwrap_or_else(|| Comparison::new(area))
        })
    };
    let change = move |change: &dyn Fn(&mut Comparison)| {
        album.compared.update(|all| {
            let at = all.iter().position(|c| c.area == area).unwrap_or_else(|| {
                all.push(Comparison::new(area));
                all.len() - 1
            });
            change(&mut all[at])
        })
    };
    let split = Memo::new(move |_| comparison().split);
    let chosen = move |side: Side| {
        Memo::new(move |_| {
            photos.with(|all| {
                let picked = match side {
                    Side::Earlier => comparison().earlier,
                    Side::Later => comparison().later,
                };
                // A deleted pick falls back to the default.
                picked
                    .and_then(|id| all.iter().find(|p| p.id == id))
                    .or(match side {
                        Side::Earlier => all.first(),
                        Side::Later => all.last(),
                    })
                    .cloned()
            })
        })
    };
    let earlier = chosen(Side::Earlier);
    let later = chosen(Side::Later);
    let enough = Memo::new(move |_| photos.with(|all| all.len() >= 2));

    let picker = {
        let text = text.clone();
        move |side: Side| {
            let (legend, picked, name) = match side {
                Side::Earlier => (
                    Key::CarePhotosFirst,
                    earlier,
                    format!("mc-compare-a-{area}"),
                ),
                Side::Later => (Key::CarePhotosSecond, later, format!("mc-compare-b-{area}")),
            };
            let text = text.clone();
            view! {
                <fieldset class="mc-fieldset mc-compare-picker">
                    <legend>{i18n.text(legend)}</legend>
                    <div class="mc-compare-choices">
                        <For
                            each=move || photos.get()
                            key=|photo| photo.id.clone()
                            children=move |photo| {
                                let id = photo.id.clone();
                                let checked = {
                                    let id = id.clone();
                                    Signal::derive(move || {
                                        picked.with(|p| p.as_ref().is_some_and(|p| p.id == id))
                                    })
                                };
                                let src = thumb_src(album, id.clone());
                                let date = {
                                    let photo = photo.clone();
                                    Signal::derive(move || date_and_place(i18n, &photo).0)
                                };
                                let alt = photo_alt(i18n, text.clone(), photo);
                                view! {
                                    <label class="mc-compare-choice">
                                        <input
                                            type="radio"
                                            name=name.clone()
                                            value=id.clone()
                                            prop:checked=checked
                                            on:change=move |_| change(&|c| match side {
                                                Side::Earlier => c.earlier = Some(id.clone()),
                                                Side::Later => c.later = Some(id.clone()),
                                            })
                                        />
                                        <img src=src alt=alt width="72" height="96"/>
                                        <span>{date}</span>
                                    </label>
                                }
                            }
                        />
                    </div>
                </fieldset>
            }
        }
    };
    let image = {
        let text = text.clone();
        move |side: Side| {
            let (photo, class) = match side {
                Side::Earlier => (earlier, "mc-compare-image mc-compare-image-earlier"),
                Side::Later => (later, "mc-compare-image mc-compare-image-later"),
            };
            let text = text.clone();
            move || {
                photo
                    .get()
                    .map(|photo| view! { <FullImage album photo class text=text.clone()/> })
            }
        }
    };
    // Under the photos, never over them: a chin or a neck is often at the
    // bottom of the picture (issue #21).
    let caption = move |side: Side| {
        let photo = match side {
            Side::Earlier => earlier,
            Side::Later => later,
        };
        move || photo.get().map(|photo| view! { <PhotoCaptionText photo/> })
    };
    let stage = move || {
        if enough.get() {
            Either::Left(view! {
                <div class="mc-compare">
                    <div class="mc-compare-pickers">
                        {picker(Side::Earlier)}
                        {picker(Side::Later)}
                    </div>
                    <figure
                        class="mc-compare-stage"
                        style:--mc-split=move || format!("{}%", split.get())
                    >
                        {image(Side::Earlier)}
                        {image(Side::Later)}
                        <figcaption class="mc-compare-captions">
                            <div class="mc-compare-caption mc-compare-earlier">
                                {caption(Side::Earlier)}
                            </div>
                            <div class="mc-compare-caption mc-compare-later">
                                {caption(Side::Later)}
                            </div>
                        </figcaption>
                    </figure>
                    <div class="mc-field mc-compare-slider">
                        <label for=format!("mc-compare-slider-{area}")>
                            {i18n.text(Key::CarePhotosSlider)}
                        </label>
                        <input
                            id=format!("mc-compare-slider-{area}")
                            type="range"
                            min="0"
                            max="100"
                            step="5"
                            prop:value=move || split.get().to_string()
                            on:input:target=move |ev| {
                                let value = ev.target().value().parse().unwrap_or(50);
                                change(&|c| c.split = value)
                            }
                        />
                    </div>
                </div>
            })
        } else {
            Either::Right(view! { <p class="mc-hint">{i18n.text(Key::CarePhotosNeedsTwo)}</p> })
        }
    };
    view! {
        <h3 class="mc-compare-title">{i18n.text(Key::CarePhotosCompareTitle)}</h3>
        {stage}
    }
}

/// One photo at full size, read when shown, released when gone.
#[component]
fn FullImage(
    /// The page's state (the open database).
    album: Album,
    /// The photo.
    photo: Photo,
    /// Which side of the comparison it is.
    class: &'static str,
    /// The aftercare words in the current language.
    text: Arc<CareText>,
) -> impl IntoView {
    let i18n = use_i18n();
    let src = use_full_image(album, Some(photo.id.clone()));
    let (width, height) = (photo.width, photo.height);
    let alt = photo_alt(i18n, text, photo);
    view! { <img class=class src=src alt=alt width=width height=height/> }
}
