//! Named groups of tools, and the selection of tools a server exposes.
//!
//! A host that loads every tool gives its model a long list to read on
//! each turn, so the default exposes everyday webinar work and the rest is
//! opt-in by toolset or by tool name. Read-only mode overrides everything.

use std::collections::BTreeSet;

use rmcp::model::Tool;

/// A named group of tools.
#[derive(Debug)]
pub struct Toolset {
    pub name: &'static str,
    pub description: &'static str,
    /// Whether the toolset is on when no toolsets are chosen.
    pub default: bool,
    pub tools: &'static [&'static str],
}

/// Every toolset. Each tool belongs to exactly one, which a test checks.
pub const TOOLSETS: &[Toolset] = &[
    Toolset {
        name: "config",
        description: "Credentials and access tokens.",
        default: true,
        tools: &[
            "auto_configure_zoom",
            "configure_zoom",
            "get_token_status",
            "refresh_token",
        ],
    },
    Toolset {
        name: "users",
        description: "Account users and choosing a host.",
        default: true,
        tools: &[
            "get_users",
            "list_users_for_selection",
            "get_user_by_selection",
            "get_user",
        ],
    },
    Toolset {
        name: "webinars",
        description: "Create, schedule, read, update, end, cancel and delete webinars; invite links.",
        default: true,
        tools: &[
            "list_webinars",
            "get_webinar",
            "create_webinar",
            "create_webinar_interactive",
            "create_recurring_webinar",
            "schedule_webinar_from_prompt",
            "schedule_recurring_webinar_from_prompt",
            "update_webinar",
            "update_webinar_status",
            "delete_webinar",
            "create_webinar_invite_links",
        ],
    },
    Toolset {
        name: "panelists",
        description: "Webinar panelists.",
        default: true,
        tools: &[
            "list_panelists",
            "add_panelists",
            "remove_panelist",
            "remove_all_panelists",
        ],
    },
    Toolset {
        name: "registrants",
        description: "Registrants, their approval, registration questions and tracking sources.",
        default: true,
        tools: &[
            "list_webinar_registrants",
            "find_registrant_by_email",
            "get_webinar_registrant",
            "add_webinar_registrant",
            "add_webinar_registrants_batch",
            "update_webinar_registrant_status",
            "delete_webinar_registrant",
            "get_registration_questions",
            "update_registration_questions",
            "list_tracking_sources",
            "export_webinar_registrants",
        ],
    },
    Toolset {
        name: "polls",
        description: "Webinar polls and quizzes.",
        default: true,
        tools: &[
            "get_webinar_polls",
            "get_webinar_poll",
            "create_webinar_poll",
            "update_webinar_poll",
            "delete_webinar_poll",
        ],
    },
    Toolset {
        name: "past_webinars",
        description: "Ended webinars: instances, participants, absentees, Q&A and poll results.",
        default: true,
        tools: &[
            "list_past_webinar_instances",
            "list_webinar_participants",
            "get_webinar_absentees",
            "list_webinar_qa",
            "get_past_webinar_poll_results",
        ],
    },
    Toolset {
        name: "surveys",
        description: "Post-webinar surveys.",
        default: false,
        tools: &[
            "get_webinar_survey",
            "update_webinar_survey",
            "delete_webinar_survey",
        ],
    },
    Toolset {
        name: "reports",
        description: "Webinar reports (need the report:read:admin scope).",
        default: false,
        tools: &[
            "get_webinar_report",
            "list_webinar_report_participants",
            "get_webinar_report_polls",
            "get_webinar_report_qa",
            "get_webinar_report_survey",
        ],
    },
    Toolset {
        name: "livestream",
        description: "Live streaming to a custom service.",
        default: false,
        tools: &[
            "get_webinar_livestream",
            "update_webinar_livestream",
            "update_webinar_livestream_status",
        ],
    },
    Toolset {
        name: "branding",
        description: "Session branding: name tags, virtual backgrounds and wallpaper.",
        default: false,
        tools: &[
            "get_webinar_branding",
            "create_branding_name_tag",
            "update_branding_name_tag",
            "delete_branding_name_tags",
            "upload_branding_virtual_background",
            "set_branding_virtual_background",
            "delete_branding_virtual_backgrounds",
            "upload_branding_wallpaper",
            "delete_branding_wallpaper",
        ],
    },
    Toolset {
        name: "advanced",
        description: "Templates, join tokens, closed caption token, the owner's ZAK, SIP dialing and live chat moderation.",
        default: false,
        tools: &[
            "list_webinar_templates",
            "create_webinar_template",
            "get_webinar_join_token",
            "get_closed_caption_token",
            "get_webinar_sip_dialing",
            "delete_webinar_chat_message",
            "get_user_zak",
        ],
    },
];

/// The tools a server exposes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToolSelection {
    toolsets: BTreeSet<&'static str>,
    extra_tools: BTreeSet<String>,
    read_only: bool,
    /// Leave tools that the token's scopes cannot serve out of tools/list.
    hide_unauthorized: bool,
}

impl ToolSelection {
    /// Parse comma-separated toolset and tool names. `toolsets` of `None`
    /// means the default toolsets; `all` means every toolset. Unknown names
    /// are an error that lists the valid ones.
    pub fn parse(
        toolsets: Option<&str>,
        tools: Option<&str>,
        read_only: bool,
    ) -> Result<ToolSelection, String> {
        let mut chosen = BTreeSet::new();
        match toolsets.map(str::trim).filter(|value| !value.is_empty()) {
            None => chosen.extend(
                TOOLSETS
                    .iter()
                    .filter(|set| set.default)
                    .map(|set| set.name),
            ),
            Some(list) => {
                for name in list
                    .split(',')
                    .map(str::trim)
                    .filter(|name| !name.is_empty())
                {
                    let name = name.to_ascii_lowercase();
                    if name == "all" {
                        chosen.extend(TOOLSETS.iter().map(|set| set.name));
                    } else if name == "default" {
                        chosen.extend(
                            TOOLSETS
                                .iter()
                                .filter(|set| set.default)
                                .map(|set| set.name),
                        );
                    } else {
                        let set = TOOLSETS.iter().find(|set| set.name == name).ok_or_else(
                            || {
                                format!(
                                    "unknown toolset {name:?}; valid toolsets are all, default, {}",
                                    toolset_names().join(", ")
                                )
                            },
                        )?;
                        chosen.insert(set.name);
                    }
                }
            }
        }
        let mut extra_tools = BTreeSet::new();
        for name in tools
            .unwrap_or("")
            .split(',')
            .map(str::trim)
            .filter(|name| !name.is_empty())
        {
            if toolset_of(name).is_none() {
                return Err(format!(
                    "unknown tool {name:?} in --tools / ZOOM_TOOLS; run with --toolsets all and list the tools to see their names"
                ));
            }
            extra_tools.insert(name.to_string());
        }
        Ok(ToolSelection {
            toolsets: chosen,
            extra_tools,
            read_only,
            hide_unauthorized: false,
        })
    }

    /// Sets whether tools that the token's scopes cannot serve are left
    /// out of tools/list (`--hide-unauthorized`).
    pub fn with_hide_unauthorized(mut self, hide: bool) -> ToolSelection {
        self.hide_unauthorized = hide;
        self
    }

    pub fn hides_unauthorized(&self) -> bool {
        self.hide_unauthorized
    }

    /// Report whether `tool` is exposed: in a chosen toolset or named on its own,
    /// and read-only when read-only mode is on.
    pub fn allows(&self, tool: &Tool) -> bool {
        let name = tool.name.as_ref();
        let selected = self.extra_tools.contains(name)
            || toolset_of(name).is_some_and(|set| self.toolsets.contains(set));
        if !selected {
            return false;
        }
        if self.read_only {
            return tool
                .annotations
                .as_ref()
                .and_then(|annotations| annotations.read_only_hint)
                == Some(true);
        }
        true
    }

    /// Explains why `tool` is not listed, naming the setting that would list it.
    pub fn explain_unlisted(&self, tool: &str) -> String {
        let Some(set) = toolset_of(tool) else {
            return format!(
                "unknown tool {tool:?}: call tools/list to see the tools this server offers"
            );
        };
        if self.toolsets.contains(set) || self.extra_tools.contains(tool) {
            return format!(
                "tool {tool:?} is hidden because the server runs in read-only mode (--read-only or ZOOM_READ_ONLY) and this tool writes to Zoom; restart the server without read-only mode to use it"
            );
        }
        format!(
            "tool {tool:?} is not enabled on this server: it belongs to the {set} toolset. Restart the server with {set} added to --toolsets (or ZOOM_TOOLSETS), or with --tools {tool}"
        )
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Return the chosen toolset names, for logs and `zoom://config`.
    pub fn toolset_names(&self) -> Vec<&'static str> {
        self.toolsets.iter().copied().collect()
    }

    pub fn extra_tools(&self) -> Vec<String> {
        self.extra_tools.iter().cloned().collect()
    }
}

impl Default for ToolSelection {
    fn default() -> Self {
        ToolSelection::parse(None, None, false).expect("the default selection is valid")
    }
}

/// Find the toolset a tool belongs to.
pub fn toolset_of(tool: &str) -> Option<&'static str> {
    TOOLSETS
        .iter()
        .find(|set| set.tools.contains(&tool))
        .map(|set| set.name)
}

fn toolset_names() -> Vec<&'static str> {
    TOOLSETS.iter().map(|set| set.name).collect()
}

/// Render the toolset list for `--help`.
pub fn help_text() -> String {
    let mut text = String::from("Toolsets (--toolsets, ZOOM_TOOLSETS; * = on by default):\n");
    for set in TOOLSETS {
        let marker = if set.default { "*" } else { " " };
        text.push_str(&format!(
            "  {marker} {:<14} {}\n",
            set.name, set.description
        ));
    }
    text
}
