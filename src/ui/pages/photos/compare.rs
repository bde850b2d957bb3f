//! Two photos of the same area, compared: side by side on a wide screen,
//! one over the other with a slider on a phone; each with its date and
//! "after session 2 of 3".
//!
//! It opens on the first and the latest photo (`core::photos::default_pair`);
//! the pickers show thumbnails only. The two full images are read when
//! shown and their addresses released when another photo is picked or the
//! page is left.

use super::{
    date_and_place, photo_alt, thumb_src, use_album, use_full_image, Comparison, PhotoCaptionText,
};
use crate::core::aftercare::CareText;
use crate::core::area::Area;
use crate::core::i18n::CareKey;
use crate::core::photos::Photo;
use crate::ui::content::use_words;
use leptos::either::Either;
use leptos::prelude::*;

/// Which of the two photos a picker chooses.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Earlier,
    Later,
}

/// The comparison of one area's photos (nothing with fewer than two).
#[component]
pub(super) fn Compare(
    /// The area.
    area: Area,
    /// The area's photos, oldest first.
    photos: Memo<Vec<Photo>>,
) -> impl IntoView {
    let album = use_album();
    let words = use_words::<CareText>();
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
        move |side: Side| {
            let (legend, picked, name) = match side {
                Side::Earlier => (
                    CareKey::PhotosFirst,
                    earlier,
                    format!("mc-compare-a-{area}"),
                ),
                Side::Later => (CareKey::PhotosSecond, later, format!("mc-compare-b-{area}")),
            };
            view! {
                <fieldset class="mc-fieldset mc-compare-picker">
                    <legend>{words.t(legend)}</legend>
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
                                    Signal::derive({
                                        let date_and_place = date_and_place(&photo);
                                        move || date_and_place().0
                                    })
                                };
                                let alt = photo_alt(photo);
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
    let image = move |side: Side| {
        let (photo, class) = match side {
            Side::Earlier => (earlier, "mc-compare-image mc-compare-image-earlier"),
            Side::Later => (later, "mc-compare-image mc-compare-image-later"),
        };
        move || photo.get().map(|photo| view! { <FullImage photo class/> })
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
                            {words.t(CareKey::PhotosSlider)}
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
            Either::Right(view! { <p class="mc-hint">{words.t(CareKey::PhotosNeedsTwo)}</p> })
        }
    };
    view! {
        <h3 class="mc-compare-title">{words.t(CareKey::PhotosCompareTitle)}</h3>
        {stage}
    }
}

/// One photo at full size, read when shown, released when gone.
#[component]
fn FullImage(
    /// The photo.
    photo: Photo,
    /// Which side of the comparison it is.
    class: &'static str,
) -> impl IntoView {
    let src = use_full_image(use_album(), Some(photo.id.clone()));
    let (width, height) = (photo.width, photo.height);
    let alt = photo_alt(photo);
    view! { <img class=class src=src alt=alt width=width height=height/> }
}
