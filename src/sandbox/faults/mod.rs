//! Fault injection for tests: the control endpoint `/_sandbox/faults` and
//! the faults it queues for matching requests.
//!
//! `POST /_sandbox/faults` with a JSON body queues a fault for the next
//! `times` requests (default 1) that match `method` (any when absent) and
//! `path` (a raw-path prefix, or a template where `{name}` matches one
//! segment):
//!
//! - `{"fault":"respond","status":429,"headers":{"Retry-After":"1"},"body":{...}}`
//!   returns that status, headers and JSON body; `"text"` and
//!   `"content_type"` send a raw body such as HTML, XML or an empty string;
//! - `{"fault":"delay","delay_ms":2000}` waits, then serves normally;
//! - `{"fault":"drop"}` closes the connection without a response;
//! - with `"after_serving":true`, `delay` and `drop` serve the request
//!   first (so a write happens) and then delay or drop the response, as
//!   when Zoom acted on a request but its response was lost;
//! - `{"fault":"invalidate_tokens"}` revokes every access token issued so
//!   far, at once, so the next API call gets 401 code 124.
//!
//! `respond` and `drop` also take `delay_ms`. `GET /_sandbox/faults` returns
//! the pending faults and the fault log (one event per faulted request, with
//! its outcome); `DELETE /_sandbox/faults` clears both. A request that a
//! fault responds to or drops is recorded only in the fault log, not in the
//! request log or the stats. The sandbox state mutex is never held during a
//! delay.

mod control;
mod responses;
mod spec;

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use axum::extract::{Request, State};
use axum::http::Method;
use axum::response::Response;
use serde::Serialize;

use super::http::{self, Shared};
use control::control;
use responses::{canned, dropped_connection};
use spec::{Action, Matcher};

/// The path of the control endpoint.
pub(crate) const CONTROL_PATH: &str = "/_sandbox/faults";

/// The maximum number of fault-log events kept; older ones are dropped first.
const MAX_EVENTS: usize = 1000;

/// The queued faults and the fault log.
#[derive(Debug, Default)]
pub(crate) struct FaultTable {
    inner: Mutex<FaultState>,
}

#[derive(Debug, Default)]
struct FaultState {
    next_id: u64,
    pending: Vec<PendingFault>,
    next_event: u64,
    events: VecDeque<FaultEvent>,
}

#[derive(Debug)]
struct PendingFault {
    id: u64,
    matcher: Matcher,
    remaining: u32,
    action: Action,
}

/// One faulted request, as `GET /_sandbox/faults` returns it.
#[derive(Debug, Clone, Serialize)]
struct FaultEvent {
    event_id: u64,
    fault_id: u64,
    method: String,
    path: String,
    fault: &'static str,
    /// Whether the request was served (and any write done) before the fault.
    after_serving: bool,
    outcome: Outcome,
}

/// The outcome of a faulted request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
enum Outcome {
    /// The fault's delay is still running.
    Waiting,
    /// The delay ended and the request was served normally.
    Served,
    /// The canned response was sent.
    Responded,
    /// The connection was closed without a response.
    Dropped,
    /// The client went away during the delay. Unless the fault applied
    /// after serving, the request was never served and changed nothing.
    Abandoned,
}

/// The request handler's next step after [`intercept`].
enum Intercept {
    /// Send this response and skip normal serving.
    Respond(Response),
    /// Serve the request, then pass the response to [`after_serving`].
    Serve(AfterServing),
}

/// A fault to apply to the response once the request was served, if any.
struct AfterServing(Option<(u64, Action)>);

/// Handles every request: serves the control endpoint, applies a matching
/// fault, and passes the rest to the sandbox's handler.
pub(crate) async fn handle(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    let method = request.method().clone();
    let raw_path = request.uri().path().to_owned();
    if raw_path == CONTROL_PATH {
        let body = axum::body::to_bytes(request.into_body(), MAX_CONTROL_BODY_BYTES)
            .await
            .ok();
        return control(&shared, &method, body.as_deref());
    }
    let fault = match intercept(&shared, &method, &raw_path).await {
        Intercept::Respond(response) => return response,
        Intercept::Serve(fault) => fault,
    };
    let response = http::handle(State(Arc::clone(&shared)), request).await;
    after_serving(&shared, fault, &method, &raw_path, response).await
}

/// The largest control request body read, in bytes.
const MAX_CONTROL_BODY_BYTES: usize = 1024 * 1024;

impl FaultTable {
    fn lock(&self) -> MutexGuard<'_, FaultState> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Takes one use of the first pending fault matching the request.
    fn take(&self, method: &Method, raw_path: &str) -> Option<(u64, Action)> {
        let mut state = self.lock();
        let index = state
            .pending
            .iter()
            .position(|fault| fault.matcher.matches(method, raw_path))?;
        let fault = &mut state.pending[index];
        fault.remaining -= 1;
        let taken = (fault.id, fault.action.clone());
        if fault.remaining == 0 {
            state.pending.remove(index);
        }
        Some(taken)
    }

    fn record(&self, event: FaultEvent) {
        let mut state = self.lock();
        if state.events.len() == MAX_EVENTS {
            state.events.pop_front();
        }
        state.events.push_back(event);
    }

    fn set_outcome(&self, event_id: u64, outcome: Outcome) {
        let mut state = self.lock();
        if let Some(event) = state
            .events
            .iter_mut()
            .find(|event| event.event_id == event_id)
        {
            event.outcome = outcome;
        }
    }
}

/// Records a faulted request in the fault log, and marks it abandoned when
/// the handler future is dropped (the client disconnected) before
/// [`finish`](Self::finish).
struct EventGuard<'a> {
    table: &'a FaultTable,
    event_id: u64,
    finished: bool,
}

impl<'a> EventGuard<'a> {
    fn start(
        table: &'a FaultTable,
        fault_id: u64,
        method: &Method,
        raw_path: &str,
        fault: &'static str,
        after_serving: bool,
    ) -> Self {
        let event_id = {
            let mut state = table.lock();
            state.next_event += 1;
            state.next_event
        };
        table.record(FaultEvent {
            event_id,
            fault_id,
            method: method.to_string(),
            path: raw_path.to_owned(),
            fault,
            after_serving,
            outcome: Outcome::Waiting,
        });
        Self {
            table,
            event_id,
            finished: false,
        }
    }

    fn finish(mut self, outcome: Outcome) {
        self.finished = true;
        self.table.set_outcome(self.event_id, outcome);
    }
}

impl Drop for EventGuard<'_> {
    fn drop(&mut self) {
        if !self.finished {
            self.table.set_outcome(self.event_id, Outcome::Abandoned);
        }
    }
}

/// Applies the first fault that matches the request, if any.
async fn intercept(shared: &Shared, method: &Method, raw_path: &str) -> Intercept {
    if raw_path.starts_with("/_sandbox/") {
        return Intercept::Serve(AfterServing(None));
    }
    let Some((fault_id, action)) = shared.faults.take(method, raw_path) else {
        return Intercept::Serve(AfterServing(None));
    };
    tracing::info!(
        http.method = %method,
        http.path = raw_path,
        fault_id,
        fault = action.kind(),
        after_serving = action.after_serving(),
        "sandbox applying an injected fault"
    );
    if action.after_serving() {
        return Intercept::Serve(AfterServing(Some((fault_id, action))));
    }
    let event = EventGuard::start(
        &shared.faults,
        fault_id,
        method,
        raw_path,
        action.kind(),
        false,
    );
    match action {
        Action::Delay { delay, .. } => {
            tokio::time::sleep(delay).await;
            event.finish(Outcome::Served);
            Intercept::Serve(AfterServing(None))
        }
        Action::Respond { response, delay } => {
            tokio::time::sleep(delay).await;
            event.finish(Outcome::Responded);
            Intercept::Respond(canned(response))
        }
        Action::Drop { delay, .. } => {
            tokio::time::sleep(delay).await;
            event.finish(Outcome::Dropped);
            Intercept::Respond(dropped_connection())
        }
    }
}

/// Applies an after-serving fault to the response of a served request:
/// waits before returning it, or replaces it with a dropped connection.
async fn after_serving(
    shared: &Shared,
    fault: AfterServing,
    method: &Method,
    raw_path: &str,
    response: Response,
) -> Response {
    let AfterServing(Some((fault_id, action))) = fault else {
        return response;
    };
    let event = EventGuard::start(
        &shared.faults,
        fault_id,
        method,
        raw_path,
        action.kind(),
        true,
    );
    match action {
        Action::Delay { delay, .. } => {
            tokio::time::sleep(delay).await;
            event.finish(Outcome::Served);
            response
        }
        Action::Drop { delay, .. } => {
            tokio::time::sleep(delay).await;
            event.finish(Outcome::Dropped);
            dropped_connection()
        }
        Action::Respond { .. } => response,
    }
}
