//! `zoom-webinar-mcp check`: a diagnosis for a person setting the server
//! up. It reports where each setting came from, requests a token with the
//! configured credentials (explaining Zoom's refusal when there is one),
//! lists the granted scopes, and lists which enabled tools will work and
//! which scopes the others need.
//!
//! The token request bypasses the token cache in both directions, so a
//! cached token cannot hide a wrong secret and `check` never replaces the
//! token a running server uses.

mod diagnosis;
pub mod report;
mod text;

use std::collections::BTreeMap;

use chrono::Utc;
use rmcp::model::Tool;

use crate::config::{Config, EnvSnapshot, TokenCacheLocation, ValueSource, mask, variables};
use crate::tools::toolsets::{TOOLSETS, ToolSelection};
use crate::zoom::scopes::{self, GrantedScopes, ToolAccess};
use crate::zoom::{ApiPath, ZoomClient, ZoomError};
pub use report::{CheckReport, CheckStatus, FORMAT_VERSION};
use report::{
    MissingReport, SelectionReport, Summary, TokenProblem, TokenReport, ToolReport, ToolStatus,
    ToolsetReport, VariableReport,
};
pub use text::render_text;

/// The exit statuses, shown by `check --help`.
pub const EXIT_CODES_HELP: &str = "Exit status:
  0  every enabled tool can work with the granted scopes
  1  the configuration or the credentials are broken: an invalid setting, a missing
     credential, a token request that Zoom refused, an unreachable token endpoint,
     or an API base URL that does not answer as Zoom's API
  2  invalid command-line arguments
  3  the token works, but some enabled tools lack scopes (the report names them)

--json prints one object with format_version 1: status, exit_code, mode, env_file,
variables (name, set, secret, source, value, default), config_error, token (ok,
token_url, api_base_url, scopes, expires_in_minutes, problem {kind, http_status,
error, reason, message, fix}), selection, toolsets (name, tools: name, status
works|limited|cannot_work|unknown, read_only, missing: endpoint, when, classic,
granular), summary and next_steps. The report never contains the client secret or
a token.";

/// Whether the report is about a real account or the built-in sandbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckMode {
    Live,
    Sandbox,
}

/// Runs the diagnosis with `config`, loaded as `serve` loads it, for the
/// tools `selection` enables.
pub async fn diagnose(config: &Config, selection: &ToolSelection, mode: CheckMode) -> CheckReport {
    let variables = variable_reports(config);
    let token = request_token(config).await;
    let granted: Option<GrantedScopes> = token.ok.then(|| token.scopes.iter().cloned().collect());
    let toolsets = tool_reports(selection, granted.as_ref());
    let summary = Summary::count(&toolsets);
    let status = match &token.problem {
        Some(problem) if problem.kind == report::ProblemKind::MissingCredentials => {
            CheckStatus::CredentialsMissing
        }
        Some(problem) if problem.kind == report::ProblemKind::ApiBaseUrl => CheckStatus::ApiFailed,
        Some(_) => CheckStatus::TokenFailed,
        None if summary.cannot_work + summary.limited > 0 => CheckStatus::ScopesMissing,
        None => CheckStatus::Ok,
    };
    let next_steps = next_steps(status, &token);
    CheckReport {
        format_version: FORMAT_VERSION,
        status,
        exit_code: status.exit_code(),
        mode: mode_name(mode),
        env_file: config
            .env_file
            .as_ref()
            .map(|path| path.display().to_string()),
        variables,
        config_error: None,
        token: Some(token),
        selection: selection_report(selection),
        toolsets,
        summary,
        next_steps,
    }
}

/// Returns the report for a configuration that could not be loaded.
pub fn config_error_report(
    message: String,
    selection: Option<&ToolSelection>,
    mode: CheckMode,
) -> CheckReport {
    let status = CheckStatus::ConfigInvalid;
    let toolsets = selection
        .map(|selection| tool_reports(selection, None))
        .unwrap_or_default();
    CheckReport {
        format_version: FORMAT_VERSION,
        status,
        exit_code: status.exit_code(),
        mode: mode_name(mode),
        env_file: None,
        variables: Vec::new(),
        next_steps: vec![format!("Fix the configuration: {message}")],
        config_error: Some(message),
        token: None,
        selection: selection.map(selection_report).unwrap_or(SelectionReport {
            toolsets: Vec::new(),
            extra_tools: Vec::new(),
            read_only: false,
        }),
        summary: Summary::count(&toolsets),
        toolsets,
    }
}

fn mode_name(mode: CheckMode) -> &'static str {
    match mode {
        CheckMode::Live => "live",
        CheckMode::Sandbox => "sandbox",
    }
}

fn variable_reports(config: &Config) -> Vec<VariableReport> {
    // The raw values are read again for display, as zoom://env-status does.
    let snapshot = EnvSnapshot::collect(config.env_file.as_deref()).unwrap_or_default();
    variables::VARIABLES
        .iter()
        .map(|variable| {
            let source = config
                .sources
                .get(variable.name)
                .cloned()
                .unwrap_or(ValueSource::Default);
            let set = !matches!(source, ValueSource::Default);
            let value = if variable.secret || !set {
                None
            } else if variable.name == variables::ACCOUNT_ID {
                config.credentials.as_ref().map(|c| mask(&c.account_id))
            } else if variable.name == variables::CLIENT_ID {
                config.credentials.as_ref().map(|c| mask(&c.client_id))
            } else if matches!(source, ValueSource::Sandbox) {
                sandbox_value(config, variable.name)
            } else {
                snapshot.value(variable.name).map(str::to_owned)
            };
            VariableReport {
                name: variable.name,
                set,
                secret: variable.secret,
                source,
                value,
                default: variable.default,
            }
        })
        .collect()
}

fn sandbox_value(config: &Config, name: &str) -> Option<String> {
    match name {
        variables::API_BASE_URL => config.api_base_url.clone(),
        variables::OAUTH_TOKEN_URL => Some(config.token_url.clone()),
        variables::TOKEN_CACHE_FILE => Some("memory".to_owned()),
        _ => None,
    }
}

/// Requests a new token with the configured credentials, without the
/// token cache.
async fn request_token(config: &Config) -> TokenReport {
    let mut uncached = config.clone();
    uncached.token_cache = TokenCacheLocation::Memory;
    let failed = |problem| TokenReport {
        ok: false,
        token_url: config.token_url.clone(),
        api_base_url: None,
        scopes: Vec::new(),
        expires_in_minutes: None,
        problem: Some(problem),
    };
    let client = match ZoomClient::new(&uncached) {
        Ok(client) => client,
        Err(error) => return failed(diagnosis::diagnose(&error, config)),
    };
    let credentials = match client.credentials() {
        Ok(credentials) => credentials,
        Err(error) => return failed(diagnosis::diagnose(&error, config)),
    };
    match client.tokens().token(&credentials).await {
        Ok(token) => {
            let mut scopes = token.scopes.clone();
            scopes.sort();
            let api_base_url = client.base_url(Some(&token));
            let problem = probe_api(&client, &api_base_url).await;
            TokenReport {
                ok: true,
                token_url: config.token_url.clone(),
                api_base_url: Some(api_base_url),
                scopes,
                expires_in_minutes: Some((token.expires_at - Utc::now()).num_minutes()),
                problem,
            }
        }
        Err(error) => failed(diagnosis::diagnose(&error, config)),
    }
}

/// Sends one read-only request with the new token, `GET /users/me`, to
/// check that the API base URL leads to Zoom's API. Any response from
/// Zoom's API passes, a refusal for a missing scope included. A 404 (no such
/// endpoint, as when `/v2` is left out), a 401 (the API does not know the
/// token) or no answer at all is the problem returned.
async fn probe_api(client: &ZoomClient, api_base_url: &str) -> Option<TokenProblem> {
    let path = ApiPath::new().literal("users").literal("me");
    let error = match client.get::<serde_json::Value>(&path, &Vec::new()).await {
        Ok(_) => return None,
        Err(error) => error,
    };
    let http_status = match &error {
        ZoomError::Api(failure) if !matches!(failure.status, 401 | 404) => return None,
        ZoomError::Api(failure) => Some(failure.status),
        _ => None,
    };
    tracing::warn!(%error, "check: the API base URL failed a GET /users/me with a new token");
    Some(TokenProblem {
        kind: report::ProblemKind::ApiBaseUrl,
        http_status,
        error: None,
        reason: None,
        message: format!(
            "The token was issued, but GET /users/me at the API base URL {api_base_url} failed: {error}"
        ),
        fix: format!(
            "Set {} to Zoom's API base URL, https://api.zoom.us/v2 (with /v2), or to the base URL that sandbox-api prints, and make sure it belongs to the same Zoom as {}.",
            variables::API_BASE_URL,
            variables::OAUTH_TOKEN_URL
        ),
    })
}

fn selection_report(selection: &ToolSelection) -> SelectionReport {
    SelectionReport {
        toolsets: selection.toolset_names(),
        extra_tools: selection.extra_tools(),
        read_only: selection.is_read_only(),
    }
}

/// Assesses every tool `selection` enables, grouped by toolset in the
/// order of [`TOOLSETS`]. `granted` of `None` means no token.
fn tool_reports(selection: &ToolSelection, granted: Option<&GrantedScopes>) -> Vec<ToolsetReport> {
    let tools: BTreeMap<String, Tool> = crate::tools::router()
        .list_all()
        .into_iter()
        .map(|tool| (tool.name.to_string(), tool))
        .collect();
    let mut reports = Vec::new();
    for set in TOOLSETS {
        let mut entries = Vec::new();
        for name in set.tools {
            let Some(tool) = tools.get(*name).filter(|tool| selection.allows(tool)) else {
                continue;
            };
            entries.push(tool_report(tool, granted));
        }
        if !entries.is_empty() {
            reports.push(ToolsetReport {
                name: set.name,
                tools: entries,
            });
        }
    }
    reports
}

fn tool_report(tool: &Tool, granted: Option<&GrantedScopes>) -> ToolReport {
    let read_only = tool
        .annotations
        .as_ref()
        .and_then(|annotations| annotations.read_only_hint)
        == Some(true);
    let needs_zoom = scopes::tool_calls(&tool.name).is_some_and(|entry| !entry.calls.is_empty());
    let (status, access) = match granted {
        None if needs_zoom => (ToolStatus::Unknown, ToolAccess::Works),
        None => (ToolStatus::Works, ToolAccess::Works),
        Some(granted) => {
            let access = scopes::assess(&tool.name, granted);
            let status = match access {
                ToolAccess::Works => ToolStatus::Works,
                ToolAccess::Limited { .. } => ToolStatus::Limited,
                ToolAccess::CannotWork { .. } => ToolStatus::CannotWork,
            };
            (status, access)
        }
    };
    ToolReport {
        name: tool.name.to_string(),
        status,
        read_only,
        missing: access
            .missing()
            .iter()
            .map(|entry| MissingReport {
                endpoint: entry.call.endpoint,
                when: entry.call.when,
                classic: entry.scopes.classic.to_vec(),
                granular: entry.scopes.granular.to_vec(),
            })
            .collect(),
    }
}

fn next_steps(status: CheckStatus, token: &TokenReport) -> Vec<String> {
    match status {
        CheckStatus::Ok => vec![
            "Nothing to fix. Start the server with the same settings (serve, or no command)."
                .to_owned(),
        ],
        CheckStatus::ConfigInvalid => Vec::new(),
        CheckStatus::CredentialsMissing | CheckStatus::TokenFailed | CheckStatus::ApiFailed => {
            token
                .problem
                .iter()
                .map(|problem| problem.fix.clone())
                .chain(["Then run check again.".to_owned()])
                .collect()
        }
        CheckStatus::ScopesMissing => vec![
            "Add one scope for each missing call listed above on the app's Scopes page in the \
             Zoom App Marketplace (SCOPES.md lists the minimum sets), then run check again."
                .to_owned(),
            "A running server keeps its token until it expires, across restarts through the \
             token cache: call refresh_token afterwards, or delete the token cache file."
                .to_owned(),
        ],
    }
}
