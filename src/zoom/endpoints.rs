//! The Zoom REST API endpoints that the tools and resources call.
//!
//! The table is the declared surface of the server: the contract coverage
//! test (`tests/contract_coverage.rs`) fails when a tool sends a request to
//! an endpoint missing here, and when an endpoint listed here is reached by
//! no test. A new tool that calls a new endpoint adds one line.

/// A Zoom REST API endpoint: the HTTP method and the path template below
/// the API base URL, spelled as in Zoom's API reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct ZoomEndpoint {
    pub method: &'static str,
    pub path: &'static str,
}

impl ZoomEndpoint {
    const fn new(method: &'static str, path: &'static str) -> Self {
        Self { method, path }
    }

    /// Returns `METHOD /path`, the form the sandbox's request log uses.
    pub fn key(&self) -> String {
        format!("{} {}", self.method, self.path)
    }
}

/// Every endpoint that a tool or resource of this server calls, in the
/// order of Zoom's API reference. Zoom's user create, update and delete
/// endpoints are left out because managing users is outside this server's
/// scope.
pub const CALLED_ENDPOINTS: &[ZoomEndpoint] = &[
    ZoomEndpoint::new("GET", "/users"),
    ZoomEndpoint::new("GET", "/users/me/zak"),
    ZoomEndpoint::new("GET", "/users/{userId}"),
    ZoomEndpoint::new("GET", "/users/{userId}/webinar_templates"),
    ZoomEndpoint::new("POST", "/users/{userId}/webinar_templates"),
    ZoomEndpoint::new("GET", "/users/{userId}/webinars"),
    ZoomEndpoint::new("POST", "/users/{userId}/webinars"),
    ZoomEndpoint::new("GET", "/webinars/{webinarId}"),
    ZoomEndpoint::new("PATCH", "/webinars/{webinarId}"),
    ZoomEndpoint::new("DELETE", "/webinars/{webinarId}"),
    ZoomEndpoint::new("POST", "/webinars/{webinarId}/batch_registrants"),
    ZoomEndpoint::new("GET", "/webinars/{webinarId}/branding"),
    ZoomEndpoint::new("POST", "/webinars/{webinarId}/branding/name_tags"),
    ZoomEndpoint::new("DELETE", "/webinars/{webinarId}/branding/name_tags"),
    ZoomEndpoint::new(
        "PATCH",
        "/webinars/{webinarId}/branding/name_tags/{nameTagId}",
    ),
    ZoomEndpoint::new("POST", "/webinars/{webinarId}/branding/virtual_backgrounds"),
    ZoomEndpoint::new(
        "PATCH",
        "/webinars/{webinarId}/branding/virtual_backgrounds",
    ),
    ZoomEndpoint::new(
        "DELETE",
        "/webinars/{webinarId}/branding/virtual_backgrounds",
    ),
    ZoomEndpoint::new("POST", "/webinars/{webinarId}/branding/wallpaper"),
    ZoomEndpoint::new("DELETE", "/webinars/{webinarId}/branding/wallpaper"),
    ZoomEndpoint::new("POST", "/webinars/{webinarId}/invite_links"),
    ZoomEndpoint::new("GET", "/webinars/{webinarId}/jointoken/live_streaming"),
    ZoomEndpoint::new("GET", "/webinars/{webinarId}/jointoken/local_archiving"),
    ZoomEndpoint::new("GET", "/webinars/{webinarId}/jointoken/local_recording"),
    ZoomEndpoint::new("GET", "/webinars/{webinarId}/livestream"),
    ZoomEndpoint::new("PATCH", "/webinars/{webinarId}/livestream"),
    ZoomEndpoint::new("PATCH", "/webinars/{webinarId}/livestream/status"),
    ZoomEndpoint::new("GET", "/webinars/{webinarId}/panelists"),
    ZoomEndpoint::new("POST", "/webinars/{webinarId}/panelists"),
    ZoomEndpoint::new("DELETE", "/webinars/{webinarId}/panelists"),
    ZoomEndpoint::new("DELETE", "/webinars/{webinarId}/panelists/{panelistId}"),
    ZoomEndpoint::new("GET", "/webinars/{webinarId}/polls"),
    ZoomEndpoint::new("POST", "/webinars/{webinarId}/polls"),
    ZoomEndpoint::new("GET", "/webinars/{webinarId}/polls/{pollId}"),
    ZoomEndpoint::new("PUT", "/webinars/{webinarId}/polls/{pollId}"),
    ZoomEndpoint::new("DELETE", "/webinars/{webinarId}/polls/{pollId}"),
    ZoomEndpoint::new("GET", "/webinars/{webinarId}/registrants"),
    ZoomEndpoint::new("POST", "/webinars/{webinarId}/registrants"),
    ZoomEndpoint::new("GET", "/webinars/{webinarId}/registrants/questions"),
    ZoomEndpoint::new("PATCH", "/webinars/{webinarId}/registrants/questions"),
    ZoomEndpoint::new("PUT", "/webinars/{webinarId}/registrants/status"),
    ZoomEndpoint::new("GET", "/webinars/{webinarId}/registrants/{registrantId}"),
    ZoomEndpoint::new("DELETE", "/webinars/{webinarId}/registrants/{registrantId}"),
    ZoomEndpoint::new("POST", "/webinars/{webinarId}/sip_dialing"),
    ZoomEndpoint::new("PUT", "/webinars/{webinarId}/status"),
    ZoomEndpoint::new("GET", "/webinars/{webinarId}/survey"),
    ZoomEndpoint::new("PATCH", "/webinars/{webinarId}/survey"),
    ZoomEndpoint::new("DELETE", "/webinars/{webinarId}/survey"),
    ZoomEndpoint::new("GET", "/webinars/{webinarId}/token"),
    ZoomEndpoint::new("GET", "/webinars/{webinarId}/tracking_sources"),
    ZoomEndpoint::new("GET", "/past_webinars/{webinarId}/absentees"),
    ZoomEndpoint::new("GET", "/past_webinars/{webinarId}/instances"),
    ZoomEndpoint::new("GET", "/past_webinars/{webinarId}/participants"),
    ZoomEndpoint::new("GET", "/past_webinars/{webinarId}/polls"),
    ZoomEndpoint::new("GET", "/past_webinars/{webinarId}/qa"),
    ZoomEndpoint::new("GET", "/report/webinars/{webinarId}"),
    ZoomEndpoint::new("GET", "/report/webinars/{webinarId}/participants"),
    ZoomEndpoint::new("GET", "/report/webinars/{webinarId}/polls"),
    ZoomEndpoint::new("GET", "/report/webinars/{webinarId}/qa"),
    ZoomEndpoint::new("GET", "/report/webinars/{webinarId}/survey"),
    ZoomEndpoint::new(
        "DELETE",
        "/live_webinars/{webinarId}/chat/messages/{messageId}",
    ),
];

/// Returns the entry for `METHOD /path`, if the tools call it.
pub fn called_endpoint(key: &str) -> Option<&'static ZoomEndpoint> {
    CALLED_ENDPOINTS
        .iter()
        .find(|endpoint| endpoint.key() == key)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::sandbox::contract::endpoint_keys as contract_endpoint_keys;

    #[test]
    fn every_entry_is_a_zoom_endpoint() {
        let contract: BTreeSet<&str> = contract_endpoint_keys().collect();
        for endpoint in CALLED_ENDPOINTS {
            assert!(
                contract.contains(endpoint.key().as_str()),
                "{} is not an endpoint of Zoom's API contract; check the method and the path template",
                endpoint.key()
            );
        }
    }

    #[test]
    fn entries_are_unique() {
        let unique: BTreeSet<&ZoomEndpoint> = CALLED_ENDPOINTS.iter().collect();
        assert_eq!(unique.len(), CALLED_ENDPOINTS.len());
    }

    #[test]
    fn lookup_by_key() {
        let found = called_endpoint("PUT /webinars/{webinarId}/status");
        assert_eq!(found.map(|endpoint| endpoint.method), Some("PUT"));
        assert_eq!(
            called_endpoint("PATCH /webinars/{webinarId}/polls/{pollId}"),
            None
        );
    }
}
