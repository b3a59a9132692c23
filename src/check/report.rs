//! The report of `check`, the shape `--json` prints.
//!
//! The JSON shape is stable within one `format_version`: fields may be
//! added, but none is renamed or removed without raising the version.

use serde::Serialize;

use crate::config::ValueSource;

/// The current JSON format version.
pub const FORMAT_VERSION: u32 = 1;

/// Everything `check` found.
#[derive(Debug, Serialize)]
pub struct CheckReport {
    pub format_version: u32,
    pub status: CheckStatus,
    /// The process exit status that goes with `status`.
    pub exit_code: u8,
    /// `live` for a Zoom account, `sandbox` for `--sandbox`.
    pub mode: &'static str,
    /// The env file that was read, if any.
    pub env_file: Option<String>,
    pub variables: Vec<VariableReport>,
    /// Error message of a configuration that could not be loaded (status `config_invalid`).
    pub config_error: Option<String>,
    /// The token request, absent when the configuration could not be loaded.
    pub token: Option<TokenReport>,
    pub selection: SelectionReport,
    pub toolsets: Vec<ToolsetReport>,
    pub summary: Summary,
    /// Next steps for a person, in order.
    pub next_steps: Vec<String>,
}

/// The overall outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckStatus {
    /// Every enabled tool can work (exit status 0).
    Ok,
    /// The configuration could not be loaded (exit status 1).
    ConfigInvalid,
    /// A credential variable is missing, so no token was requested (exit status 1).
    CredentialsMissing,
    /// The token request failed (exit status 1).
    TokenFailed,
    /// The token works, but the API base URL did not respond as Zoom's API
    /// does (exit status 1).
    ApiFailed,
    /// The token works, but some enabled tools lack scopes (exit status 3).
    ScopesMissing,
}

impl CheckStatus {
    /// Returns the exit status documented in `check --help`.
    pub fn exit_code(self) -> u8 {
        match self {
            CheckStatus::Ok => 0,
            CheckStatus::ConfigInvalid
            | CheckStatus::CredentialsMissing
            | CheckStatus::TokenFailed
            | CheckStatus::ApiFailed => 1,
            CheckStatus::ScopesMissing => 3,
        }
    }
}

/// One configuration variable and where its value came from.
#[derive(Debug, Serialize)]
pub struct VariableReport {
    pub name: &'static str,
    pub set: bool,
    pub secret: bool,
    /// `{"kind": "environment" | "env_file" | "default" | "sandbox" | ...}`,
    /// with `path` for an env file.
    pub source: ValueSource,
    /// The value: masked for the account and client ids, absent for the
    /// secret and for unset variables.
    pub value: Option<String>,
    /// The default that applies when the variable is unset.
    pub default: Option<&'static str>,
}

/// The outcome of the token request.
#[derive(Debug, Serialize)]
pub struct TokenReport {
    pub ok: bool,
    pub token_url: String,
    /// The API base URL the server would use with this token.
    pub api_base_url: Option<String>,
    /// The scopes Zoom granted, sorted.
    pub scopes: Vec<String>,
    pub expires_in_minutes: Option<i64>,
    pub problem: Option<TokenProblem>,
}

/// The reason no token was issued, or the issued token failed against the
/// API base URL, with the fix.
#[derive(Debug, Serialize)]
pub struct TokenProblem {
    pub kind: ProblemKind,
    pub http_status: Option<u16>,
    /// The OAuth `error` field, such as `invalid_client`.
    pub error: Option<String>,
    /// The OAuth `reason` field, as Zoom sent it.
    pub reason: Option<String>,
    /// What failed, in one sentence.
    pub message: String,
    /// What to change.
    pub fix: String,
}

/// The kind of token failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    /// A credential variable is unset.
    MissingCredentials,
    /// Wrong client id or client secret (`invalid_client`).
    InvalidClient,
    /// The account id is wrong.
    AccountId,
    /// The app is not activated.
    AppNotActivated,
    /// The token endpoint could not be reached.
    Network,
    /// Any other refusal or an unreadable response.
    Unexpected,
    /// The token was issued, but `GET /users/me` with it showed that
    /// `ZOOM_API_BASE_URL` does not lead to Zoom's API.
    ApiBaseUrl,
}

/// The tools that `--toolsets`, `--tools` and `--read-only` enable.
#[derive(Debug, Serialize)]
pub struct SelectionReport {
    pub toolsets: Vec<&'static str>,
    pub extra_tools: Vec<String>,
    pub read_only: bool,
}

/// The enabled tools of one toolset.
#[derive(Debug, Serialize)]
pub struct ToolsetReport {
    pub name: &'static str,
    pub tools: Vec<ToolReport>,
}

/// Whether one tool can work with the granted scopes.
#[derive(Debug, Serialize)]
pub struct ToolReport {
    pub name: String,
    pub status: ToolStatus,
    pub read_only: bool,
    /// The calls that lack a scope.
    pub missing: Vec<MissingReport>,
}

/// A tool's standing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ToolStatus {
    Works,
    /// Works except for the uses that make the calls in `missing`.
    Limited,
    CannotWork,
    /// No token, so the scopes are unknown.
    Unknown,
}

/// A Zoom call whose endpoint accepts none of the granted scopes.
#[derive(Debug, Serialize)]
pub struct MissingReport {
    /// `METHOD /path`.
    pub endpoint: &'static str,
    /// When the tool makes this call; absent for a call made on every use.
    pub when: Option<&'static str>,
    /// Any one of these classic scopes is enough.
    pub classic: Vec<&'static str>,
    /// Any one of these granular scopes is enough.
    pub granular: Vec<&'static str>,
}

/// Counts of enabled tools by status.
#[derive(Debug, Default, Serialize)]
pub struct Summary {
    pub tools: usize,
    pub works: usize,
    pub limited: usize,
    pub cannot_work: usize,
    pub unknown: usize,
}

impl Summary {
    /// Counts the tools of `toolsets`.
    pub fn count(toolsets: &[ToolsetReport]) -> Summary {
        let mut summary = Summary::default();
        for tool in toolsets.iter().flat_map(|set| &set.tools) {
            summary.tools += 1;
            match tool.status {
                ToolStatus::Works => summary.works += 1,
                ToolStatus::Limited => summary.limited += 1,
                ToolStatus::CannotWork => summary.cannot_work += 1,
                ToolStatus::Unknown => summary.unknown += 1,
            }
        }
        summary
    }
}
