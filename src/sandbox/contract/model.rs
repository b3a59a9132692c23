//! The contract file's layout and its compiled form: one entry per Zoom
//! endpoint, with a JSON Schema validator for each part of a request and
//! for the success response.

use std::collections::BTreeMap;

use axum::http::Method;
use jsonschema::Validator;
use serde::Deserialize;
use serde_json::{Value, json};

/// Failures to load the embedded contract. Each one means the contract file
/// is broken; regenerate it with `scripts/contract/generate.py`.
#[derive(Debug, thiserror::Error)]
pub(crate) enum ContractError {
    #[error("the contract file is not valid JSON of the expected layout: {0}")]
    Parse(#[from] serde_json::Error),

    #[error("contract endpoint {endpoint} has an invalid method {method:?}")]
    Method { endpoint: String, method: String },

    #[error("contract endpoint {endpoint}: the {part} schema does not compile: {message}")]
    Schema {
        endpoint: String,
        part: &'static str,
        message: String,
    },
}

/// The contract file as `scripts/contract/generate.py` writes it; fields the
/// sandbox does not use (rate limit labels, scopes, corrections) are skipped.
#[derive(Debug, Deserialize)]
pub(crate) struct ContractFile {
    pub error_response_schema: Value,
    pub endpoints: BTreeMap<String, EndpointSpec>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct EndpointSpec {
    pub method: String,
    pub path: String,
    pub path_params: BTreeMap<String, Value>,
    pub query_params: BTreeMap<String, Value>,
    pub required_query_params: Vec<String>,
    pub request_body: Option<BodySpec>,
    pub success_status: u16,
    pub response_schema: Option<Value>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct BodySpec {
    pub content_type: String,
    pub required: bool,
    pub schema: Value,
}

/// One piece of a path template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TemplatePart {
    Literal(String),
    Param(String),
}

/// The JSON type a path or query parameter must parse as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ParamKind {
    Integer,
    Number,
    Boolean,
    Text,
}

/// The path or query parameters of an endpoint: each one's kind, and a
/// validator for the object of all parameter values.
#[derive(Debug)]
pub(crate) struct Parameters {
    pub kinds: BTreeMap<String, ParamKind>,
    pub validator: Validator,
}

/// A request body schema.
#[derive(Debug)]
pub(crate) struct Body {
    pub content_type: String,
    pub required: bool,
    pub validator: Validator,
}

/// A compiled contract endpoint.
#[derive(Debug)]
pub(crate) struct Endpoint {
    /// `METHOD /path/{template}`, as the request log shows it.
    pub key: String,
    pub method: Method,
    pub template: Vec<TemplatePart>,
    pub path_params: Parameters,
    pub query_params: Parameters,
    pub body: Option<Body>,
    pub success_status: u16,
    /// `None` when Zoom sends no body with the success status (204).
    pub response: Option<Validator>,
}

/// The compiled contract.
#[derive(Debug)]
pub(crate) struct Contract {
    pub endpoints: Vec<Endpoint>,
    pub error_response: Validator,
}

impl Contract {
    /// Parses the contract file and compiles every schema.
    pub(crate) fn parse(text: &str) -> Result<Contract, ContractError> {
        let file: ContractFile = serde_json::from_str(text)?;
        let error_response = compile(&file.error_response_schema, "error response", "error")?;
        let endpoints = file
            .endpoints
            .into_iter()
            .map(|(key, spec)| compile_endpoint(key, spec))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Contract {
            endpoints,
            error_response,
        })
    }
}

fn compile_endpoint(key: String, spec: EndpointSpec) -> Result<Endpoint, ContractError> {
    let method = Method::from_bytes(spec.method.as_bytes()).map_err(|_| ContractError::Method {
        endpoint: key.clone(),
        method: spec.method.clone(),
    })?;
    let template = spec
        .path
        .trim_start_matches('/')
        .split('/')
        .map(|segment| {
            match segment
                .strip_prefix('{')
                .and_then(|rest| rest.strip_suffix('}'))
            {
                Some(name) => TemplatePart::Param(name.to_owned()),
                None => TemplatePart::Literal(segment.to_owned()),
            }
        })
        .collect();

    let every_path_param: Vec<String> = spec.path_params.keys().cloned().collect();
    let path_params = parameters(&key, "path parameter", &spec.path_params, &every_path_param)?;
    let query_params = parameters(
        &key,
        "query parameter",
        &spec.query_params,
        &spec.required_query_params,
    )?;
    let body = spec
        .request_body
        .map(|body| {
            Ok::<_, ContractError>(Body {
                content_type: body.content_type,
                required: body.required,
                validator: compile(&body.schema, &key, "request body")?,
            })
        })
        .transpose()?;
    let response = spec
        .response_schema
        .map(|schema| compile(&schema, &key, "response"))
        .transpose()?;

    Ok(Endpoint {
        key,
        method,
        template,
        path_params,
        query_params,
        body,
        success_status: spec.success_status,
        response,
    })
}

/// Builds one object schema for a set of parameters, so every parameter is
/// checked in one pass and violations name the parameter.
fn parameters(
    key: &str,
    part: &'static str,
    schemas: &BTreeMap<String, Value>,
    required: &[String],
) -> Result<Parameters, ContractError> {
    let kinds = schemas
        .iter()
        .map(|(name, schema)| (name.clone(), kind_of(schema)))
        .collect();
    let object = json!({
        "type": "object",
        "properties": schemas,
        "required": required,
    });
    Ok(Parameters {
        kinds,
        validator: compile(&object, key, part)?,
    })
}

fn kind_of(schema: &Value) -> ParamKind {
    match schema.get("type").and_then(Value::as_str) {
        Some("integer") => ParamKind::Integer,
        Some("number") => ParamKind::Number,
        Some("boolean") => ParamKind::Boolean,
        _ => ParamKind::Text,
    }
}

/// Compiles a schema as JSON Schema draft 7 with format checks on (the
/// contract keeps only `date-time`, `email` and `uri`).
fn compile(schema: &Value, key: &str, part: &'static str) -> Result<Validator, ContractError> {
    jsonschema::draft7::options()
        .should_validate_formats(true)
        .build(schema)
        .map_err(|error| ContractError::Schema {
            endpoint: key.to_owned(),
            part,
            message: error.to_string(),
        })
}
