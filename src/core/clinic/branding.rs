//! The clinic's brand: its logo and colours. A colour is accepted only with
//! enough contrast against what is drawn on or under it (WCAG 2, 4.5:1),
//! computed in integers so that the WASM needs no floating-point power.

use crate::core::clinic::check::{given, path, Check, Shape};
use serde::Deserialize;
use serde_json::Value;

/// The brand colours a clinic may set, and the CSS custom property of each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Brand {
    /// Buttons (white text on it), accents.
    Primary,
    /// Links and titles on light backgrounds.
    PrimaryStrong,
    /// Light tint behind text.
    PrimarySoft,
}

impl Brand {
    pub const ALL: [Brand; 3] = [Brand::Primary, Brand::PrimaryStrong, Brand::PrimarySoft];

    pub fn key(self) -> &'static str {
        match self {
            Brand::Primary => "primary",
            Brand::PrimaryStrong => "primary_strong",
            Brand::PrimarySoft => "primary_soft",
        }
    }

    /// The property in `style/main.css` this colour sets.
    pub fn property(self) -> &'static str {
        match self {
            Brand::Primary => "--mc-color-primary",
            Brand::PrimaryStrong => "--mc-color-primary-strong",
            Brand::PrimarySoft => "--mc-color-primary-soft",
        }
    }

    /// The default in `style/main.css`.
    pub fn default_rgb(self) -> [u8; 3] {
        match self {
            Brand::Primary => [0x17, 0x69, 0x5f],
            Brand::PrimaryStrong => [0x0f, 0x4f, 0x47],
            Brand::PrimarySoft => [0xe4, 0xf2, 0xef],
        }
    }
}

/// White (text on buttons), the page background and the body text of
/// `style/main.css`: what brand colours must contrast with.
pub const WHITE: [u8; 3] = [0xff, 0xff, 0xff];

pub const PAGE_BG: [u8; 3] = [0xf7, 0xf5, 0xf2];

pub const TEXT: [u8; 3] = [0x1e, 0x2a, 0x2d];

/// A colour `#rgb` or `#rrggbb`.
pub fn parse_color(text: &str) -> Option<[u8; 3]> {
    let hex = text.strip_prefix('#')?;
    let value = |s: &str| u8::from_str_radix(s, 16).ok();
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    match hex.len() {
        3 => {
            let mut rgb = [0; 3];
            for (i, c) in hex.chars().enumerate() {
                rgb[i] = value(&c.to_string())? * 17;
            }
            Some(rgb)
        }
        6 => Some([value(&hex[0..2])?, value(&hex[2..4])?, value(&hex[4..6])?]),
        _ => None,
    }
}

/// sRGB channel value to linear light, times 65 535 (WCAG 2 formula;
/// a table, so the WASM needs no floating-point power function).
const LINEAR: [u16; 256] = [
    0, 20, 40, 60, 80, 99, 119, 139, 159, 179, 199, 219, 241, 264, 288, 313, 340, 367, 396, 427,
    458, 491, 526, 562, 599, 637, 677, 718, 761, 805, 851, 898, 947, 997, 1048, 1101, 1156, 1212,
    1270, 1330, 1391, 1453, 1517, 1583, 1651, 1720, 1790, 1863, 1937, 2013, 2090, 2170, 2250, 2333,
    2418, 2504, 2592, 2681, 2773, 2866, 2961, 3058, 3157, 3258, 3360, 3464, 3570, 3678, 3788, 3900,
    4014, 4129, 4247, 4366, 4488, 4611, 4736, 4864, 4993, 5124, 5257, 5392, 5530, 5669, 5810, 5953,
    6099, 6246, 6395, 6547, 6700, 6856, 7014, 7174, 7335, 7500, 7666, 7834, 8004, 8177, 8352, 8528,
    8708, 8889, 9072, 9258, 9445, 9635, 9828, 10022, 10219, 10417, 10619, 10822, 11028, 11235,
    11446, 11658, 11873, 12090, 12309, 12530, 12754, 12980, 13209, 13440, 13673, 13909, 14146,
    14387, 14629, 14874, 15122, 15371, 15623, 15878, 16135, 16394, 16656, 16920, 17187, 17456,
    17727, 18001, 18277, 18556, 18837, 19121, 19407, 19696, 19987, 20281, 20577, 20876, 21177,
    21481, 21787, 22096, 22407, 22721, 23038, 23357, 23678, 24002, 24329, 24658, 24990, 25325,
    25662, 26001, 26344, 26688, 27036, 27386, 27739, 28094, 28452, 28813, 29176, 29542, 29911,
    30282, 30656, 31033, 31412, 31794, 32179, 32567, 32957, 33350, 33745, 34143, 34544, 34948,
    35355, 35764, 36176, 36591, 37008, 37429, 37852, 38278, 38706, 39138, 39572, 40009, 40449,
    40891, 41337, 41785, 42236, 42690, 43147, 43606, 44069, 44534, 45002, 45473, 45947, 46423,
    46903, 47385, 47871, 48359, 48850, 49344, 49841, 50341, 50844, 51349, 51858, 52369, 52884,
    53401, 53921, 54445, 54971, 55500, 56032, 56567, 57105, 57646, 58190, 58737, 59287, 59840,
    60396, 60955, 61517, 62082, 62650, 63221, 63795, 64372, 64952, 65535,
];

fn luminance(rgb: [u8; 3]) -> u64 {
    let [r, g, b] = rgb.map(|c| u64::from(LINEAR[usize::from(c)]));
    2126 * r + 7152 * g + 722 * b
}

/// The WCAG contrast ratio of two colours, times 100 (450 is 4.5:1).
pub fn contrast_x100(a: [u8; 3], b: [u8; 3]) -> u64 {
    // Luminances are scaled by 65 535 * 10 000, so 0.05 is 32 767 500.
    let (la, lb) = (luminance(a) + 32_767_500, luminance(b) + 32_767_500);
    la.max(lb) * 100 / la.min(lb)
}

fn hex(rgb: [u8; 3]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::from("#");
    for c in rgb {
        out.push(DIGITS[usize::from(c >> 4)] as char);
        out.push(DIGITS[usize::from(c & 15)] as char);
    }
    out
}

fn ratio(x100: u64) -> String {
    format!("{}.{:02}:1", x100 / 100, x100 % 100)
}

/// `colors`, by [`Brand::key`].
#[derive(Deserialize)]
pub(super) struct ColorsFile {
    #[serde(default, deserialize_with = "given")]
    primary: Option<Value>,
    #[serde(default, deserialize_with = "given")]
    primary_strong: Option<Value>,
    #[serde(default, deserialize_with = "given")]
    primary_soft: Option<Value>,
}

impl Shape for ColorsFile {
    const FIELDS: &'static [&'static str] = &["primary", "primary_strong", "primary_soft"];
}

impl Check {
    pub(super) fn logo(&mut self, v: &Value) -> Option<String> {
        let name = v.as_str().unwrap_or_default();
        let ext = name.rsplit('.').next().unwrap_or_default();
        let ok = name.len() <= 100
            && !name.starts_with('.')
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b))
            && ["png", "svg", "jpg", "jpeg", "webp"].contains(&ext);
        if !ok {
            self.bad(
                "logo",
                "a file name beside clinic.json ending in .png, .svg, .jpg or .webp",
                v,
            );
        }
        ok.then(|| name.to_string())
    }

    pub(super) fn colors(&mut self, v: &Value) -> Vec<(Brand, String)> {
        let Some(file) = self.shape::<ColorsFile>("colors", v) else {
            return Vec::new();
        };
        let written = [file.primary, file.primary_strong, file.primary_soft];
        let mut given = [None; 3];
        for (brand, value) in Brand::ALL.into_iter().zip(written) {
            let Some(value) = value else {
                continue;
            };
            let i = brand as usize;
            given[i] = value.as_str().and_then(parse_color);
            if given[i].is_none() {
                self.bad(
                    &path("colors", brand.key()),
                    "a colour #rgb or #rrggbb",
                    &value,
                );
            }
        }
        // Each colour against what is drawn on or under it, with the other
        // colours as they will be (the clinic's if accepted, else default).
        let mut accept = |brand: Brand, against: &[([u8; 3], &str)]| {
            let rgb = given[brand as usize]?;
            for (other, what) in against {
                let x100 = contrast_x100(rgb, *other);
                if x100 < 450 {
                    self.note(
                        &path("colors", brand.key()),
                        &format!("a contrast of at least 4.5:1 with {what}"),
                        format!("{}, {}", hex(rgb), ratio(x100)),
                    );
                    return None;
                }
            }
            Some(rgb)
        };
        let primary = accept(Brand::Primary, &[(WHITE, "the white text of buttons")]);
        let soft = accept(Brand::PrimarySoft, &[(TEXT, "the text #1e2a2d")]);
        let soft_or_default = soft.unwrap_or(Brand::PrimarySoft.default_rgb());
        let strong = accept(
            Brand::PrimaryStrong,
            &[
                (PAGE_BG, "the page background #f7f5f2"),
                (soft_or_default, "primary_soft"),
            ],
        );
        let strong_or_default = strong.unwrap_or(Brand::PrimaryStrong.default_rgb());
        let soft = soft.filter(|soft| {
            let x100 = contrast_x100(*soft, strong_or_default);
            let ok = x100 >= 450;
            if !ok {
                self.note(
                    "colors.primary_soft",
                    "a contrast of at least 4.5:1 with primary_strong",
                    format!("{}, {}", hex(*soft), ratio(x100)),
                );
            }
            ok
        });
        [
            (Brand::Primary, primary),
            (Brand::PrimaryStrong, strong),
            (Brand::PrimarySoft, soft),
        ]
        .into_iter()
        .filter_map(|(brand, rgb)| Some((brand, hex(rgb?))))
        .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::clinic::file::tests::{fields, parse};

    #[test]
    fn colours_are_checked_for_format_and_contrast() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            // (colour of primary, expected problem, accepted as)
            ("#8a3b5c", "", Some("#8a3b5c")),
            ("#333", "", Some("#333333")),
            ("#ABCDEF", "contrast", None),
            ("red", "#rgb", None),
            ("#12345", "#rgb", None),
            ("#gggggg", "#rgb", None),
            ("rgb(0,0,0)", "#rgb", None),
            ("#000;background:url(x)", "#rgb", None),
            ("#ff0", "contrast", None),
            ("#17695f", "", Some("#17695f")),
        ];
        for (colour, problem, accepted) in cases {
            let (clinic, problems) =
                parse(&format!(r##"{{"colors": {{"primary": "{colour}"}}}}"##));
            let got = clinic
                .colors
                .iter()
                .find(|(b, _)| *b == Brand::Primary)
                .map(|(_, c)| c.as_str());
            assert_eq!(got, *accepted, "{colour}");
            if problem.is_empty() {
                assert_eq!(problems, vec![], "{colour}");
            } else {
                assert_eq!(problems.len(), 1, "{colour}");
                assert_eq!(problems[0].field, "colors.primary");
                assert!(
                    problems[0].expected.contains(problem),
                    "{colour}: {}",
                    problems[0]
                );
            }
        }
        let (_, problems) = parse(r##"{"colors": {"primary": "#ff0"}}"##);
        assert_eq!(
            problems[0].to_string(),
            "colors.primary: expected a contrast of at least 4.5:1 with the white text of buttons, found #ffff00, 1.07:1"
        );
    }

    #[test]
    fn links_and_text_colours_are_checked_against_what_is_around_them() {
        // A light soft tint under dark text is fine; a dark one is not.
        assert_eq!(
            fields(r##"{"colors": {"primary_soft": "#fdf2f8"}}"##),
            Vec::<String>::new()
        );
        assert_eq!(
            fields(r##"{"colors": {"primary_soft": "#555555"}}"##),
            vec!["colors.primary_soft"]
        );
        // Links too light for the page background.
        assert_eq!(
            fields(r##"{"colors": {"primary_strong": "#8fbc8f"}}"##),
            vec!["colors.primary_strong"]
        );
        let (clinic, _) =
            parse(r##"{"colors": {"primary_strong": "#8fbc8f", "primary": "#6b2a47"}}"##);
        assert_eq!(clinic.colors, vec![(Brand::Primary, "#6b2a47".to_string())]);
    }

    #[test]
    fn the_contrast_table_matches_the_wcag_formula() {
        for (i, lin) in LINEAR.iter().enumerate() {
            let c = i as f64 / 255.0;
            let exact = if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            };
            assert!(
                (f64::from(*lin) / 65535.0 - exact).abs() <= 0.5 / 65535.0,
                "{i}"
            );
        }
        assert_eq!(contrast_x100([0; 3], WHITE), 2100);
        assert_eq!(contrast_x100(WHITE, WHITE), 100);
        // #767676 on white is the classic 4.54:1.
        assert_eq!(contrast_x100([0x76; 3], WHITE), 454);
        assert!(contrast_x100(Brand::Primary.default_rgb(), WHITE) >= 450);
    }
}
