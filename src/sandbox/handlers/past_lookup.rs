//! Finding an ended webinar instance from the `{webinarId}` segment of the
//! past-webinar and report paths.
//!
//! The segment is a numeric webinar id, meaning the latest ended instance,
//! or an instance UUID. UUIDs are base64 and may contain `+`, `=` and `/`,
//! so clients percent-encode them; Zoom requires a UUID that begins with `/`
//! or contains `//` to be encoded twice. The sandbox decodes the raw segment
//! once and, because UUIDs never contain `%`, decodes again when a `%` is
//! left. Such a UUID that arrived encoded only once is not found (404 code
//! 3001), as on the real API.

use crate::sandbox::model::past::PastInstance;
use crate::sandbox::model::webinar::Webinar;
use crate::sandbox::query::percent_decode;
use crate::sandbox::reply::ZoomError;
use crate::sandbox::state::SandboxState;
use axum::http::StatusCode;

/// A decoded `{webinarId}` segment.
#[derive(Debug, PartialEq)]
pub(super) enum PastId {
    Numeric(u64),
    Uuid(String),
    /// A UUID that starts with `/` or contains `//` but was encoded once.
    SingleEncodedSlashUuid(String),
}

pub(super) fn decode_past_id(raw: &str) -> PastId {
    let once = percent_decode(raw);
    let (value, double_encoded) = if once.contains('%') {
        (percent_decode(&once), true)
    } else {
        (once, false)
    };
    if !value.is_empty()
        && value.bytes().all(|byte| byte.is_ascii_digit())
        && let Ok(id) = value.parse::<u64>()
    {
        return PastId::Numeric(id);
    }
    if (value.starts_with('/') || value.contains("//")) && !double_encoded {
        return PastId::SingleEncodedSlashUuid(value);
    }
    PastId::Uuid(value)
}

/// 404 code 3001 in the wording of the past-webinar and report endpoints.
pub(super) fn past_not_found(id: &str) -> ZoomError {
    ZoomError::new(
        StatusCode::NOT_FOUND,
        3001,
        format!("Webinar {id} not found or has expired."),
    )
}

/// Finds the instance a raw `{webinarId}` segment names, with its webinar.
pub(super) fn find_instance<'a>(
    state: &'a SandboxState,
    raw: &str,
) -> Result<(&'a Webinar, &'a PastInstance), ZoomError> {
    match decode_past_id(raw) {
        PastId::Numeric(id) => {
            let webinar = state
                .webinars
                .get(&id)
                .ok_or_else(|| past_not_found(&id.to_string()))?;
            let latest = webinar
                .instances
                .iter()
                .max_by_key(|instance| instance.end_time)
                .ok_or_else(|| past_not_found(&id.to_string()))?;
            Ok((webinar, latest))
        }
        PastId::Uuid(uuid) => state
            .webinars
            .values()
            .find_map(|webinar| {
                webinar
                    .instances
                    .iter()
                    .find(|instance| instance.uuid == uuid)
                    .map(|instance| (webinar, instance))
            })
            .ok_or_else(|| past_not_found(&uuid)),
        PastId::SingleEncodedSlashUuid(uuid) => Err(past_not_found(&uuid)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_segment_is_an_id() {
        assert_eq!(decode_past_id("81100000005"), PastId::Numeric(81100000005));
    }

    #[test]
    fn single_encoded_plain_uuid_decodes() {
        assert_eq!(
            decode_past_id("ab%2Bc%2Fd%3D%3D"),
            PastId::Uuid("ab+c/d==".into())
        );
    }

    #[test]
    fn double_encoded_uuid_decodes_twice() {
        assert_eq!(
            decode_past_id("%252FajXp112QmuoKj4854875%253D%253D"),
            PastId::Uuid("/ajXp112QmuoKj4854875==".into())
        );
    }

    #[test]
    fn single_encoded_leading_slash_is_rejected() {
        assert_eq!(
            decode_past_id("%2FajXp112QmuoKj4854875%3D%3D"),
            PastId::SingleEncodedSlashUuid("/ajXp112QmuoKj4854875==".into())
        );
        assert_eq!(
            decode_past_id("ab%2F%2Fcd"),
            PastId::SingleEncodedSlashUuid("ab//cd".into())
        );
    }
}
