//! Endpoint handlers. Each takes the locked state and one parsed call and
//! returns a reply or a Zoom error; none of them awaits.

mod invite_links;
mod panelists;
mod past;
mod past_lookup;
mod polls;
mod registrant_status;
mod registrants;
mod reports;
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
        E::ListWebinars => webinars::list(state, call),
        E::CreateWebinar => webinar_write::create(state, call),
        E::GetWebinar => webinars::get(state, call),
        E::UpdateWebinar => webinar_write::update(state, call),
        E::DeleteWebinar => webinar_write::delete(state, call),
        E::UpdateWebinarStatus => webinar_write::update_status(state, call),
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
        E::UpdateRegistrantStatus => registrant_status::update(state, call),
        E::GetRegistrant => registrants::get(state, call),
        E::DeleteRegistrant => registrants::delete(state, call),
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
    }
}
