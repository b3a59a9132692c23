//! When a failed Zoom request is sent again, and after how long.
//!
//! - 429 per-second limit: retried after `Retry-After` (seconds or a date)
//!   or `X-RateLimit-Reset`, else after exponential backoff with jitter.
//!   Zoom rejected the request, so this is safe for every method.
//! - 429 daily limit: never retried; it lasts until the reset.
//! - 401: the token is renewed once and the request sent once more.
//! - 5xx, timeouts and connections that close early: GET, PUT, PATCH and
//!   DELETE are retried with backoff, because sending them twice leaves
//!   Zoom in the same state. A POST is never repeated, because the first
//!   one may have created a webinar, registrant or poll.
//! - A connection that could not be opened: retried for every method,
//!   POST included, because no byte of the request reached Zoom.
//! - Other 4xx: never retried; the request itself is wrong.
//!
//! Retries stop after `max_attempts` attempts, when a wait would exceed
//! `max_wait`, or when the wait would end past `max_elapsed` since the
//! first attempt or past the tool call's deadline.

use std::hash::{BuildHasher, Hasher};
use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::Method;

use super::attempt::Failure;
use super::rate_limit::RateLimitResponse;
use crate::config::NetworkSettings;

/// The longest single wait between attempts. A `Retry-After` beyond it is
/// reported to the caller instead of waited out.
pub const MAX_RETRY_WAIT: Duration = Duration::from_secs(10);

/// Limits on retrying one request.
#[derive(Debug, Clone, PartialEq)]
pub struct RetryPolicy {
    /// Attempts per request, the first one included.
    pub max_attempts: u32,
    /// Wait before the first retry when Zoom gives no reset time.
    pub base_delay: Duration,
    /// The longest single wait.
    pub max_wait: Duration,
    /// No retry starts if its wait would end later than this after the
    /// first attempt.
    pub max_elapsed: Duration,
}

impl RetryPolicy {
    /// Builds the policy from the configured settings; the time budget is
    /// the tool-call deadline.
    pub fn from_settings(settings: &NetworkSettings) -> RetryPolicy {
        RetryPolicy {
            max_attempts: settings.retry_max_attempts,
            base_delay: settings.retry_base_delay,
            max_wait: MAX_RETRY_WAIT,
            max_elapsed: settings.tool_deadline,
        }
    }

    /// Returns the wait after failed attempt number `attempt` (1-based):
    /// `base_delay` doubled per earlier attempt, capped at `max_wait`, then
    /// scaled by a random factor from 0.5 to 1 so that clients that failed
    /// together do not retry together.
    pub fn backoff(&self, attempt: u32) -> Duration {
        let doublings = attempt.saturating_sub(1).min(20);
        let full = self
            .base_delay
            .saturating_mul(1 << doublings)
            .min(self.max_wait);
        full.mul_f64(0.5 + 0.5 * random_fraction())
    }
}

/// The retry loop's position when an attempt failed.
#[derive(Debug, Clone, Copy)]
pub struct AttemptState {
    /// Number of the attempt that failed, from 1.
    pub attempt: u32,
    /// Whether the token was already renewed for this request.
    pub token_renewed: bool,
    /// Time since the first attempt started.
    pub elapsed: Duration,
    /// Time left before the tool call's deadline, when inside one.
    pub deadline_left: Option<Duration>,
}

/// The next step after a failed attempt.
#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    /// Wait, then send the request again.
    Retry {
        wait: Duration,
        reason: &'static str,
    },
    /// Drop the rejected token, get a new one and send again.
    RenewToken,
    /// Return the failure to the caller.
    Stop,
}

/// Decides what follows a failed attempt of a `method` request.
pub fn decide(
    policy: &RetryPolicy,
    method: &Method,
    failure: &Failure,
    state: AttemptState,
    now: DateTime<Utc>,
) -> Decision {
    let (wait, reason) = match failure {
        Failure::Status(api) if api.status == 401 => {
            return if state.token_renewed {
                Decision::Stop
            } else {
                Decision::RenewToken
            };
        }
        Failure::Status(api) if api.status == 429 => {
            let limit = RateLimitResponse {
                rate_limit_type: api.rate_limit.rate_limit_type.as_deref(),
                retry_after: api.rate_limit.retry_after.as_deref(),
                rate_limit_reset: api.rate_limit.reset.as_deref(),
                message: &api.message,
            };
            if limit.is_daily() {
                return Decision::Stop;
            }
            match limit.wait(now) {
                Some(wait) => (wait, "per-second rate limit, waiting as Zoom's headers say"),
                None => (policy.backoff(state.attempt), "per-second rate limit"),
            }
        }
        Failure::Status(api) if api.status >= 500 && is_idempotent(method) => {
            (policy.backoff(state.attempt), "Zoom server error")
        }
        Failure::Status(_) => return Decision::Stop,
        Failure::Connect(_) => (policy.backoff(state.attempt), "connection failed"),
        Failure::Timeout(_) if is_idempotent(method) => {
            (policy.backoff(state.attempt), "request timed out")
        }
        Failure::Dropped(_) if is_idempotent(method) => {
            (policy.backoff(state.attempt), "connection closed early")
        }
        Failure::Timeout(_) | Failure::Dropped(_) => return Decision::Stop,
    };
    let within_budget = state.attempt < policy.max_attempts
        && wait <= policy.max_wait
        && state.elapsed.saturating_add(wait) < policy.max_elapsed
        && state.deadline_left.is_none_or(|left| wait < left);
    if within_budget {
        Decision::Retry { wait, reason }
    } else {
        Decision::Stop
    }
}

/// Reports whether sending `method` twice leaves Zoom as sending it once.
pub fn is_idempotent(method: &Method) -> bool {
    matches!(
        *method,
        Method::GET | Method::HEAD | Method::PUT | Method::PATCH | Method::DELETE
    )
}

/// Returns a random number from 0 to 1. `RandomState` is seeded randomly
/// per process and per instance, which is enough for jitter.
fn random_fraction() -> f64 {
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(0);
    (hasher.finish() >> 11) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests;
