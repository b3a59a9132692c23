//! Random identifiers shaped like Zoom's.

use uuid::Uuid;

const STANDARD_ALPHABET: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const URL_SAFE_ALPHABET: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Encodes `bytes` as base64 with the given alphabet, padded with `=` when
/// `pad` is set.
fn base64(bytes: &[u8], alphabet: &[u8; 64], pad: bool) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b0 = u32::from(chunk[0]);
        let b1 = u32::from(chunk.get(1).copied().unwrap_or(0));
        let b2 = u32::from(chunk.get(2).copied().unwrap_or(0));
        let triple = (b0 << 16) | (b1 << 8) | b2;
        let sextets = [
            (triple >> 18) & 63,
            (triple >> 12) & 63,
            (triple >> 6) & 63,
            triple & 63,
        ];
        let emitted = chunk.len() + 1;
        for (index, sextet) in sextets.iter().enumerate() {
            if index < emitted {
                out.push(char::from(alphabet[*sextet as usize]));
            } else if pad {
                out.push('=');
            }
        }
    }
    out
}

/// Returns a webinar instance UUID: 16 random bytes in standard base64, such
/// as `Kq4+Yz0PR/m1x9bDwtA3gw==`. Like Zoom's, it may contain `+`, `/` and
/// `//`, so callers must encode it in paths.
pub(crate) fn webinar_uuid() -> String {
    base64(Uuid::new_v4().as_bytes(), STANDARD_ALPHABET, true)
}

/// Returns a 22-character URL-safe id like Zoom's user, registrant, panelist
/// and poll ids.
pub(crate) fn short_id() -> String {
    base64(Uuid::new_v4().as_bytes(), URL_SAFE_ALPHABET, false)
}

/// Returns an opaque secret for tokens and join links (64 hex characters).
pub(crate) fn secret() -> String {
    format!("{}{}", Uuid::new_v4().simple(), Uuid::new_v4().simple())
}

/// Returns a passcode of 6 digits, which Zoom generates when the request
/// gives none and `default_passcode` is not false.
pub(crate) fn passcode() -> String {
    let value = u128::from_be_bytes(*Uuid::new_v4().as_bytes());
    format!("{:06}", value % 1_000_000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_known_vectors() {
        assert_eq!(base64(b"", STANDARD_ALPHABET, true), "");
        assert_eq!(base64(b"f", STANDARD_ALPHABET, true), "Zg==");
        assert_eq!(base64(b"fo", STANDARD_ALPHABET, true), "Zm8=");
        assert_eq!(base64(b"foo", STANDARD_ALPHABET, true), "Zm9v");
        assert_eq!(base64(b"foob", URL_SAFE_ALPHABET, false), "Zm9vYg");
        assert_eq!(base64(&[0xfb, 0xff], STANDARD_ALPHABET, true), "+/8=");
        assert_eq!(base64(&[0xfb, 0xff], URL_SAFE_ALPHABET, false), "-_8");
    }

    #[test]
    fn generated_ids_have_zoom_lengths() {
        assert_eq!(webinar_uuid().len(), 24);
        assert!(webinar_uuid().ends_with("=="));
        assert_eq!(short_id().len(), 22);
        assert_eq!(passcode().len(), 6);
        assert_eq!(secret().len(), 64);
    }
}
