//! The endpoints the sandbox serves, matched on raw path segments, with the
//! request body size each one reads. The OAuth scopes each one accepts come
//! from the server's own table (`crate::zoom::scopes`), so the sandbox and
//! the server's scope checks cannot disagree.

use axum::http::Method;

use crate::zoom::scopes::{self, EndpointScopes};

/// An API v2 operation the sandbox implements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Endpoint {
    ListUsers,
    GetUserZak,
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
    /// The path template of Zoom's API reference, the key into the scope table.
    path: &'static str,
}

/// The largest JSON request body read, in bytes (1 MiB).
const MAX_JSON_BODY_BYTES: usize = 1024 * 1024;
/// The largest upload body read, in bytes (16 MiB): a 15 MB image, which is
/// Zoom's limit, plus the multipart framing and form fields.
pub(crate) const MAX_UPLOAD_BODY_BYTES: usize = 16 * 1024 * 1024;

macro_rules! route {
    ($endpoint:ident, $method:ident, [$($part:expr),*], $path:literal) => {
        Route {
            endpoint: Endpoint::$endpoint,
            method: Method::$method,
            pattern: &[$($part),*],
            path: $path,
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
    route!(ListUsers, GET, [L("users")], "/users"),
    route!(GetUserZak, GET, [L("users"), L("me"), L("zak")], "/users/me/zak"),
    route!(GetUser, GET, [L("users"), P], "/users/{userId}"),
    route!(ListWebinarTemplates, GET, [L("users"), P, L("webinar_templates")], "/users/{userId}/webinar_templates"),
    route!(CreateWebinarTemplate, POST, [L("users"), P, L("webinar_templates")], "/users/{userId}/webinar_templates"),
    route!(ListWebinars, GET, [L("users"), P, L("webinars")], "/users/{userId}/webinars"),
    route!(CreateWebinar, POST, [L("users"), P, L("webinars")], "/users/{userId}/webinars"),
    route!(GetWebinar, GET, [L("webinars"), P], "/webinars/{webinarId}"),
    route!(UpdateWebinar, PATCH, [L("webinars"), P], "/webinars/{webinarId}"),
    route!(DeleteWebinar, DELETE, [L("webinars"), P], "/webinars/{webinarId}"),
    route!(AddBatchRegistrants, POST, [L("webinars"), P, L("batch_registrants")], "/webinars/{webinarId}/batch_registrants"),
    route!(GetBranding, GET, [L("webinars"), P, L("branding")], "/webinars/{webinarId}/branding"),
    route!(CreateNameTag, POST, [L("webinars"), P, L("branding"), L("name_tags")], "/webinars/{webinarId}/branding/name_tags"),
    route!(DeleteNameTags, DELETE, [L("webinars"), P, L("branding"), L("name_tags")], "/webinars/{webinarId}/branding/name_tags"),
    route!(UpdateNameTag, PATCH, [L("webinars"), P, L("branding"), L("name_tags"), P], "/webinars/{webinarId}/branding/name_tags/{nameTagId}"),
    route!(UploadVirtualBackground, POST, [L("webinars"), P, L("branding"), L("virtual_backgrounds")], "/webinars/{webinarId}/branding/virtual_backgrounds"),
    route!(SetDefaultVirtualBackground, PATCH, [L("webinars"), P, L("branding"), L("virtual_backgrounds")], "/webinars/{webinarId}/branding/virtual_backgrounds"),
    route!(DeleteVirtualBackgrounds, DELETE, [L("webinars"), P, L("branding"), L("virtual_backgrounds")], "/webinars/{webinarId}/branding/virtual_backgrounds"),
    route!(UploadWallpaper, POST, [L("webinars"), P, L("branding"), L("wallpaper")], "/webinars/{webinarId}/branding/wallpaper"),
    route!(DeleteWallpaper, DELETE, [L("webinars"), P, L("branding"), L("wallpaper")], "/webinars/{webinarId}/branding/wallpaper"),
    route!(CreateInviteLinks, POST, [L("webinars"), P, L("invite_links")], "/webinars/{webinarId}/invite_links"),
    route!(GetLiveStreamingJoinToken, GET, [L("webinars"), P, L("jointoken"), L("live_streaming")], "/webinars/{webinarId}/jointoken/live_streaming"),
    route!(GetLocalArchivingToken, GET, [L("webinars"), P, L("jointoken"), L("local_archiving")], "/webinars/{webinarId}/jointoken/local_archiving"),
    route!(GetLocalRecordingJoinToken, GET, [L("webinars"), P, L("jointoken"), L("local_recording")], "/webinars/{webinarId}/jointoken/local_recording"),
    route!(GetLiveStream, GET, [L("webinars"), P, L("livestream")], "/webinars/{webinarId}/livestream"),
    route!(UpdateLiveStream, PATCH, [L("webinars"), P, L("livestream")], "/webinars/{webinarId}/livestream"),
    route!(UpdateLiveStreamStatus, PATCH, [L("webinars"), P, L("livestream"), L("status")], "/webinars/{webinarId}/livestream/status"),
    route!(ListPanelists, GET, [L("webinars"), P, L("panelists")], "/webinars/{webinarId}/panelists"),
    route!(AddPanelists, POST, [L("webinars"), P, L("panelists")], "/webinars/{webinarId}/panelists"),
    route!(DeleteAllPanelists, DELETE, [L("webinars"), P, L("panelists")], "/webinars/{webinarId}/panelists"),
    route!(DeletePanelist, DELETE, [L("webinars"), P, L("panelists"), P], "/webinars/{webinarId}/panelists/{panelistId}"),
    route!(ListPolls, GET, [L("webinars"), P, L("polls")], "/webinars/{webinarId}/polls"),
    route!(CreatePoll, POST, [L("webinars"), P, L("polls")], "/webinars/{webinarId}/polls"),
    route!(GetPoll, GET, [L("webinars"), P, L("polls"), P], "/webinars/{webinarId}/polls/{pollId}"),
    route!(UpdatePoll, PUT, [L("webinars"), P, L("polls"), P], "/webinars/{webinarId}/polls/{pollId}"),
    route!(DeletePoll, DELETE, [L("webinars"), P, L("polls"), P], "/webinars/{webinarId}/polls/{pollId}"),
    route!(ListRegistrants, GET, [L("webinars"), P, L("registrants")], "/webinars/{webinarId}/registrants"),
    route!(AddRegistrant, POST, [L("webinars"), P, L("registrants")], "/webinars/{webinarId}/registrants"),
    route!(ListRegistrationQuestions, GET, [L("webinars"), P, L("registrants"), L("questions")], "/webinars/{webinarId}/registrants/questions"),
    route!(UpdateRegistrationQuestions, PATCH, [L("webinars"), P, L("registrants"), L("questions")], "/webinars/{webinarId}/registrants/questions"),
    route!(UpdateRegistrantStatus, PUT, [L("webinars"), P, L("registrants"), L("status")], "/webinars/{webinarId}/registrants/status"),
    route!(GetRegistrant, GET, [L("webinars"), P, L("registrants"), P], "/webinars/{webinarId}/registrants/{registrantId}"),
    route!(DeleteRegistrant, DELETE, [L("webinars"), P, L("registrants"), P], "/webinars/{webinarId}/registrants/{registrantId}"),
    route!(CreateSipDialing, POST, [L("webinars"), P, L("sip_dialing")], "/webinars/{webinarId}/sip_dialing"),
    route!(UpdateWebinarStatus, PUT, [L("webinars"), P, L("status")], "/webinars/{webinarId}/status"),
    route!(GetSurvey, GET, [L("webinars"), P, L("survey")], "/webinars/{webinarId}/survey"),
    route!(UpdateSurvey, PATCH, [L("webinars"), P, L("survey")], "/webinars/{webinarId}/survey"),
    route!(DeleteSurvey, DELETE, [L("webinars"), P, L("survey")], "/webinars/{webinarId}/survey"),
    route!(GetWebinarToken, GET, [L("webinars"), P, L("token")], "/webinars/{webinarId}/token"),
    route!(ListTrackingSources, GET, [L("webinars"), P, L("tracking_sources")], "/webinars/{webinarId}/tracking_sources"),
    route!(ListAbsentees, GET, [L("past_webinars"), P, L("absentees")], "/past_webinars/{webinarId}/absentees"),
    route!(ListPastInstances, GET, [L("past_webinars"), P, L("instances")], "/past_webinars/{webinarId}/instances"),
    route!(ListPastParticipants, GET, [L("past_webinars"), P, L("participants")], "/past_webinars/{webinarId}/participants"),
    route!(ListPastPolls, GET, [L("past_webinars"), P, L("polls")], "/past_webinars/{webinarId}/polls"),
    route!(ListPastQa, GET, [L("past_webinars"), P, L("qa")], "/past_webinars/{webinarId}/qa"),
    route!(ReportWebinar, GET, [L("report"), L("webinars"), P], "/report/webinars/{webinarId}"),
    route!(ReportParticipants, GET, [L("report"), L("webinars"), P, L("participants")], "/report/webinars/{webinarId}/participants"),
    route!(ReportPolls, GET, [L("report"), L("webinars"), P, L("polls")], "/report/webinars/{webinarId}/polls"),
    route!(ReportQa, GET, [L("report"), L("webinars"), P, L("qa")], "/report/webinars/{webinarId}/qa"),
    route!(ReportSurvey, GET, [L("report"), L("webinars"), P, L("survey")], "/report/webinars/{webinarId}/survey"),
    route!(DeleteLiveChatMessage, DELETE, [L("live_webinars"), P, L("chat"), L("messages"), P], "/live_webinars/{webinarId}/chat/messages/{messageId}"),
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

    fn scopes(self) -> &'static EndpointScopes {
        let route = self.route();
        scopes::endpoint_scopes(route.method.as_str(), route.path)
            .expect("every route's path is in the scope table")
    }

    /// Reports whether a token with `granted` scopes may call this endpoint:
    /// any one of its classic or granular scopes is enough.
    pub(crate) fn allows(self, granted: &[String]) -> bool {
        let scopes = self.scopes();
        scopes
            .classic
            .iter()
            .chain(scopes.granular)
            .any(|scope| granted.iter().any(|held| held == scope))
    }

    /// Returns the granular scopes that Zoom names in its code 4711 message,
    /// the variants without `:admin` first, as in Zoom's own messages.
    pub(crate) fn granular_scopes(self) -> Vec<&'static str> {
        let granular = self.scopes().granular;
        let plain = granular.iter().filter(|scope| !scope.ends_with(":admin"));
        let admin = granular.iter().filter(|scope| scope.ends_with(":admin"));
        plain.chain(admin).copied().collect()
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
/// and the granular `:admin` variant of every endpoint the tools call.
pub(crate) fn default_scopes() -> Vec<String> {
    scopes::full_scope_set()
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
    fn every_route_matches_its_path_template() {
        for route in ROUTES {
            let template: Vec<&str> = route.path.trim_start_matches('/').split('/').collect();
            assert_eq!(template.len(), route.pattern.len(), "{}", route.path);
            for (part, segment) in route.pattern.iter().zip(&template) {
                match part {
                    Part::Literal(literal) => assert_eq!(literal, segment, "{}", route.path),
                    Part::Param => assert!(segment.starts_with('{'), "{}", route.path),
                }
            }
            assert!(
                scopes::endpoint_scopes(route.method.as_str(), route.path).is_some(),
                "{} {} is not in the scope table",
                route.method,
                route.path
            );
        }
    }

    #[test]
    fn every_called_endpoint_has_a_route() {
        for endpoint in crate::zoom::CALLED_ENDPOINTS {
            let served = ROUTES.iter().any(|route| {
                route.method.as_str() == endpoint.method && route.path == endpoint.path
            });
            assert!(served, "the sandbox serves no route for {}", endpoint.key());
        }
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
