//! QR codes for session links, drawn as one SVG path.
//!
//! The encoding is Project Nayuki's `qrcodegen` crate (no dependencies,
//! maintained since 2016); this module turns its modules into the `d` of a
//! single `<path>`, so the interface draws
//! `<svg viewBox=...><path d=.../></svg>` with no markup built from text.
//!
//! ```
//! use microcare::core::qr::Qr;
//! let qr = Qr::encode("https://clinic.example/care/#/s?v=1&t=29409930&a=face&n=2&i=28&l=es").unwrap();
//! assert_eq!(qr.view_box(), format!("0 0 {0} {0}", qr.size() + 8));
//! assert!(qr.path_data().starts_with('M'));
//! ```

use qrcodegen::{QrCode, QrCodeEcc};

/// White modules around the code on every side: the four the QR standard
/// asks for, so a camera finds the code on any background.
pub const QUIET_ZONE: usize = 4;

/// A text longer than this is not a session link: it is refused rather
/// than drawn as a code too dense to scan from a phone.
pub const MAX_TEXT: usize = 500;

/// A QR code's modules: `size` × `size`, dark or light.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Qr {
    size: usize,
    dark: Vec<bool>,
}

/// Why a text could not be drawn as a QR code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QrError {
    /// Longer than [`MAX_TEXT`] bytes.
    TooLong,
}

impl Qr {
    /// The QR code of `text`, with medium error correction (about 15% of
    /// the code may be smudged or folded on a printed card), raised when
    /// that costs no extra size.
    pub fn encode(text: &str) -> Result<Qr, QrError> {
        if text.len() > MAX_TEXT {
            return Err(QrError::TooLong);
        }
        let code = QrCode::encode_text(text, QrCodeEcc::Medium).map_err(|_| QrError::TooLong)?;
        let size = code.size();
        let dark = (0..size)
            .flat_map(|y| (0..size).map(move |x| (x, y)))
            .map(|(x, y)| code.get_module(x, y))
            .collect();
        Ok(Qr {
            size: size as usize,
            dark,
        })
    }

    /// Modules on each side, without the quiet zone.
    pub fn size(&self) -> usize {
        self.size
    }

    /// Whether the module at column `x`, row `y` is dark (outside: light).
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.size && y < self.size && self.dark[y * self.size + x]
    }

    /// The SVG `viewBox`: one unit per module, quiet zone included.
    pub fn view_box(&self) -> String {
        let side = self.size + 2 * QUIET_ZONE;
        format!("0 0 {side} {side}")
    }

    /// The `d` of one path that fills every dark module: each row's runs of
    /// dark modules as rectangles one unit high, offset by the quiet zone.
    /// Draw it with `shape-rendering="crispEdges"` so no seam shows.
    pub fn path_data(&self) -> String {
        let mut d = String::new();
        for y in 0..self.size {
            let mut x = 0;
            while x < self.size {
                if !self.is_dark(x, y) {
                    x += 1;
                    continue;
                }
                let start = x;
                while x < self.size && self.is_dark(x, y) {
                    x += 1;
                }
                let run = x - start;
                d.push_str(&format!(
                    "M{},{}h{run}v1h-{run}z",
                    start + QUIET_ZONE,
                    y + QUIET_ZONE
                ));
            }
        }
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pixels per module in the test images.
    #[cfg(not(target_family = "wasm"))]
    const SCALE: usize = 4;

    /// Draws `d` (the path format of [`Qr::path_data`]: `Mx,yh{n}v1h-{n}z`
    /// repeated) on a white square of `side` modules, as a greyscale image.
    #[cfg(not(target_family = "wasm"))]
    fn rasterise(d: &str, side: usize) -> (usize, Vec<u8>) {
        let px = side * SCALE;
        let mut image = vec![255u8; px * px];
        for rect in d.split('z').filter(|r| !r.is_empty()) {
            let rest = rect.strip_prefix('M').expect("starts with M");
            let (xy, rest) = rest.split_once('h').unwrap();
            let (x, y) = xy.split_once(',').unwrap();
            let (run, rest) = rest.split_once('v').unwrap();
            assert_eq!(rest, format!("1h-{run}"), "{rect}");
            let (x, y, run): (usize, usize, usize) =
                (x.parse().unwrap(), y.parse().unwrap(), run.parse().unwrap());
            for row in y * SCALE..(y + 1) * SCALE {
                for col in x * SCALE..(x + run) * SCALE {
                    image[row * px + col] = 0;
                }
            }
        }
        (px, image)
    }

    /// What a real QR decoder reads in the image of `qr`'s path (the
    /// decoder is a native dev-dependency only). The image must also show
    /// exactly the code's modules: error correction would read a code with
    /// a few wrong ones.
    #[cfg(not(target_family = "wasm"))]
    fn read_back(qr: &Qr) -> String {
        let side = qr.size() + 2 * QUIET_ZONE;
        let (px, image) = rasterise(&qr.path_data(), side);
        for y in 0..side {
            for x in 0..side {
                let drawn = image[(y * SCALE + 1) * px + x * SCALE + 1] == 0;
                let dark = x >= QUIET_ZONE
                    && y >= QUIET_ZONE
                    && qr.is_dark(x - QUIET_ZONE, y - QUIET_ZONE);
                assert_eq!(drawn, dark, "module ({x}, {y})");
            }
        }
        let mut prepared =
            rqrr::PreparedImage::prepare_from_greyscale(px, px, |x, y| image[y * px + x]);
        let grids = prepared.detect_grids();
        assert_eq!(grids.len(), 1, "one code in the image");
        let (_, content) = grids[0].decode().expect("decodes");
        content
    }

    #[cfg(not(target_family = "wasm"))]
    #[test]
    fn a_real_decoder_reads_the_link_back_from_the_drawn_path() {
        let links = [
            "https://clinic.example/care/#/s?v=1&t=29409930&a=face&n=2&i=28&l=pt-BR",
            "http://127.0.0.1:4291/care/#/s?v=1&t=29409930&a=body&n=12&i=180&l=es",
            "https://www.a-rather-long-clinic-domain-name.example.com.br/clinica/cuidados/microagulhamento/#/s?v=1&t=29409930&a=neck&n=1&i=28&l=en",
            "#/s?v=1&t=0&a=face&n=1&i=28&l=en",
        ];
        for link in links {
            let qr = Qr::encode(link).unwrap();
            assert_eq!(read_back(&qr), link);
        }
    }

    #[test]
    fn a_typical_link_makes_a_small_code() {
        let qr =
            Qr::encode("https://clinic.example/care/#/s?v=1&t=29409930&a=face&n=2&i=28&l=pt-BR")
                .unwrap();
        // Version 5 (37 modules) or less: easy for a phone camera at arm's
        // length, even printed 3 cm wide on an A6 card.
        assert!(qr.size() <= 37, "{} modules", qr.size());
        assert_eq!(qr.view_box(), format!("0 0 {0} {0}", qr.size() + 8));
        // The three finder patterns' corners are dark, the quiet zone light.
        let last = qr.size() - 1;
        for (x, y) in [(0, 0), (last, 0), (0, last)] {
            assert!(qr.is_dark(x, y), "({x}, {y})");
        }
        assert!(!qr.is_dark(last, last + 1));
        assert!(!qr.path_data().contains(&format!("M{},", QUIET_ZONE - 1)));
    }

    #[test]
    fn the_path_is_one_path_of_plain_path_data() {
        let qr = Qr::encode("#/s?v=1").unwrap();
        // One path: it starts with a move and never closes into another
        // element; the interface draws it as the `d` of its one `<path>`.
        assert!(qr.path_data().starts_with('M'));
        // Only the characters of the path format: nothing to escape.
        assert!(qr
            .path_data()
            .bytes()
            .all(|b| b.is_ascii_digit() || b"Mhvz,-".contains(&b)));
    }

    #[test]
    fn too_long_a_text_is_refused_not_drawn() {
        assert_eq!(Qr::encode(&"a".repeat(MAX_TEXT + 1)), Err(QrError::TooLong));
        assert!(Qr::encode(&"é".repeat(MAX_TEXT / 2)).is_ok());
        assert!(Qr::encode("").is_ok());
    }
}
