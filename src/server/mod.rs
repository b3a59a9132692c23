//! The MCP server: shared state, the tool router and the resources.

mod arguments;
pub mod dispatch;
pub mod elicitation;
pub mod output;
mod resources;
pub mod schema;
mod scopes;
pub mod stdio;

use std::path::PathBuf;
use std::sync::{Arc, RwLock};

use chrono_tz::Tz;
use rmcp::handler::server::router::tool::ToolRouter;
use rmcp::handler::server::tool::ToolCallContext;
use rmcp::model::{
    CallToolRequestParams, CallToolResponse, CallToolResult, ContentBlock, GetPromptRequestParams,
    GetPromptResponse, Implementation, ListPromptsResult, ListResourcesResult, ListToolsResult,
    PaginatedRequestParams, ReadResourceRequestParams, ReadResourceResponse, ServerCapabilities,
    ServerConfig,
};
use rmcp::service::{NotificationContext, RequestContext};
use rmcp::{ErrorData as McpError, RoleServer, ServerHandler, tool_handler};

use crate::config::Config;
use crate::tools::toolsets::ToolSelection;
use crate::zoom::{ZoomClient, ZoomError};
use schema::ListingOptions;

/// The Zoom the server sends requests to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// A real Zoom account, configured from the environment.
    Live,
    /// The built-in sandbox at this base URL and token URL.
    Sandbox { base_url: String, token_url: String },
}

/// State shared by every tool call.
pub struct AppState {
    pub zoom: ZoomClient,
    config: RwLock<Config>,
    pub mode: Mode,
    /// `--env-file` as given on the command line, re-read by `auto_configure_zoom`.
    pub env_file_arg: Option<PathBuf>,
}

impl AppState {
    pub fn new(
        config: Config,
        mode: Mode,
        env_file_arg: Option<PathBuf>,
    ) -> Result<AppState, ZoomError> {
        let zoom = ZoomClient::new(&config)?;
        Ok(AppState {
            zoom,
            config: RwLock::new(config),
            mode,
            env_file_arg,
        })
    }

    /// Return a copy of the current configuration.
    pub fn config(&self) -> Config {
        self.config
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    /// Replace the configuration and the client's credentials.
    pub fn replace_config(&self, config: Config) {
        self.zoom.set_credentials(
            config.credentials.clone(),
            config.missing_credentials.clone(),
        );
        *self
            .config
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = config;
    }

    pub fn time_zone(&self) -> Tz {
        self.config
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .default_time_zone
    }

    pub fn is_sandbox(&self) -> bool {
        matches!(self.mode, Mode::Sandbox { .. })
    }
}

/// The MCP server handed to rmcp; cheap to clone.
#[derive(Clone)]
pub struct ZoomServer {
    pub(crate) state: Arc<AppState>,
    tool_router: ToolRouter<ZoomServer>,
    scope_gate: Arc<scopes::ScopeGate>,
    /// The selection the router was built from, to explain a call to a tool it left out.
    selection: Arc<ToolSelection>,
}

impl ZoomServer {
    /// Build the server with the tools `selection` exposes; the others are
    /// not listed, and a call to one is an invalid-params protocol error that
    /// names the setting which would list it.
    /// Tool definitions are trimmed once here, as `listing` says, so each
    /// `tools/list` only serialises them.
    pub fn new(
        state: Arc<AppState>,
        selection: &ToolSelection,
        listing: ListingOptions,
    ) -> ZoomServer {
        let mut tool_router = crate::tools::router();
        tool_router
            .map
            .retain(|_, route| selection.allows(&route.attr));
        for route in tool_router.map.values_mut() {
            schema::compact_tool(&mut route.attr, listing);
        }
        let scope_gate = Arc::new(scopes::ScopeGate::new(selection.hides_unauthorized()));
        ZoomServer {
            state,
            tool_router,
            scope_gate,
            selection: Arc::new(selection.clone()),
        }
    }

    /// List every tool the server offers, for tests and documentation.
    pub fn tools(&self) -> Vec<rmcp::model::Tool> {
        self.tool_router.list_all()
    }
}

const INSTRUCTIONS: &str = "Manages Zoom Webinars on one Zoom account through the Zoom REST API v2. \
Webinar ids are 64-bit integers; an ended instance of a past webinar is addressed by its UUID, which the past-webinar tools list under `instances`. \
Local start times are interpreted in the time zone given, else the server's default time zone; results show times in UTC and in that zone. \
Write tools change a real Zoom account and can email registrants and panelists: confirm with the user before creating, updating or deleting. \
If a tool reports missing credentials, call configure_zoom or fix the env file and call auto_configure_zoom.";

#[tool_handler(router = self.tool_router)]
impl ServerHandler for ZoomServer {
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(
            ServerCapabilities::builder()
                .enable_tools()
                .enable_tool_list_changed()
                .enable_resources()
                .enable_prompts()
                .build(),
        )
        .with_server_info(Implementation::new(
            env!("CARGO_PKG_NAME"),
            env!("CARGO_PKG_VERSION"),
        ))
        .with_instructions(INSTRUCTIONS)
    }

    /// Runs the tool through the router, stopped by the client's
    /// `notifications/cancelled` or by the tool deadline (see [`dispatch`]).
    async fn call_tool(
        &self,
        request: CallToolRequestParams,
        context: RequestContext<RoleServer>,
    ) -> Result<CallToolResponse, McpError> {
        let name = request.name.to_string();
        let Some(tool) = self.tool_router.get(&name) else {
            let reason = self.selection.explain_unlisted(&name);
            tracing::info!(tool = %name, "rejected a call to a tool this server does not list");
            return Err(McpError::invalid_params(reason, None));
        };
        if let Some(refusal) = arguments::unknown_arguments(tool, request.arguments.as_ref()) {
            tracing::info!(tool = %name, "rejected a tool call with unknown argument names; no request sent");
            return Ok(CallToolResult::error(vec![ContentBlock::text(refusal)]).into());
        }
        // Kept for explain_invalid, which needs them only when deserialization fails.
        let arguments = request.arguments.clone();
        let read_only = tool
            .annotations
            .as_ref()
            .and_then(|annotations| annotations.read_only_hint)
            .unwrap_or(false);
        let cancelled = context.ct.clone();
        let limit = self.state.zoom.network().tool_deadline;
        let call = scopes::gated(
            &self.state,
            &name,
            self.tool_router
                .call(ToolCallContext::new(self, request, context)),
        );
        let dispatched = dispatch::ToolCall {
            name: &name,
            read_only,
        };
        let response = dispatch::run_tool_call(dispatched, limit, cancelled, call).await?;
        Ok(arguments::explain_invalid(
            tool,
            arguments.as_ref(),
            response,
        ))
    }

    /// Lists the router's tools with the token's scopes applied (see [`scopes`]).
    async fn list_tools(
        &self,
        _request: Option<PaginatedRequestParams>,
        context: RequestContext<RoleServer>,
    ) -> Result<ListToolsResult, McpError> {
        Ok(scopes::list_tools_result(self, &context))
    }

    async fn on_initialized(&self, context: NotificationContext<RoleServer>) {
        tracing::info!("client initialized");
        scopes::watch_tool_list(self, context.peer);
    }

    async fn list_prompts(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListPromptsResult, McpError> {
        Ok(ListPromptsResult {
            prompts: crate::prompts::list(),
            ..Default::default()
        })
    }

    async fn get_prompt(
        &self,
        request: GetPromptRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> Result<GetPromptResponse, McpError> {
        let exposes = |tool: &str| self.tool_router.has_route(tool);
        let context = crate::prompts::PromptContext {
            default_time_zone: self.state.time_zone(),
            exposes: &exposes,
        };
        let result = crate::prompts::get(&request.name, request.arguments.as_ref(), &context)?;
        Ok(result.into())
    }

    async fn list_resources(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListResourcesResult, McpError> {
        Ok(ListResourcesResult {
            resources: resources::list(),
            ..Default::default()
        })
    }

    async fn read_resource(
        &self,
        request: ReadResourceRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> Result<ReadResourceResponse, McpError> {
        resources::read(&self.state, &request.uri)
            .await
            .map(Into::into)
    }
}
