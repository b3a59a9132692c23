//! The scope table and the tool table.

use super::{EndpointScopes, ToolCalls, ZoomCall};

const fn endpoint(
    method: &'static str,
    path: &'static str,
    classic: &'static [&'static str],
    granular: &'static [&'static str],
) -> EndpointScopes {
    EndpointScopes {
        method,
        path,
        classic,
        granular,
    }
}

/// The scopes of every endpoint in `CALLED_ENDPOINTS`, in the same order.
#[rustfmt::skip]
pub const ENDPOINT_SCOPES: &[EndpointScopes] = &[
    endpoint("GET", "/users", &["user:read:admin", "user:write:admin", "user:read", "user:write"], &["user:read:list_users:admin"]),
    endpoint("GET", "/users/me/zak", &["user_zak:read"], &["user:read:zak:admin", "user:read:zak"]),
    endpoint("GET", "/users/{userId}", &["user:read:admin", "user:write:admin", "user:read", "user:write", "user_profile", "user_info:read"], &["user:read:user:admin", "user:read:user"]),
    endpoint("GET", "/users/{userId}/webinar_templates", &["webinar:read:admin", "webinar:read"], &["webinar:read:list_templates:admin", "webinar:read:list_templates"]),
    endpoint("POST", "/users/{userId}/webinar_templates", &["webinar:write:admin", "webinar:write"], &["webinar:write:template:admin", "webinar:write:template"]),
    endpoint("GET", "/users/{userId}/webinars", &["webinar:read:admin", "webinar:read"], &["webinar:read:list_webinars:admin", "webinar:read:list_webinars"]),
    endpoint("POST", "/users/{userId}/webinars", &["webinar:write:admin", "webinar:write"], &["webinar:write:webinar:admin", "webinar:write:webinar"]),
    endpoint("GET", "/webinars/{webinarId}", &["webinar:read:admin", "webinar:read"], &["webinar:read:webinar:admin", "webinar:read:webinar"]),
    endpoint("PATCH", "/webinars/{webinarId}", &["webinar:write:admin", "webinar:write"], &["webinar:update:webinar:admin", "webinar:update:webinar"]),
    endpoint("DELETE", "/webinars/{webinarId}", &["webinar:write:admin", "webinar:write"], &["webinar:delete:webinar:admin", "webinar:delete:webinar"]),
    endpoint("POST", "/webinars/{webinarId}/batch_registrants", &["webinar:write:admin", "webinar:write"], &["webinar:write:batch_registrants:admin", "webinar:write:batch_registrants"]),
    endpoint("GET", "/webinars/{webinarId}/branding", &["webinar:read:admin", "webinar:read"], &["webinar:read:branding:admin", "webinar:read:branding"]),
    endpoint("POST", "/webinars/{webinarId}/branding/name_tags", &["webinar:write:admin", "webinar:write"], &["webinar:write:branding_name_tag:admin", "webinar:write:branding_name_tag"]),
    endpoint("DELETE", "/webinars/{webinarId}/branding/name_tags", &["webinar:write:admin", "webinar:write"], &["webinar:delete:branding_name_tag:admin", "webinar:delete:branding_name_tag"]),
    endpoint("PATCH", "/webinars/{webinarId}/branding/name_tags/{nameTagId}", &["webinar:write:admin", "webinar:write"], &["webinar:update:branding_name_tag:admin", "webinar:update:branding_name_tag"]),
    endpoint("POST", "/webinars/{webinarId}/branding/virtual_backgrounds", &["webinar:write:admin", "webinar:write"], &["webinar:write:branding_virtual_background:admin", "webinar:write:branding_virtual_background"]),
    endpoint("PATCH", "/webinars/{webinarId}/branding/virtual_backgrounds", &["webinar:write:admin", "webinar:write"], &["webinar:update:branding_virtual_background:admin", "webinar:update:branding_virtual_background"]),
    endpoint("DELETE", "/webinars/{webinarId}/branding/virtual_backgrounds", &["webinar:write:admin", "webinar:write"], &["webinar:delete:branding_virtual_background:admin", "webinar:delete:branding_virtual_background"]),
    endpoint("POST", "/webinars/{webinarId}/branding/wallpaper", &["webinar:write:admin", "webinar:write"], &["webinar:write:branding_wallpaper:admin", "webinar:write:branding_wallpaper"]),
    endpoint("DELETE", "/webinars/{webinarId}/branding/wallpaper", &["webinar:write:admin", "webinar:write"], &["webinar:delete:branding_wallpaper:admin", "webinar:delete:branding_wallpaper"]),
    endpoint("POST", "/webinars/{webinarId}/invite_links", &["webinar:write:admin", "webinar:write"], &["webinar:write:invite_links:admin", "webinar:write:invite_links"]),
    endpoint("GET", "/webinars/{webinarId}/jointoken/live_streaming", &["webinar_token:read:admin:live_streaming", "webinar_token:read:live_streaming"], &["webinar:read:live_streaming_token:admin", "webinar:read:live_streaming_token"]),
    endpoint("GET", "/webinars/{webinarId}/jointoken/local_archiving", &["webinar_token:read:admin:local_archiving"], &["webinar:read:local_archiving_token:admin"]),
    endpoint("GET", "/webinars/{webinarId}/jointoken/local_recording", &["webinar_token:read:admin:local_recording", "webinar_token:read:local_recording"], &["webinar:read:local_recording_token:admin", "webinar:read:local_recording_token"]),
    endpoint("GET", "/webinars/{webinarId}/livestream", &["webinar:read:admin", "webinar:read"], &["webinar:read:livestream:admin", "webinar:read:livestream"]),
    endpoint("PATCH", "/webinars/{webinarId}/livestream", &["webinar:write:admin", "webinar:write"], &["webinar:update:livestream:admin", "webinar:update:livestream"]),
    endpoint("PATCH", "/webinars/{webinarId}/livestream/status", &["webinar:write:admin", "webinar:write"], &["webinar:update:livestream_status:admin", "webinar:update:livestream_status"]),
    endpoint("GET", "/webinars/{webinarId}/panelists", &["webinar:read:admin", "webinar:read"], &["webinar:read:list_panelists:admin", "webinar:read:list_panelists"]),
    endpoint("POST", "/webinars/{webinarId}/panelists", &["webinar:write:admin", "webinar:write"], &["webinar:write:panelist:admin", "webinar:write:panelist"]),
    endpoint("DELETE", "/webinars/{webinarId}/panelists", &["webinar:write:admin", "webinar:write"], &["webinar:delete:panelist:admin", "webinar:delete:panelist"]),
    endpoint("DELETE", "/webinars/{webinarId}/panelists/{panelistId}", &["webinar:write:admin", "webinar:write"], &["webinar:delete:panelist:admin", "webinar:delete:panelist"]),
    endpoint("GET", "/webinars/{webinarId}/polls", &["webinar:read:admin", "webinar:read"], &["webinar:read:list_polls:admin", "webinar:read:list_polls"]),
    endpoint("POST", "/webinars/{webinarId}/polls", &["webinar:write:admin", "webinar:write"], &["webinar:write:poll:admin", "webinar:write:poll"]),
    endpoint("GET", "/webinars/{webinarId}/polls/{pollId}", &["webinar:read:admin", "webinar:read"], &["webinar:read:poll:admin", "webinar:read:poll"]),
    endpoint("PUT", "/webinars/{webinarId}/polls/{pollId}", &["webinar:write:admin", "webinar:write"], &["webinar:update:poll:admin", "webinar:update:poll"]),
    endpoint("DELETE", "/webinars/{webinarId}/polls/{pollId}", &["webinar:write:admin", "webinar:write"], &["webinar:delete:poll:admin", "webinar:delete:poll"]),
    endpoint("GET", "/webinars/{webinarId}/registrants", &["webinar:read:admin", "webinar:read"], &["webinar:read:list_registrants:admin", "webinar:read:list_registrants"]),
    endpoint("POST", "/webinars/{webinarId}/registrants", &["webinar:write:admin", "webinar:write"], &["webinar:write:registrant:admin", "webinar:write:registrant"]),
    endpoint("GET", "/webinars/{webinarId}/registrants/questions", &["webinar:read:admin", "webinar:read"], &["webinar:read:list_registration_questions:admin", "webinar:read:list_registration_questions"]),
    endpoint("PATCH", "/webinars/{webinarId}/registrants/questions", &["webinar:write:admin", "webinar:write"], &["webinar:update:registration_question:admin", "webinar:update:registration_question"]),
    endpoint("PUT", "/webinars/{webinarId}/registrants/status", &["webinar:write:admin", "webinar:write"], &["webinar:update:registrant_status:admin", "webinar:update:registrant_status"]),
    endpoint("GET", "/webinars/{webinarId}/registrants/{registrantId}", &["webinar:read:admin", "webinar:read"], &["webinar:read:registrant:admin", "webinar:read:registrant"]),
    endpoint("DELETE", "/webinars/{webinarId}/registrants/{registrantId}", &["webinar:write:admin", "webinar:write"], &["webinar:delete:registrant:admin", "webinar:delete:registrant"]),
    endpoint("POST", "/webinars/{webinarId}/sip_dialing", &["webinar:write:admin:sip_dialing", "webinar:write:sip_dialing"], &["webinar:write:sip_dialing:admin", "webinar:write:sip_dialing"]),
    endpoint("PUT", "/webinars/{webinarId}/status", &["webinar:write:admin", "webinar:write"], &["webinar:update:status:admin", "webinar:update:status"]),
    endpoint("GET", "/webinars/{webinarId}/survey", &["webinar:read:admin", "webinar:read"], &["webinar:read:survey:admin", "webinar:read:survey"]),
    endpoint("PATCH", "/webinars/{webinarId}/survey", &["webinar:write:admin", "webinar:write"], &["webinar:update:survey:admin", "webinar:update:survey"]),
    endpoint("DELETE", "/webinars/{webinarId}/survey", &["webinar:write:admin", "webinar:write"], &["webinar:delete:survey:admin", "webinar:delete:survey"]),
    endpoint("GET", "/webinars/{webinarId}/token", &["webinar:read:admin", "webinar:read"], &["webinar:read:token:admin", "webinar:read:token"]),
    endpoint("GET", "/webinars/{webinarId}/tracking_sources", &["webinar:read:admin", "webinar:read"], &["webinar:read:list_tracking_sources:admin", "webinar:read:list_tracking_sources"]),
    endpoint("GET", "/past_webinars/{webinarId}/absentees", &["webinar:read:admin", "webinar:read"], &["webinar:read:list_absentees:admin", "webinar:read:list_absentees"]),
    endpoint("GET", "/past_webinars/{webinarId}/instances", &["webinar:read:admin", "webinar:read"], &["webinar:read:list_past_instances:admin", "webinar:read:list_past_instances"]),
    endpoint("GET", "/past_webinars/{webinarId}/participants", &["webinar:read:admin", "webinar:read"], &["webinar:read:list_past_participants:admin", "webinar:read:list_past_participants"]),
    endpoint("GET", "/past_webinars/{webinarId}/polls", &["webinar:read:admin", "webinar:read"], &["webinar:read:list_past_polls:admin", "webinar:read:list_past_polls"]),
    endpoint("GET", "/past_webinars/{webinarId}/qa", &["webinar:read:admin", "webinar:read"], &["webinar:read:past_qa:admin", "webinar:read:past_qa"]),
    endpoint("GET", "/report/webinars/{webinarId}", &["report:read:admin"], &["report:read:webinar:admin"]),
    endpoint("GET", "/report/webinars/{webinarId}/participants", &["report:read:admin"], &["report:read:list_webinar_participants:admin"]),
    endpoint("GET", "/report/webinars/{webinarId}/polls", &["report:read:admin"], &["report:read:list_webinar_polls:admin"]),
    endpoint("GET", "/report/webinars/{webinarId}/qa", &["report:read:admin"], &["report:read:webinar_qna:admin"]),
    endpoint("GET", "/report/webinars/{webinarId}/survey", &["report:read:admin"], &["report:read:webinar_survey:admin"]),
    endpoint("DELETE", "/live_webinars/{webinarId}/chat/messages/{messageId}", &["webinar:write:admin", "webinar:write"], &["webinar:delete:live_webinar_chat_message:admin", "webinar:delete:live_webinar_chat_message"]),
];

/// A call made on every use of the tool.
const fn always(endpoint: &'static str) -> ZoomCall {
    ZoomCall {
        endpoint,
        when: None,
    }
}

/// A call made only when `when` holds.
const fn only(endpoint: &'static str, when: &'static str) -> ZoomCall {
    ZoomCall {
        endpoint,
        when: Some(when),
    }
}

const fn tool(tool: &'static str, calls: &'static [ZoomCall]) -> ToolCalls {
    ToolCalls {
        tool,
        calls,
        use_without_calls: None,
    }
}

/// The Zoom calls of every tool, in the order of the toolsets. The
/// configuration tools only request tokens, which needs no scope.
#[rustfmt::skip]
pub const TOOL_CALLS: &[ToolCalls] = &[
    tool("auto_configure_zoom", &[]),
    tool("configure_zoom", &[]),
    tool("get_token_status", &[]),
    tool("refresh_token", &[]),

    tool("get_users", &[always("GET /users")]),
    tool("list_users_for_selection", &[always("GET /users")]),
    tool("get_user_by_selection", &[
        only("GET /users/{userId}", "the selection is me or an email, or matches no listed user"),
        only("GET /users", "the selection is a number, an ID or a name"),
    ]),
    tool("get_user", &[always("GET /users/{userId}")]),

    tool("list_webinars", &[always("GET /users/{userId}/webinars")]),
    tool("get_webinar", &[always("GET /webinars/{webinarId}")]),
    tool("create_webinar", &[always("POST /users/{userId}/webinars")]),
    tool("create_webinar_interactive", &[
        only("GET /users", "host_selection is missing, or is a number, an ID or a name"),
        only("GET /users/{userId}", "host_selection is me or an email, or matches no listed user"),
        only("POST /users/{userId}/webinars", "host_selection is given"),
    ]),
    tool("create_recurring_webinar", &[always("POST /users/{userId}/webinars")]),
    ToolCalls {
        tool: "schedule_webinar_from_prompt",
        calls: &[only("POST /users/{userId}/webinars", "dry_run is false")],
        use_without_calls: Some("dry_run: true"),
    },
    ToolCalls {
        tool: "schedule_recurring_webinar_from_prompt",
        calls: &[only("POST /users/{userId}/webinars", "dry_run is false")],
        use_without_calls: Some("dry_run: true"),
    },
    tool("update_webinar", &[
        always("GET /webinars/{webinarId}"),
        always("PATCH /webinars/{webinarId}"),
    ]),
    tool("update_webinar_status", &[
        only("PUT /webinars/{webinarId}/status", "action is end"),
        only("GET /webinars/{webinarId}", "action is cancel or start"),
        only("DELETE /webinars/{webinarId}", "action is cancel"),
    ]),
    tool("delete_webinar", &[
        always("GET /webinars/{webinarId}"),
        always("DELETE /webinars/{webinarId}"),
    ]),
    tool("create_webinar_invite_links", &[always("POST /webinars/{webinarId}/invite_links")]),

    tool("list_panelists", &[always("GET /webinars/{webinarId}/panelists")]),
    tool("add_panelists", &[
        always("POST /webinars/{webinarId}/panelists"),
        always("GET /webinars/{webinarId}/panelists"),
    ]),
    tool("remove_panelist", &[
        always("GET /webinars/{webinarId}/panelists"),
        always("DELETE /webinars/{webinarId}/panelists/{panelistId}"),
    ]),
    tool("remove_all_panelists", &[
        always("GET /webinars/{webinarId}/panelists"),
        always("DELETE /webinars/{webinarId}/panelists"),
    ]),

    tool("list_webinar_registrants", &[always("GET /webinars/{webinarId}/registrants")]),
    tool("find_registrant_by_email", &[always("GET /webinars/{webinarId}/registrants")]),
    tool("export_webinar_registrants", &[always("GET /webinars/{webinarId}/registrants")]),
    tool("get_webinar_registrant", &[always("GET /webinars/{webinarId}/registrants/{registrantId}")]),
    tool("add_webinar_registrant", &[always("POST /webinars/{webinarId}/registrants")]),
    tool("add_webinar_registrants_batch", &[
        always("GET /webinars/{webinarId}"),
        always("POST /webinars/{webinarId}/batch_registrants"),
    ]),
    tool("update_webinar_registrant_status", &[always("PUT /webinars/{webinarId}/registrants/status")]),
    tool("delete_webinar_registrant", &[
        only("GET /webinars/{webinarId}/registrants", "given email and no registrant_id"),
        always("DELETE /webinars/{webinarId}/registrants/{registrantId}"),
    ]),
    tool("get_registration_questions", &[always("GET /webinars/{webinarId}/registrants/questions")]),
    tool("update_registration_questions", &[
        always("PATCH /webinars/{webinarId}/registrants/questions"),
        always("GET /webinars/{webinarId}/registrants/questions"),
    ]),
    tool("list_tracking_sources", &[always("GET /webinars/{webinarId}/tracking_sources")]),

    tool("get_webinar_polls", &[always("GET /webinars/{webinarId}/polls")]),
    tool("get_webinar_poll", &[always("GET /webinars/{webinarId}/polls/{pollId}")]),
    tool("create_webinar_poll", &[always("POST /webinars/{webinarId}/polls")]),
    tool("update_webinar_poll", &[
        always("PUT /webinars/{webinarId}/polls/{pollId}"),
        always("GET /webinars/{webinarId}/polls/{pollId}"),
    ]),
    tool("delete_webinar_poll", &[
        always("GET /webinars/{webinarId}/polls/{pollId}"),
        always("DELETE /webinars/{webinarId}/polls/{pollId}"),
    ]),

    tool("list_past_webinar_instances", &[always("GET /past_webinars/{webinarId}/instances")]),
    tool("list_webinar_participants", &[
        always("GET /past_webinars/{webinarId}/instances"),
        always("GET /past_webinars/{webinarId}/participants"),
    ]),
    tool("get_webinar_absentees", &[
        always("GET /past_webinars/{webinarId}/instances"),
        always("GET /past_webinars/{webinarId}/absentees"),
    ]),
    tool("list_webinar_qa", &[
        always("GET /past_webinars/{webinarId}/instances"),
        always("GET /past_webinars/{webinarId}/qa"),
    ]),
    tool("get_past_webinar_poll_results", &[
        always("GET /past_webinars/{webinarId}/instances"),
        always("GET /past_webinars/{webinarId}/polls"),
    ]),

    tool("get_webinar_survey", &[always("GET /webinars/{webinarId}/survey")]),
    tool("update_webinar_survey", &[
        always("PATCH /webinars/{webinarId}/survey"),
        always("GET /webinars/{webinarId}/survey"),
    ]),
    tool("delete_webinar_survey", &[always("DELETE /webinars/{webinarId}/survey")]),

    tool("get_webinar_report", &[always("GET /report/webinars/{webinarId}")]),
    tool("list_webinar_report_participants", &[always("GET /report/webinars/{webinarId}/participants")]),
    tool("get_webinar_report_polls", &[always("GET /report/webinars/{webinarId}/polls")]),
    tool("get_webinar_report_qa", &[always("GET /report/webinars/{webinarId}/qa")]),
    tool("get_webinar_report_survey", &[always("GET /report/webinars/{webinarId}/survey")]),

    tool("get_webinar_livestream", &[always("GET /webinars/{webinarId}/livestream")]),
    tool("update_webinar_livestream", &[always("PATCH /webinars/{webinarId}/livestream")]),
    tool("update_webinar_livestream_status", &[always("PATCH /webinars/{webinarId}/livestream/status")]),

    tool("get_webinar_branding", &[always("GET /webinars/{webinarId}/branding")]),
    tool("create_branding_name_tag", &[always("POST /webinars/{webinarId}/branding/name_tags")]),
    tool("update_branding_name_tag", &[always("PATCH /webinars/{webinarId}/branding/name_tags/{nameTagId}")]),
    tool("delete_branding_name_tags", &[always("DELETE /webinars/{webinarId}/branding/name_tags")]),
    tool("upload_branding_virtual_background", &[always("POST /webinars/{webinarId}/branding/virtual_backgrounds")]),
    tool("set_branding_virtual_background", &[always("PATCH /webinars/{webinarId}/branding/virtual_backgrounds")]),
    tool("delete_branding_virtual_backgrounds", &[always("DELETE /webinars/{webinarId}/branding/virtual_backgrounds")]),
    tool("upload_branding_wallpaper", &[always("POST /webinars/{webinarId}/branding/wallpaper")]),
    tool("delete_branding_wallpaper", &[always("DELETE /webinars/{webinarId}/branding/wallpaper")]),

    tool("list_webinar_templates", &[always("GET /users/{userId}/webinar_templates")]),
    tool("create_webinar_template", &[always("POST /users/{userId}/webinar_templates")]),
    tool("get_webinar_join_token", &[
        only("GET /webinars/{webinarId}/jointoken/live_streaming", "type is live_streaming"),
        only("GET /webinars/{webinarId}/jointoken/local_archiving", "type is local_archiving"),
        only("GET /webinars/{webinarId}/jointoken/local_recording", "type is local_recording"),
    ]),
    tool("get_closed_caption_token", &[always("GET /webinars/{webinarId}/token")]),
    tool("get_webinar_sip_dialing", &[always("POST /webinars/{webinarId}/sip_dialing")]),
    tool("delete_webinar_chat_message", &[always("DELETE /live_webinars/{webinarId}/chat/messages/{messageId}")]),
    tool("get_user_zak", &[always("GET /users/me/zak")]),
];
