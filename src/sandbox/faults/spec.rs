//! The JSON a test posts to `POST /_sandbox/faults`, checked and turned
//! into a [`Fault`].

use std::collections::BTreeMap;
use std::time::Duration;

use axum::http::{HeaderName, HeaderValue, Method, StatusCode};
use serde::Deserialize;
use serde_json::Value;

/// The largest delay a fault may ask for, so a typo cannot hang a test run.
pub(crate) const MAX_DELAY: Duration = Duration::from_secs(300);

/// The body of `POST /_sandbox/faults`.
#[derive(Debug, Deserialize)]
pub(crate) struct FaultRequest {
    /// HTTP method to match; any method when absent.
    #[serde(default)]
    method: Option<String>,
    /// Raw request path to match: a prefix such as `/v2/webinars/`, or a
    /// template such as `/v2/users/{userId}/webinars` where each `{...}`
    /// matches one segment.
    #[serde(default)]
    path: Option<String>,
    /// How many matching requests the fault applies to.
    #[serde(default = "one")]
    times: u32,
    #[serde(flatten)]
    action: ActionRequest,
}

fn one() -> u32 {
    1
}

#[derive(Debug, Deserialize)]
#[serde(tag = "fault", rename_all = "snake_case")]
enum ActionRequest {
    /// Answer with this status, headers and body instead of serving.
    Respond {
        status: u16,
        #[serde(default)]
        headers: BTreeMap<String, String>,
        /// A JSON body.
        #[serde(default)]
        body: Option<Value>,
        /// A raw body such as HTML or XML; an empty string sends no body.
        #[serde(default)]
        text: Option<String>,
        /// Content type of `text`; `text/plain` when absent.
        #[serde(default)]
        content_type: Option<String>,
        #[serde(default)]
        delay_ms: u64,
    },
    /// Wait, then serve the request normally; with `after_serving`, serve
    /// it first (changing state) and wait before sending the response.
    Delay {
        delay_ms: u64,
        #[serde(default)]
        after_serving: bool,
    },
    /// Close the connection without sending a response; with
    /// `after_serving`, serve the request first, so its write happens but
    /// the client never learns of it.
    Drop {
        #[serde(default)]
        delay_ms: u64,
        #[serde(default)]
        after_serving: bool,
    },
    /// Revoke every access token issued so far, at once.
    InvalidateTokens,
}

/// A request pattern: method and path.
#[derive(Debug, Clone)]
pub(crate) struct Matcher {
    pub method: Option<Method>,
    pub path: String,
}

impl Matcher {
    /// Reports whether a request with this method and raw path matches.
    pub(crate) fn matches(&self, method: &Method, raw_path: &str) -> bool {
        if self.method.as_ref().is_some_and(|wanted| wanted != method) {
            return false;
        }
        if !self.path.contains('{') {
            return raw_path.starts_with(&self.path);
        }
        let pattern: Vec<&str> = self.path.split('/').collect();
        let actual: Vec<&str> = raw_path.split('/').collect();
        pattern.len() == actual.len()
            && pattern.iter().zip(&actual).all(|(expected, segment)| {
                if expected.starts_with('{') && expected.ends_with('}') {
                    !segment.is_empty()
                } else {
                    expected == segment
                }
            })
    }
}

/// A canned response.
#[derive(Debug, Clone)]
pub(crate) struct CannedResponse {
    pub status: StatusCode,
    pub headers: Vec<(HeaderName, HeaderValue)>,
    /// The body bytes and their content type; `None` sends an empty body.
    pub body: Option<(Vec<u8>, HeaderValue)>,
}

/// What a queued fault does to a matching request.
#[derive(Debug, Clone)]
pub(crate) enum Action {
    Respond {
        response: CannedResponse,
        delay: Duration,
    },
    Delay {
        delay: Duration,
        after_serving: bool,
    },
    Drop {
        delay: Duration,
        after_serving: bool,
    },
}

impl Action {
    /// The fault's kind as the fault log names it.
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Action::Respond { .. } => "respond",
            Action::Delay { .. } => "delay",
            Action::Drop { .. } => "drop",
        }
    }

    /// Reports whether the request is served before the fault applies.
    pub(crate) fn after_serving(&self) -> bool {
        match self {
            Action::Respond { .. } => false,
            Action::Delay { after_serving, .. } | Action::Drop { after_serving, .. } => {
                *after_serving
            }
        }
    }
}

/// A checked fault request.
#[derive(Debug)]
pub(crate) enum Fault {
    Queue {
        matcher: Matcher,
        times: u32,
        action: Action,
    },
    InvalidateTokens,
}

impl FaultRequest {
    /// Checks the request and returns the fault, or a message naming the
    /// invalid field.
    pub(crate) fn into_fault(self) -> Result<Fault, String> {
        let action = match self.action {
            ActionRequest::InvalidateTokens => return Ok(Fault::InvalidateTokens),
            ActionRequest::Respond {
                status,
                headers,
                body,
                text,
                content_type,
                delay_ms,
            } => Action::Respond {
                response: canned_response(status, headers, body, text, content_type)?,
                delay: delay(delay_ms)?,
            },
            ActionRequest::Delay {
                delay_ms,
                after_serving,
            } => Action::Delay {
                delay: delay(delay_ms)?,
                after_serving,
            },
            ActionRequest::Drop {
                delay_ms,
                after_serving,
            } => Action::Drop {
                delay: delay(delay_ms)?,
                after_serving,
            },
        };
        let path = self
            .path
            .filter(|path| path.starts_with('/'))
            .ok_or("path is missing or does not start with '/': give a raw request path such as /v2/users/{userId}/webinars or a prefix such as /v2/webinars/")?;
        let method = self
            .method
            .map(|name| {
                Method::from_bytes(name.to_ascii_uppercase().as_bytes())
                    .map_err(|_| format!("method {name:?} is not an HTTP method"))
            })
            .transpose()?;
        if self.times == 0 {
            return Err("times is 0: give the number of matching requests, 1 or more".into());
        }
        Ok(Fault::Queue {
            matcher: Matcher { method, path },
            times: self.times,
            action,
        })
    }
}

fn delay(delay_ms: u64) -> Result<Duration, String> {
    let delay = Duration::from_millis(delay_ms);
    if delay > MAX_DELAY {
        return Err(format!(
            "delay_ms {delay_ms} is above the maximum of {} ms",
            MAX_DELAY.as_millis()
        ));
    }
    Ok(delay)
}

fn canned_response(
    status: u16,
    headers: BTreeMap<String, String>,
    body: Option<Value>,
    text: Option<String>,
    content_type: Option<String>,
) -> Result<CannedResponse, String> {
    let status = StatusCode::from_u16(status)
        .map_err(|_| format!("status {status} is not an HTTP status code (100 to 999)"))?;
    let headers = headers
        .into_iter()
        .map(|(name, value)| {
            let header_name = HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| format!("header name {name:?} is invalid"))?;
            let header_value = HeaderValue::from_str(&value)
                .map_err(|_| format!("value of header {name} is invalid"))?;
            Ok((header_name, header_value))
        })
        .collect::<Result<Vec<_>, String>>()?;
    let body = match (body, text) {
        (Some(_), Some(_)) => return Err("give body (JSON) or text (raw), not both".into()),
        (Some(json), None) => Some((
            json.to_string().into_bytes(),
            HeaderValue::from_static("application/json"),
        )),
        (None, Some(text)) if text.is_empty() => None,
        (None, Some(text)) => {
            let content_type = content_type.unwrap_or_else(|| "text/plain".to_owned());
            let content_type = HeaderValue::from_str(&content_type)
                .map_err(|_| format!("content_type {content_type:?} is invalid"))?;
            Some((text.into_bytes(), content_type))
        }
        (None, None) => None,
    };
    Ok(CannedResponse {
        status,
        headers,
        body,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher(method: Option<Method>, path: &str) -> Matcher {
        Matcher {
            method,
            path: path.to_owned(),
        }
    }

    #[test]
    fn prefix_matches_longer_paths() {
        let prefix = matcher(None, "/v2/webinars/");
        assert!(prefix.matches(&Method::GET, "/v2/webinars/81100000001"));
        assert!(prefix.matches(&Method::DELETE, "/v2/webinars/1/panelists"));
        assert!(!prefix.matches(&Method::GET, "/v2/users/me/webinars"));
    }

    #[test]
    fn template_matches_one_segment_per_parameter() {
        let template = matcher(Some(Method::POST), "/v2/users/{userId}/webinars");
        assert!(template.matches(&Method::POST, "/v2/users/me/webinars"));
        assert!(!template.matches(&Method::GET, "/v2/users/me/webinars"));
        assert!(!template.matches(&Method::POST, "/v2/users/me/webinars/extra"));
        assert!(!template.matches(&Method::POST, "/v2/users//webinars"));
    }

    fn parse(json: Value) -> Result<Fault, String> {
        serde_json::from_value::<FaultRequest>(json)
            .map_err(|error| error.to_string())?
            .into_fault()
    }

    #[test]
    fn respond_fault_parses_headers_and_body() {
        let fault = parse(serde_json::json!({
            "fault": "respond", "method": "get", "path": "/v2/users", "times": 2,
            "status": 429, "headers": {"Retry-After": "1"}, "body": {"code": 429}
        }))
        .unwrap();
        let Fault::Queue {
            matcher,
            times,
            action: Action::Respond { response, .. },
        } = fault
        else {
            panic!("expected a queued respond fault, got {fault:?}");
        };
        assert_eq!(matcher.method, Some(Method::GET));
        assert_eq!(times, 2);
        assert_eq!(response.status, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(response.headers[0].0, "retry-after");
        assert_eq!(response.body.unwrap().0, br#"{"code":429}"#);
    }

    #[test]
    fn invalid_requests_name_the_field() {
        let cases = [
            (serde_json::json!({"fault": "delay", "delay_ms": 5}), "path"),
            (
                serde_json::json!({"fault": "respond", "path": "/v2", "status": 1000}),
                "status",
            ),
            (
                serde_json::json!({"fault": "drop", "path": "/v2", "times": 0}),
                "times",
            ),
            (
                serde_json::json!({"fault": "delay", "path": "/v2", "delay_ms": 400_000}),
                "delay_ms",
            ),
            (
                serde_json::json!({"fault": "respond", "path": "/v2", "status": 500, "body": {}, "text": "x"}),
                "not both",
            ),
        ];
        for (json, expected) in cases {
            let error = parse(json.clone()).unwrap_err();
            assert!(error.contains(expected), "{json}: {error}");
        }
    }
}
