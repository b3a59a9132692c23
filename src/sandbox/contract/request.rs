//! Matching a request to its contract endpoint and checking its path
//! parameters, query parameters and JSON body.

use std::collections::BTreeMap;

use axum::http::Method;
use serde_json::{Map, Number, Value};

use super::model::{Contract, Endpoint, ParamKind, Parameters, TemplatePart};
use super::violation::{BODY_FIELD, Violation, validate};
use crate::sandbox::query::{QueryParams, percent_decode};
use crate::sandbox::reply::ZoomError;

/// The content type whose bodies the contract checks. Multipart uploads are
/// not parsed here.
const JSON_CONTENT_TYPE: &str = "application/json";

/// Findings of the request check.
#[derive(Debug, Default)]
pub(crate) struct RequestReport {
    /// Violations that make Zoom reject the request with 400 code 300.
    pub rejected: Vec<Violation>,
    /// Query parameters the endpoint does not have. Zoom ignores them, so
    /// the request is still served, but a client that relies on one is
    /// wrong.
    pub ignored: Vec<Violation>,
    /// The body is not the JSON object the endpoint takes.
    pub invalid_json: bool,
}

impl RequestReport {
    /// Returns Zoom's error for a rejected request, or `None` to serve it.
    pub(crate) fn error(&self) -> Option<ZoomError> {
        if self.invalid_json {
            return Some(ZoomError::invalid_json_body());
        }
        if self.rejected.is_empty() {
            return None;
        }
        Some(ZoomError::validation(
            self.rejected
                .iter()
                .map(Violation::to_field_error)
                .collect(),
        ))
    }

    /// Returns every violation, rejected ones first.
    pub(crate) fn all(&self) -> impl Iterator<Item = &Violation> {
        self.rejected.iter().chain(&self.ignored)
    }
}

/// Finds the endpoint for `method` and the raw path segments after `/v2`,
/// with the raw value of each path parameter. When several templates match,
/// the one with the most literal segments wins, so
/// `registrants/questions` is not read as a registrant id.
pub(crate) fn match_endpoint<'c>(
    contract: &'c Contract,
    method: &Method,
    segments: &[&str],
) -> Option<(&'c Endpoint, BTreeMap<&'c str, String>)> {
    let mut best: Option<(&Endpoint, BTreeMap<&str, String>, usize)> = None;
    for endpoint in &contract.endpoints {
        if endpoint.method != *method || endpoint.template.len() != segments.len() {
            continue;
        }
        let Some((params, literals)) = match_template(&endpoint.template, segments) else {
            continue;
        };
        if best.as_ref().is_none_or(|(_, _, most)| literals > *most) {
            best = Some((endpoint, params, literals));
        }
    }
    best.map(|(endpoint, params, _)| (endpoint, params))
}

fn match_template<'c>(
    template: &'c [TemplatePart],
    segments: &[&str],
) -> Option<(BTreeMap<&'c str, String>, usize)> {
    let mut params = BTreeMap::new();
    let mut literals = 0;
    for (part, segment) in template.iter().zip(segments) {
        match part {
            TemplatePart::Literal(literal) if literal == segment => literals += 1,
            TemplatePart::Literal(_) => return None,
            TemplatePart::Param(_) if segment.is_empty() => return None,
            TemplatePart::Param(name) => {
                params.insert(name.as_str(), (*segment).to_owned());
            }
        }
    }
    Some((params, literals))
}

/// Checks a matched request against its endpoint.
pub(crate) fn check_request(
    endpoint: &Endpoint,
    raw_params: &BTreeMap<&str, String>,
    query: &QueryParams,
    body: &[u8],
) -> RequestReport {
    let mut report = RequestReport::default();

    let path_values = raw_params
        .iter()
        .map(|(name, raw)| ((*name).to_owned(), percent_decode(raw)));
    check_parameters(&endpoint.path_params, path_values, &mut report.rejected);

    let mut query_values = Vec::new();
    for (name, value) in query.pairs() {
        if value.is_empty() || query_values.iter().any(|(seen, _)| seen == name) {
            continue;
        }
        if endpoint.query_params.kinds.contains_key(name) {
            query_values.push((name.to_owned(), value.to_owned()));
        } else {
            report.ignored.push(Violation::new(
                name,
                format!(
                    "is not a query parameter of {}; Zoom ignores it, so the sandbox served \
                     the request without it",
                    endpoint.key
                ),
            ));
        }
    }
    check_parameters(
        &endpoint.query_params,
        query_values.into_iter(),
        &mut report.rejected,
    );

    check_body(endpoint, body, &mut report);
    report
}

/// Converts each text value to the parameter's declared type and validates
/// the object of all values. A value that does not parse stays text, so the
/// validator reports the type it should have.
fn check_parameters(
    parameters: &Parameters,
    values: impl Iterator<Item = (String, String)>,
    violations: &mut Vec<Violation>,
) {
    let mut object = Map::new();
    for (name, text) in values {
        let kind = parameters
            .kinds
            .get(&name)
            .copied()
            .unwrap_or(ParamKind::Text);
        object.insert(name, typed_value(kind, text));
    }
    violations.extend(validate(&parameters.validator, &Value::Object(object)));
}

fn typed_value(kind: ParamKind, text: String) -> Value {
    let parsed = match kind {
        ParamKind::Integer => text
            .parse::<i64>()
            .map(Number::from)
            .or_else(|_| text.parse::<u64>().map(Number::from))
            .ok()
            .map(Value::Number),
        ParamKind::Number => text
            .parse::<f64>()
            .ok()
            .and_then(Number::from_f64)
            .map(Value::Number),
        ParamKind::Boolean => match text.as_str() {
            "true" => Some(Value::Bool(true)),
            "false" => Some(Value::Bool(false)),
            _ => None,
        },
        ParamKind::Text => None,
    };
    parsed.unwrap_or(Value::String(text))
}

fn check_body(endpoint: &Endpoint, body: &[u8], report: &mut RequestReport) {
    let Some(spec) = &endpoint.body else {
        return;
    };
    // NOTE: multipart uploads (virtual backgrounds, wallpaper) are not
    // parsed here, so their form fields are not checked against the contract.
    if spec.content_type != JSON_CONTENT_TYPE {
        return;
    }
    if body.iter().all(u8::is_ascii_whitespace) {
        if spec.required {
            report.invalid_json = true;
            report
                .rejected
                .push(Violation::new(BODY_FIELD, "is required"));
        }
        return;
    }
    let instance = match serde_json::from_slice::<Value>(body) {
        Ok(instance @ Value::Object(_)) => instance,
        Ok(_) | Err(_) => {
            report.invalid_json = true;
            report
                .rejected
                .push(Violation::new(BODY_FIELD, "must be a JSON object"));
            return;
        }
    };
    report.rejected.extend(validate(&spec.validator, &instance));
}
