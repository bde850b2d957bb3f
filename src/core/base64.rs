//! Base64 (RFC 4648, standard alphabet, padded): how a photo's bytes are
//! written in a backup file, which is JSON text. A few lines here rather
//! than a crate: only these two functions are needed, and each byte of the
//! WASM is downloaded by every visitor.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// The length of the base64 text of `bytes` bytes.
pub(crate) fn encoded_len(bytes: u64) -> u64 {
    bytes.div_ceil(3) * 4
}

pub(crate) fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(encoded_len(bytes.len() as u64) as usize);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn value(c: u8) -> Option<u32> {
    Some(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    } as u32)
}

/// Decodes padded base64 of at most `max_bytes` decoded bytes: anything
/// else (other characters, wrong padding, too long) is an error, checked
/// before anything is allocated.
pub(crate) fn decode(text: &str, max_bytes: u64) -> Result<Vec<u8>, String> {
    let text = text.as_bytes();
    if !text.len().is_multiple_of(4) {
        return Err("base64 length is not a multiple of 4".into());
    }
    if text.len() as u64 / 4 * 3 > max_bytes + 2 {
        return Err(format!("more than {max_bytes} bytes"));
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let last = text.len() / 4;
    for (index, quad) in text.chunks(4).enumerate() {
        let pad = quad.iter().rev().take_while(|c| **c == b'=').count();
        if pad > 2 || (pad > 0 && index + 1 != last) {
            return Err("misplaced base64 padding".into());
        }
        let mut n = 0u32;
        for &c in &quad[..4 - pad] {
            n = n << 6 | value(c).ok_or("not base64")?;
        }
        n <<= 6 * pad as u32;
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..3 - pad]);
    }
    if out.len() as u64 > max_bytes {
        return Err(format!("more than {max_bytes} bytes"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_4648_vectors_round_trip() {
        let cases: &[(&str, &str)] = &[
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, coded) in cases {
            assert_eq!(encode(plain.as_bytes()), *coded);
            assert_eq!(encoded_len(plain.len() as u64), coded.len() as u64);
            assert_eq!(decode(coded, 100).unwrap(), plain.as_bytes(), "{coded}");
        }
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(decode(&encode(&all), 256).unwrap(), all);
    }

    #[test]
    fn malformed_or_too_long_base64_is_refused() {
        for bad in [
            "Zg=", "Zg===", "Z===", "Zg==Zm8=", "Zm9v!A==", "Zm 9", "é123",
        ] {
            assert!(decode(bad, 100).is_err(), "{bad}");
        }
        assert!(
            decode("Zm9vYmFy", 5).is_err(),
            "6 bytes where 5 are allowed"
        );
        assert!(decode("Zm9vYmE=", 5).is_ok());
        let huge = "A".repeat(4_000_000);
        assert!(decode(&huge, 1_000).is_err());
    }
}
