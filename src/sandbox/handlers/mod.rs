//! Endpoint handlers. Each takes the locked state and one parsed call and
//! returns a reply or a Zoom error; none of them awaits.

mod batch_registrants;
mod branding;
mod branding_files;
mod invite_links;
mod live_chat;
mod livestream;
mod panelists;
mod past;
mod past_lookup;
mod polls;
mod registrant_status;
mod registrants;
mod registration_questions;
mod reports;
mod sip_dialing;
mod survey;
mod templates;
mod tokens;
mod tracking_sources;
mod upload;
mod users;
mod webinar_input;
mod webinar_write;
mod webinars;

use chrono::{DateTime, Utc};

use super::query::QueryParams;
use super::reply::{Reply, ZoomError};
use super::routes::Endpoint;
use super::state::SandboxState;

/// One authorised API call.
#[derive(Debug)]
pub(crate) struct ApiCall<'a> {
    /// Raw (still percent-encoded) path parameters, in path order.
    pub params: &'a [String],
    pub query: &'a QueryParams,
    pub body: &'a [u8],
    /// The `Content-Type` header, which multipart uploads need for their
    /// boundary.
    pub content_type: Option<&'a str>,
    pub now: DateTime<Utc>,
}

impl ApiCall<'_> {
    /// Returns raw path parameter `index`; the route table guarantees it.
    pub(crate) fn param(&self, index: usize) -> &str {
        self.params.get(index).map(String::as_str).unwrap_or("")
    }
}

pub(crate) type HandlerResult = Result<Reply, ZoomError>;

/// Runs the handler of `endpoint`.
pub(crate) fn dispatch(
    endpoint: Endpoint,
    state: &mut SandboxState,
    call: &ApiCall<'_>,
) -> HandlerResult {
    use Endpoint as E;
    match endpoint {
        E::ListUsers => users::list(state, call),
        E::GetUser => users::get(state, call),
        E::ListWebinarTemplates => templates::list(state, call),
        E::CreateWebinarTemplate => templates::create(state, call),
        E::ListWebinars => webinars::list(state, call),
        E::CreateWebinar => webinar_write::create(state, call),
        E::GetWebinar => webinars::get(state, call),
        E::UpdateWebinar => webinar_write::update(state, call),
        E::DeleteWebinar => webinar_write::delete(state, call),
        E::UpdateWebinarStatus => webinar_write::update_status(state, call),
        E::AddBatchRegistrants => batch_registrants::add(state, call),
        E::GetBranding => branding::get(state, call),
        E::CreateNameTag => branding::create_name_tag(state, call),
        E::DeleteNameTags => branding::delete_name_tags(state, call),
        E::UpdateNameTag => branding::update_name_tag(state, call),
        E::UploadVirtualBackground => branding_files::upload_virtual_background(state, call),
        E::SetDefaultVirtualBackground => {
            branding_files::set_default_virtual_background(state, call)
        }
        E::DeleteVirtualBackgrounds => branding_files::delete_virtual_backgrounds(state, call),
        E::UploadWallpaper => branding_files::upload_wallpaper(state, call),
        E::DeleteWallpaper => branding_files::delete_wallpaper(state, call),
        E::GetLiveStreamingJoinToken
        | E::GetLocalArchivingToken
        | E::GetLocalRecordingJoinToken => tokens::join_token(state, call),
        E::GetLiveStream => livestream::get(state, call),
        E::UpdateLiveStream => livestream::update(state, call),
        E::UpdateLiveStreamStatus => livestream::update_status(state, call),
        E::ListPanelists => panelists::list(state, call),
        E::AddPanelists => panelists::add(state, call),
        E::DeleteAllPanelists => panelists::delete_all(state, call),
        E::DeletePanelist => panelists::delete_one(state, call),
        E::ListPolls => polls::list(state, call),
        E::CreatePoll => polls::create(state, call),
        E::GetPoll => polls::get(state, call),
        E::UpdatePoll => polls::update(state, call),
        E::DeletePoll => polls::delete(state, call),
        E::CreateInviteLinks => invite_links::create(state, call),
        E::ListRegistrants => registrants::list(state, call),
        E::AddRegistrant => registrants::add(state, call),
        E::ListRegistrationQuestions => registration_questions::list(state, call),
        E::UpdateRegistrationQuestions => registration_questions::update(state, call),
        E::UpdateRegistrantStatus => registrant_status::update(state, call),
        E::GetRegistrant => registrants::get(state, call),
        E::DeleteRegistrant => registrants::delete(state, call),
        E::CreateSipDialing => sip_dialing::create(state, call),
        E::GetSurvey => survey::get(state, call),
        E::UpdateSurvey => survey::update(state, call),
        E::DeleteSurvey => survey::delete(state, call),
        E::GetWebinarToken => tokens::webinar_token(state, call),
        E::ListTrackingSources => tracking_sources::list(state, call),
        E::ListPastInstances => past::instances(state, call),
        E::ListPastParticipants => past::participants(state, call),
        E::ListAbsentees => past::absentees(state, call),
        E::ListPastPolls => past::polls(state, call),
        E::ListPastQa => past::qa(state, call),
        E::ReportWebinar => reports::details(state, call),
        E::ReportParticipants => reports::participants(state, call),
        E::ReportPolls => reports::polls(state, call),
        E::ReportQa => reports::qa(state, call),
        E::ReportSurvey => reports::survey(state, call),
        E::DeleteLiveChatMessage => live_chat::delete_message(state, call),
    }
}
