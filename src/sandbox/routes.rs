//! The endpoints the sandbox serves, matched on raw path segments, with the
//! OAuth scopes each one accepts (from the `x-macro-scopes` and
//! `x-granular-scopes` of Zoom's OpenAPI spec) and the request body size
//! each one reads.

use axum::http::Method;

/// An API v2 operation the sandbox implements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Endpoint {
    ListUsers,
    GetUser,
    ListWebinarTemplates,
    CreateWebinarTemplate,
    ListWebinars,
    CreateWebinar,
    GetWebinar,
    UpdateWebinar,
    DeleteWebinar,
    UpdateWebinarStatus,
    AddBatchRegistrants,
    GetBranding,
    CreateNameTag,
    DeleteNameTags,
    UpdateNameTag,
    UploadVirtualBackground,
    SetDefaultVirtualBackground,
    DeleteVirtualBackgrounds,
    UploadWallpaper,
    DeleteWallpaper,
    GetLiveStreamingJoinToken,
    GetLocalArchivingToken,
    GetLocalRecordingJoinToken,
    GetLiveStream,
    UpdateLiveStream,
    UpdateLiveStreamStatus,
    ListPanelists,
    AddPanelists,
    DeleteAllPanelists,
    DeletePanelist,
    ListPolls,
    CreatePoll,
    GetPoll,
    UpdatePoll,
    DeletePoll,
    CreateInviteLinks,
    ListRegistrants,
    AddRegistrant,
    ListRegistrationQuestions,
    UpdateRegistrationQuestions,
    UpdateRegistrantStatus,
    GetRegistrant,
    DeleteRegistrant,
    CreateSipDialing,
    GetSurvey,
    UpdateSurvey,
    DeleteSurvey,
    GetWebinarToken,
    ListTrackingSources,
    ListPastInstances,
    ListPastParticipants,
    ListAbsentees,
    ListPastPolls,
    ListPastQa,
    ReportWebinar,
    ReportParticipants,
    ReportPolls,
    ReportQa,
    ReportSurvey,
    DeleteLiveChatMessage,
}

/// A path segment pattern: a literal or a parameter.
#[derive(Debug, Clone, Copy)]
enum Part {
    Literal(&'static str),
    Param,
}

use Part::{Literal as L, Param as P};

struct Route {
    endpoint: Endpoint,
    method: Method,
    pattern: &'static [Part],
    classic_scopes: &'static [&'static str],
    granular_scopes: &'static [&'static str],
}

const USER_READ: &[&str] = &[
    "user:read",
    "user:write",
    "user:read:admin",
    "user:write:admin",
];
const WEBINAR_READ: &[&str] = &["webinar:read", "webinar:read:admin"];
const WEBINAR_WRITE: &[&str] = &["webinar:write", "webinar:write:admin"];
const REPORT_READ: &[&str] = &["report:read:admin"];

/// The largest JSON request body read, in bytes (1 MiB).
const MAX_JSON_BODY_BYTES: usize = 1024 * 1024;
/// The largest upload body read, in bytes (16 MiB): a 15 MB image, which is
/// Zoom's limit, plus the multipart framing and form fields.
pub(crate) const MAX_UPLOAD_BODY_BYTES: usize = 16 * 1024 * 1024;

macro_rules! route {
    ($endpoint:ident, $method:ident, [$($part:expr),*], $classic:expr, [$($granular:literal),*]) => {
        Route {
            endpoint: Endpoint::$endpoint,
            method: Method::$method,
            pattern: &[$($part),*],
            classic_scopes: $classic,
            granular_scopes: &[$($granular),*],
        }
    };
}

/// Every route, in the order of Zoom's spec. A literal segment and a
/// parameter can both match `registrants/status` and `registrants/questions`,
/// so the first row whose method fits wins. PUT `status` is the status
/// update, and GET and PATCH `questions` are the registration questions,
/// whose rows come before the registrant rows. GET and DELETE otherwise take
/// a registrant id.
#[rustfmt::skip]
static ROUTES: &[Route] = &[
    route!(ListUsers, GET, [L("users")], USER_READ, ["user:read:list_users:admin"]),
    route!(GetUser, GET, [L("users"), P], &["user:read", "user:write", "user:read:admin", "user:write:admin", "user_profile", "user_info:read"], ["user:read:user", "user:read:user:admin"]),
    route!(ListWebinarTemplates, GET, [L("users"), P, L("webinar_templates")], WEBINAR_READ, ["webinar:read:list_templates", "webinar:read:list_templates:admin"]),
    route!(CreateWebinarTemplate, POST, [L("users"), P, L("webinar_templates")], WEBINAR_WRITE, ["webinar:write:template", "webinar:write:template:admin"]),
    route!(ListWebinars, GET, [L("users"), P, L("webinars")], WEBINAR_READ, ["webinar:read:list_webinars", "webinar:read:list_webinars:admin"]),
    route!(CreateWebinar, POST, [L("users"), P, L("webinars")], WEBINAR_WRITE, ["webinar:write:webinar", "webinar:write:webinar:admin"]),
    route!(GetWebinar, GET, [L("webinars"), P], WEBINAR_READ, ["webinar:read:webinar", "webinar:read:webinar:admin"]),
    route!(UpdateWebinar, PATCH, [L("webinars"), P], WEBINAR_WRITE, ["webinar:update:webinar", "webinar:update:webinar:admin"]),
    route!(DeleteWebinar, DELETE, [L("webinars"), P], WEBINAR_WRITE, ["webinar:delete:webinar", "webinar:delete:webinar:admin"]),
    route!(AddBatchRegistrants, POST, [L("webinars"), P, L("batch_registrants")], WEBINAR_WRITE, ["webinar:write:batch_registrants", "webinar:write:batch_registrants:admin"]),
    route!(GetBranding, GET, [L("webinars"), P, L("branding")], WEBINAR_READ, ["webinar:read:branding", "webinar:read:branding:admin"]),
    route!(CreateNameTag, POST, [L("webinars"), P, L("branding"), L("name_tags")], WEBINAR_WRITE, ["webinar:write:branding_name_tag", "webinar:write:branding_name_tag:admin"]),
    route!(DeleteNameTags, DELETE, [L("webinars"), P, L("branding"), L("name_tags")], WEBINAR_WRITE, ["webinar:delete:branding_name_tag", "webinar:delete:branding_name_tag:admin"]),
    route!(UpdateNameTag, PATCH, [L("webinars"), P, L("branding"), L("name_tags"), P], WEBINAR_WRITE, ["webinar:update:branding_name_tag", "webinar:update:branding_name_tag:admin"]),
    route!(UploadVirtualBackground, POST, [L("webinars"), P, L("branding"), L("virtual_backgrounds")], WEBINAR_WRITE, ["webinar:write:branding_virtual_background", "webinar:write:branding_virtual_background:admin"]),
    route!(SetDefaultVirtualBackground, PATCH, [L("webinars"), P, L("branding"), L("virtual_backgrounds")], WEBINAR_WRITE, ["webinar:update:branding_virtual_background", "webinar:update:branding_virtual_background:admin"]),
    route!(DeleteVirtualBackgrounds, DELETE, [L("webinars"), P, L("branding"), L("virtual_backgrounds")], WEBINAR_WRITE, ["webinar:delete:branding_virtual_background", "webinar:delete:branding_virtual_background:admin"]),
    route!(UploadWallpaper, POST, [L("webinars"), P, L("branding"), L("wallpaper")], WEBINAR_WRITE, ["webinar:write:branding_wallpaper", "webinar:write:branding_wallpaper:admin"]),
    route!(DeleteWallpaper, DELETE, [L("webinars"), P, L("branding"), L("wallpaper")], WEBINAR_WRITE, ["webinar:delete:branding_wallpaper", "webinar:delete:branding_wallpaper:admin"]),
    route!(CreateInviteLinks, POST, [L("webinars"), P, L("invite_links")], WEBINAR_WRITE, ["webinar:write:invite_links", "webinar:write:invite_links:admin"]),
    route!(GetLiveStreamingJoinToken, GET, [L("webinars"), P, L("jointoken"), L("live_streaming")], &["webinar_token:read:admin:live_streaming", "webinar_token:read:live_streaming"], ["webinar:read:live_streaming_token", "webinar:read:live_streaming_token:admin"]),
    route!(GetLocalArchivingToken, GET, [L("webinars"), P, L("jointoken"), L("local_archiving")], &["webinar_token:read:admin:local_archiving"], ["webinar:read:local_archiving_token:admin"]),
    route!(GetLocalRecordingJoinToken, GET, [L("webinars"), P, L("jointoken"), L("local_recording")], &["webinar_token:read:admin:local_recording", "webinar_token:read:local_recording"], ["webinar:read:local_recording_token", "webinar:read:local_recording_token:admin"]),
    route!(GetLiveStream, GET, [L("webinars"), P, L("livestream")], WEBINAR_READ, ["webinar:read:livestream", "webinar:read:livestream:admin"]),
    route!(UpdateLiveStream, PATCH, [L("webinars"), P, L("livestream")], WEBINAR_WRITE, ["webinar:update:livestream", "webinar:update:livestream:admin"]),
    route!(UpdateLiveStreamStatus, PATCH, [L("webinars"), P, L("livestream"), L("status")], WEBINAR_WRITE, ["webinar:update:livestream_status", "webinar:update:livestream_status:admin"]),
    route!(ListPanelists, GET, [L("webinars"), P, L("panelists")], WEBINAR_READ, ["webinar:read:list_panelists", "webinar:read:list_panelists:admin"]),
    route!(AddPanelists, POST, [L("webinars"), P, L("panelists")], WEBINAR_WRITE, ["webinar:write:panelist", "webinar:write:panelist:admin"]),
    route!(DeleteAllPanelists, DELETE, [L("webinars"), P, L("panelists")], WEBINAR_WRITE, ["webinar:delete:panelist", "webinar:delete:panelist:admin"]),
    route!(DeletePanelist, DELETE, [L("webinars"), P, L("panelists"), P], WEBINAR_WRITE, ["webinar:delete:panelist", "webinar:delete:panelist:admin"]),
    route!(ListPolls, GET, [L("webinars"), P, L("polls")], WEBINAR_READ, ["webinar:read:list_polls", "webinar:read:list_polls:admin"]),
    route!(CreatePoll, POST, [L("webinars"), P, L("polls")], WEBINAR_WRITE, ["webinar:write:poll", "webinar:write:poll:admin"]),
    route!(GetPoll, GET, [L("webinars"), P, L("polls"), P], WEBINAR_READ, ["webinar:read:poll", "webinar:read:poll:admin"]),
    route!(UpdatePoll, PUT, [L("webinars"), P, L("polls"), P], WEBINAR_WRITE, ["webinar:update:poll", "webinar:update:poll:admin"]),
    route!(DeletePoll, DELETE, [L("webinars"), P, L("polls"), P], WEBINAR_WRITE, ["webinar:delete:poll", "webinar:delete:poll:admin"]),
    route!(ListRegistrants, GET, [L("webinars"), P, L("registrants")], WEBINAR_READ, ["webinar:read:list_registrants", "webinar:read:list_registrants:admin"]),
    route!(AddRegistrant, POST, [L("webinars"), P, L("registrants")], WEBINAR_WRITE, ["webinar:write:registrant", "webinar:write:registrant:admin"]),
    route!(ListRegistrationQuestions, GET, [L("webinars"), P, L("registrants"), L("questions")], WEBINAR_READ, ["webinar:read:list_registration_questions", "webinar:read:list_registration_questions:admin"]),
    route!(UpdateRegistrationQuestions, PATCH, [L("webinars"), P, L("registrants"), L("questions")], WEBINAR_WRITE, ["webinar:update:registration_question", "webinar:update:registration_question:admin"]),
    route!(UpdateRegistrantStatus, PUT, [L("webinars"), P, L("registrants"), L("status")], WEBINAR_WRITE, ["webinar:update:registrant_status", "webinar:update:registrant_status:admin"]),
    route!(GetRegistrant, GET, [L("webinars"), P, L("registrants"), P], WEBINAR_READ, ["webinar:read:registrant", "webinar:read:registrant:admin"]),
    route!(DeleteRegistrant, DELETE, [L("webinars"), P, L("registrants"), P], WEBINAR_WRITE, ["webinar:delete:registrant", "webinar:delete:registrant:admin"]),
    route!(CreateSipDialing, POST, [L("webinars"), P, L("sip_dialing")], &["webinar:write:sip_dialing", "webinar:write:admin:sip_dialing"], ["webinar:write:sip_dialing", "webinar:write:sip_dialing:admin"]),
    route!(UpdateWebinarStatus, PUT, [L("webinars"), P, L("status")], WEBINAR_WRITE, ["webinar:update:status", "webinar:update:status:admin"]),
    route!(GetSurvey, GET, [L("webinars"), P, L("survey")], WEBINAR_READ, ["webinar:read:survey", "webinar:read:survey:admin"]),
    route!(UpdateSurvey, PATCH, [L("webinars"), P, L("survey")], WEBINAR_WRITE, ["webinar:update:survey", "webinar:update:survey:admin"]),
    route!(DeleteSurvey, DELETE, [L("webinars"), P, L("survey")], WEBINAR_WRITE, ["webinar:delete:survey", "webinar:delete:survey:admin"]),
    route!(GetWebinarToken, GET, [L("webinars"), P, L("token")], WEBINAR_READ, ["webinar:read:token", "webinar:read:token:admin"]),
    route!(ListTrackingSources, GET, [L("webinars"), P, L("tracking_sources")], WEBINAR_READ, ["webinar:read:list_tracking_sources", "webinar:read:list_tracking_sources:admin"]),
    route!(ListAbsentees, GET, [L("past_webinars"), P, L("absentees")], WEBINAR_READ, ["webinar:read:list_absentees", "webinar:read:list_absentees:admin"]),
    route!(ListPastInstances, GET, [L("past_webinars"), P, L("instances")], WEBINAR_READ, ["webinar:read:list_past_instances", "webinar:read:list_past_instances:admin"]),
    route!(ListPastParticipants, GET, [L("past_webinars"), P, L("participants")], WEBINAR_READ, ["webinar:read:list_past_participants:admin", "webinar:read:list_past_participants"]),
    route!(ListPastPolls, GET, [L("past_webinars"), P, L("polls")], WEBINAR_READ, ["webinar:read:list_past_polls", "webinar:read:list_past_polls:admin"]),
    route!(ListPastQa, GET, [L("past_webinars"), P, L("qa")], WEBINAR_READ, ["webinar:read:past_qa", "webinar:read:past_qa:admin"]),
    route!(ReportWebinar, GET, [L("report"), L("webinars"), P], REPORT_READ, ["report:read:webinar:admin"]),
    route!(ReportParticipants, GET, [L("report"), L("webinars"), P, L("participants")], REPORT_READ, ["report:read:list_webinar_participants:admin"]),
    route!(ReportPolls, GET, [L("report"), L("webinars"), P, L("polls")], REPORT_READ, ["report:read:list_webinar_polls:admin"]),
    route!(ReportQa, GET, [L("report"), L("webinars"), P, L("qa")], REPORT_READ, ["report:read:webinar_qna:admin"]),
    route!(ReportSurvey, GET, [L("report"), L("webinars"), P, L("survey")], REPORT_READ, ["report:read:webinar_survey:admin"]),
    route!(DeleteLiveChatMessage, DELETE, [L("live_webinars"), P, L("chat"), L("messages"), P], WEBINAR_WRITE, ["webinar:delete:live_webinar_chat_message", "webinar:delete:live_webinar_chat_message:admin"]),
];

/// The outcome of matching a request against the route table.
#[derive(Debug, PartialEq)]
pub(crate) enum RouteMatch {
    /// The route and its raw (still percent-encoded) parameter segments.
    Found {
        endpoint: Endpoint,
        params: Vec<String>,
    },
    /// The path exists, but not for this method; carries the methods it takes.
    MethodNotAllowed {
        allowed: Vec<Method>,
    },
    NotFound,
}

/// Matches `method` and the raw path segments after `/v2`.
pub(crate) fn match_route(method: &Method, segments: &[&str]) -> RouteMatch {
    let mut allowed = Vec::new();
    for route in ROUTES {
        let Some(params) = match_pattern(route.pattern, segments) else {
            continue;
        };
        if route.method == *method {
            return RouteMatch::Found {
                endpoint: route.endpoint,
                params,
            };
        }
        if !allowed.contains(&route.method) {
            allowed.push(route.method.clone());
        }
    }
    if allowed.is_empty() {
        RouteMatch::NotFound
    } else {
        RouteMatch::MethodNotAllowed { allowed }
    }
}

fn match_pattern(pattern: &[Part], segments: &[&str]) -> Option<Vec<String>> {
    if pattern.len() != segments.len() {
        return None;
    }
    let mut params = Vec::new();
    for (part, segment) in pattern.iter().zip(segments) {
        match part {
            Part::Literal(literal) if literal == segment => {}
            Part::Literal(_) => return None,
            Part::Param if segment.is_empty() => return None,
            Part::Param => params.push((*segment).to_owned()),
        }
    }
    Some(params)
}

impl Endpoint {
    fn route(self) -> &'static Route {
        ROUTES
            .iter()
            .find(|route| route.endpoint == self)
            .expect("every endpoint has a route")
    }

    /// Reports whether a token with `granted` scopes may call this endpoint:
    /// any one of its classic or granular scopes is enough.
    pub(crate) fn allows(self, granted: &[String]) -> bool {
        let route = self.route();
        route
            .classic_scopes
            .iter()
            .chain(route.granular_scopes)
            .any(|scope| granted.iter().any(|held| held == scope))
    }

    /// Returns the granular scopes that Zoom names in its code 4711 message.
    pub(crate) fn granular_scopes(self) -> &'static [&'static str] {
        self.route().granular_scopes
    }

    /// Returns the largest request body this endpoint reads, in bytes.
    fn max_body_bytes(self) -> usize {
        match self {
            Endpoint::UploadVirtualBackground | Endpoint::UploadWallpaper => MAX_UPLOAD_BODY_BYTES,
            _ => MAX_JSON_BODY_BYTES,
        }
    }
}

/// Returns the largest body the sandbox reads for `method` on `raw_path`:
/// 16 MiB for the branding uploads, else 1 MiB. A path that matches no
/// route gets the JSON limit.
pub(crate) fn max_body_bytes(method: &Method, raw_path: &str) -> usize {
    let Some(api_path) = raw_path.strip_prefix("/v2/") else {
        return MAX_JSON_BODY_BYTES;
    };
    let segments: Vec<&str> = api_path.split('/').collect();
    match match_route(method, &segments) {
        RouteMatch::Found { endpoint, .. } => endpoint.max_body_bytes(),
        _ => MAX_JSON_BODY_BYTES,
    }
}

/// Scopes granted when the options name none: the classic `:admin` scopes
/// and the granular `:admin` variant of every served endpoint.
pub(crate) fn default_scopes() -> Vec<String> {
    let mut scopes: Vec<String> = [
        "user:read:admin",
        "webinar:read:admin",
        "webinar:write:admin",
        "report:read:admin",
    ]
    .iter()
    .map(|scope| (*scope).to_owned())
    .collect();
    for route in ROUTES {
        for scope in route.granular_scopes {
            if scope.ends_with(":admin") && !scopes.iter().any(|held| held == scope) {
                scopes.push((*scope).to_owned());
            }
        }
    }
    scopes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registrant_status_route_depends_on_method() {
        let segments = ["webinars", "81100000001", "registrants", "status"];
        let put = match_route(&Method::PUT, &segments);
        let get = match_route(&Method::GET, &segments);
        assert!(matches!(
            put,
            RouteMatch::Found {
                endpoint: Endpoint::UpdateRegistrantStatus,
                ..
            }
        ));
        assert!(matches!(
            get,
            RouteMatch::Found {
                endpoint: Endpoint::GetRegistrant,
                ..
            }
        ));
    }

    #[test]
    fn wrong_method_lists_allowed_methods() {
        let segments = ["webinars", "81100000001", "polls", "abc"];
        let outcome = match_route(&Method::PATCH, &segments);
        assert_eq!(
            outcome,
            RouteMatch::MethodNotAllowed {
                allowed: vec![Method::GET, Method::PUT, Method::DELETE]
            }
        );
    }

    #[test]
    fn default_scopes_cover_every_endpoint() {
        let scopes = default_scopes();
        for route in ROUTES {
            assert!(
                route.endpoint.allows(&scopes),
                "{:?} is not covered",
                route.endpoint
            );
        }
    }

    #[test]
    fn registration_questions_route_before_registrant() {
        let segments = ["webinars", "81100000001", "registrants", "questions"];
        let get = match_route(&Method::GET, &segments);
        let delete = match_route(&Method::DELETE, &segments);
        assert!(matches!(
            get,
            RouteMatch::Found {
                endpoint: Endpoint::ListRegistrationQuestions,
                ..
            }
        ));
        assert!(matches!(
            delete,
            RouteMatch::Found {
                endpoint: Endpoint::DeleteRegistrant,
                ..
            }
        ));
    }

    #[test]
    fn uploads_get_the_larger_body_limit() {
        let upload = "/v2/webinars/81100000001/branding/wallpaper";
        assert_eq!(max_body_bytes(&Method::POST, upload), MAX_UPLOAD_BODY_BYTES);
        assert_eq!(max_body_bytes(&Method::DELETE, upload), MAX_JSON_BODY_BYTES);
        assert_eq!(
            max_body_bytes(&Method::POST, "/v2/webinars/81100000001/polls"),
            MAX_JSON_BODY_BYTES
        );
        assert_eq!(
            max_body_bytes(&Method::POST, "/oauth/token"),
            MAX_JSON_BODY_BYTES
        );
    }

    #[test]
    fn granular_scope_alone_is_enough() {
        let scopes = vec!["webinar:write:webinar:admin".to_owned()];
        assert!(Endpoint::CreateWebinar.allows(&scopes));
        assert!(!Endpoint::GetWebinar.allows(&scopes));
    }
}
