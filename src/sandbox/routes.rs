//! The endpoints the sandbox serves, matched on raw path segments, with the
//! OAuth scopes each one accepts (from the `x-macro-scopes` and
//! `x-granular-scopes` of Zoom's OpenAPI spec).

use axum::http::Method;

/// An API v2 operation the sandbox implements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Endpoint {
    ListUsers,
    GetUser,
    ListWebinars,
    CreateWebinar,
    GetWebinar,
    UpdateWebinar,
    DeleteWebinar,
    UpdateWebinarStatus,
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
    UpdateRegistrantStatus,
    GetRegistrant,
    DeleteRegistrant,
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
/// parameter can both match `registrants/status`, so the method decides:
/// PUT is the status update, and GET and DELETE take a registrant id.
#[rustfmt::skip]
static ROUTES: &[Route] = &[
    route!(ListUsers, GET, [L("users")], USER_READ, ["user:read:list_users:admin"]),
    route!(GetUser, GET, [L("users"), P], &["user:read", "user:write", "user:read:admin", "user:write:admin", "user_profile", "user_info:read"], ["user:read:user", "user:read:user:admin"]),
    route!(ListWebinars, GET, [L("users"), P, L("webinars")], WEBINAR_READ, ["webinar:read:list_webinars", "webinar:read:list_webinars:admin"]),
    route!(CreateWebinar, POST, [L("users"), P, L("webinars")], WEBINAR_WRITE, ["webinar:write:webinar", "webinar:write:webinar:admin"]),
    route!(GetWebinar, GET, [L("webinars"), P], WEBINAR_READ, ["webinar:read:webinar", "webinar:read:webinar:admin"]),
    route!(UpdateWebinar, PATCH, [L("webinars"), P], WEBINAR_WRITE, ["webinar:update:webinar", "webinar:update:webinar:admin"]),
    route!(DeleteWebinar, DELETE, [L("webinars"), P], WEBINAR_WRITE, ["webinar:delete:webinar", "webinar:delete:webinar:admin"]),
    route!(CreateInviteLinks, POST, [L("webinars"), P, L("invite_links")], WEBINAR_WRITE, ["webinar:write:invite_links", "webinar:write:invite_links:admin"]),
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
    route!(UpdateRegistrantStatus, PUT, [L("webinars"), P, L("registrants"), L("status")], WEBINAR_WRITE, ["webinar:update:registrant_status", "webinar:update:registrant_status:admin"]),
    route!(GetRegistrant, GET, [L("webinars"), P, L("registrants"), P], WEBINAR_READ, ["webinar:read:registrant", "webinar:read:registrant:admin"]),
    route!(DeleteRegistrant, DELETE, [L("webinars"), P, L("registrants"), P], WEBINAR_WRITE, ["webinar:delete:registrant", "webinar:delete:registrant:admin"]),
    route!(UpdateWebinarStatus, PUT, [L("webinars"), P, L("status")], WEBINAR_WRITE, ["webinar:update:status", "webinar:update:status:admin"]),
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
    fn granular_scope_alone_is_enough() {
        let scopes = vec!["webinar:write:webinar:admin".to_owned()];
        assert!(Endpoint::CreateWebinar.allows(&scopes));
        assert!(!Endpoint::GetWebinar.allows(&scopes));
    }
}
