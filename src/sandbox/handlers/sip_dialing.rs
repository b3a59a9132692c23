//! `POST /webinars/{id}/sip_dialing`: the SIP URI that a room system dials
//! to join the webinar, with an optional passcode embedded.

use serde_json::{Map, json};

use super::{ApiCall, HandlerResult};
use crate::sandbox::fields::{FieldErrors, Fields, parse_object};
use crate::sandbox::ids;
use crate::sandbox::reply::Reply;
use crate::sandbox::state::SandboxState;

/// Seconds the SIP URI stays valid, from the example in Zoom's spec.
const SIP_URI_TTL_SECS: u64 = 7200;
/// The domain of the simulated Conference Room Connector.
const SIP_DOMAIN: &str = "crc.sandbox.example.com";

/// Returns the SIP URI. The simulated account has a Conference Room
/// Connector plan, so the participant identifier code is embedded in the
/// URI, laid out as in the example of Zoom's spec
/// (`{webinar id}.{passcode}....{code}@{domain}`). Zoom does not check the
/// passcode, and neither does the sandbox. The body may be empty.
pub(super) fn create(state: &mut SandboxState, call: &ApiCall<'_>) -> HandlerResult {
    let webinar = state.webinar(call.param(0))?;
    let body = if call.body.iter().all(u8::is_ascii_whitespace) {
        Map::new()
    } else {
        parse_object(call.body)?
    };
    let mut errors = FieldErrors::default();
    let passcode = Fields::root(&body)
        .string("passcode", usize::MAX, &mut errors)
        .unwrap_or_default();
    errors.finish()?;

    let code: String = ids::secret()[..9].to_owned();
    let sip_dialing = if passcode.is_empty() {
        format!("{}....{code}@{SIP_DOMAIN}", webinar.id)
    } else {
        format!("{}.{passcode}....{code}@{SIP_DOMAIN}", webinar.id)
    };
    tracing::debug!(webinar_id = webinar.id, "sandbox issued a SIP URI");
    Ok(Reply::created(json!({
        "sip_dialing": sip_dialing,
        "paid_crc_plan_participant": true,
        "participant_identifier_code": code,
        "expire_in": SIP_URI_TTL_SECS,
    })))
}
