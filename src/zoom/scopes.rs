//! The OAuth scopes each Zoom endpoint accepts and the endpoints each tool
//! calls: the one table that `check`, the server's scope awareness and the
//! sandbox's scope check read.
//!
//! The scope lists come from the `x-macro-scopes` (classic) and
//! `x-granular-scopes` (granular) fields of Zoom's OpenAPI specs, the same
//! lists that `tests/fixtures/zoom-contract.json` stores, which a test
//! checks. An endpoint accepts any one of its scopes.
//!
//! A tool's calls are either unconditional, made on every use, or
//! conditional, made only for some arguments. A tool **cannot work** when
//! the token lacks a scope for an unconditional call, or when every call is
//! conditional, every one lacks a scope and no use of the tool goes without
//! a Zoom call. A tool that lacks a scope only for some conditional calls is
//! **limited**: the uses that make those calls fail, the others work.

mod tables;

use std::collections::BTreeSet;

pub use tables::{ENDPOINT_SCOPES, TOOL_CALLS};

/// The scopes one Zoom endpoint accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EndpointScopes {
    pub method: &'static str,
    /// Path template below the API base URL, as in `CALLED_ENDPOINTS`.
    pub path: &'static str,
    /// Classic scopes (`x-macro-scopes`), the `:admin` variant first.
    pub classic: &'static [&'static str],
    /// Granular scopes (`x-granular-scopes`), the `:admin` variant first.
    pub granular: &'static [&'static str],
}

impl EndpointScopes {
    /// Returns `METHOD /path`, the key `CALLED_ENDPOINTS` and the sandbox's
    /// request log use.
    pub fn key(&self) -> String {
        format!("{} {}", self.method, self.path)
    }

    /// Reports whether `granted` holds any one of the scopes this endpoint accepts.
    pub fn allows(&self, granted: &GrantedScopes) -> bool {
        self.classic
            .iter()
            .chain(self.granular)
            .any(|scope| granted.contains(scope))
    }
}

/// One Zoom call that a tool makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ZoomCall {
    /// `METHOD /path` of an entry in [`ENDPOINT_SCOPES`].
    pub endpoint: &'static str,
    /// When the call is made, for a conditional call; `None` for a call
    /// made on every use.
    pub when: Option<&'static str>,
}

/// The Zoom calls of one tool.
#[derive(Debug, Clone, Copy)]
pub struct ToolCalls {
    pub tool: &'static str,
    pub calls: &'static [ZoomCall],
    /// A use of the tool that makes no Zoom call at all, such as a dry run.
    pub use_without_calls: Option<&'static str>,
}

/// Scopes granted to an access token, from the token response's `scope`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GrantedScopes(BTreeSet<String>);

impl GrantedScopes {
    pub fn contains(&self, scope: &str) -> bool {
        self.0.contains(scope)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Returns the scopes in sorted order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(String::as_str)
    }
}

impl<S: Into<String>> FromIterator<S> for GrantedScopes {
    fn from_iter<I: IntoIterator<Item = S>>(iter: I) -> Self {
        GrantedScopes(iter.into_iter().map(Into::into).collect())
    }
}

/// A call whose endpoint accepts none of the granted scopes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MissingScope {
    pub call: ZoomCall,
    pub scopes: &'static EndpointScopes,
}

/// Whether a tool can work with a set of granted scopes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ToolAccess {
    /// Every call the tool can make is allowed (or it makes none).
    Works,
    /// Some conditional calls lack a scope, so the uses that make them fail.
    Limited { missing: Vec<MissingScope> },
    /// No use of the tool can succeed; `missing` lists the calls that lack a scope.
    CannotWork { missing: Vec<MissingScope> },
}

impl ToolAccess {
    /// Returns the calls that lack a scope, empty when the tool works.
    pub fn missing(&self) -> &[MissingScope] {
        match self {
            ToolAccess::Works => &[],
            ToolAccess::Limited { missing } | ToolAccess::CannotWork { missing } => missing,
        }
    }
}

/// Returns the scopes of the endpoint `METHOD /path`, if the tools call it.
pub fn endpoint_scopes(method: &str, path: &str) -> Option<&'static EndpointScopes> {
    ENDPOINT_SCOPES
        .iter()
        .find(|entry| entry.method == method && entry.path == path)
}

/// Returns the scopes of the endpoint with key `METHOD /path`.
pub fn endpoint_scopes_by_key(key: &str) -> Option<&'static EndpointScopes> {
    let (method, path) = key.split_once(' ')?;
    endpoint_scopes(method, path)
}

/// Returns the Zoom calls of `tool`, or `None` for a name with no entry.
pub fn tool_calls(tool: &str) -> Option<&'static ToolCalls> {
    TOOL_CALLS.iter().find(|entry| entry.tool == tool)
}

/// Decides whether `tool` can work with `granted`. A tool without an entry
/// is treated as making no Zoom call.
pub fn assess(tool: &str, granted: &GrantedScopes) -> ToolAccess {
    let Some(entry) = tool_calls(tool) else {
        return ToolAccess::Works;
    };
    let mut missing = Vec::new();
    let mut unconditional_missing = false;
    for call in entry.calls {
        // The tables test checks that every call names a listed endpoint.
        let Some(scopes) = endpoint_scopes_by_key(call.endpoint) else {
            continue;
        };
        if !scopes.allows(granted) {
            unconditional_missing |= call.when.is_none();
            missing.push(MissingScope {
                call: *call,
                scopes,
            });
        }
    }
    if missing.is_empty() {
        return ToolAccess::Works;
    }
    let every_call_missing = missing.len() == entry.calls.len();
    if unconditional_missing || (every_call_missing && entry.use_without_calls.is_none()) {
        ToolAccess::CannotWork { missing }
    } else {
        ToolAccess::Limited { missing }
    }
}

/// Returns every scope the tools can use with a Server-to-Server OAuth app:
/// the classic `:admin` scopes that cover most endpoints and the granular
/// `:admin` variant of every endpoint. The sandbox grants these by default.
pub fn full_scope_set() -> Vec<String> {
    let mut scopes: Vec<String> = [
        "user:read:admin",
        "webinar:read:admin",
        "webinar:write:admin",
        "report:read:admin",
    ]
    .iter()
    .map(|scope| (*scope).to_owned())
    .collect();
    for entry in ENDPOINT_SCOPES {
        for scope in entry.granular {
            if scope.ends_with(":admin") && !scopes.iter().any(|held| held == scope) {
                scopes.push((*scope).to_owned());
            }
        }
    }
    scopes
}

#[cfg(test)]
mod tests;
