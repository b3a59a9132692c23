use super::*;
use crate::zoom::{ApiFailure, RateLimitHeaders};

fn policy() -> RetryPolicy {
    RetryPolicy {
        max_attempts: 4,
        base_delay: Duration::from_millis(100),
        max_wait: Duration::from_secs(10),
        max_elapsed: Duration::from_secs(50),
    }
}

fn first_attempt() -> AttemptState {
    AttemptState {
        attempt: 1,
        token_renewed: false,
        elapsed: Duration::ZERO,
        deadline_left: None,
    }
}

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-03-01T10:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

fn status(status: u16, code: Option<i64>, message: &str, rate_limit: RateLimitHeaders) -> Failure {
    Failure::Status(Box::new(ApiFailure {
        method: "GET".into(),
        path: "/users/me".into(),
        status,
        code,
        message: message.into(),
        errors: Vec::new(),
        rate_limit,
        attempts: 1,
    }))
}

fn qps(retry_after: Option<&str>) -> Failure {
    status(
        429,
        Some(429),
        "You have reached the maximum per-second rate limit for this API. Try again later.",
        RateLimitHeaders {
            retry_after: retry_after.map(str::to_string),
            rate_limit_type: Some("QPS".into()),
            ..RateLimitHeaders::default()
        },
    )
}

fn decide_first(method: Method, failure: &Failure) -> Decision {
    decide(&policy(), &method, failure, first_attempt(), now())
}

#[test]
fn invalid_token_renews_once() {
    let failure = status(
        401,
        Some(124),
        "Invalid access token.",
        RateLimitHeaders::default(),
    );
    assert_eq!(decide_first(Method::POST, &failure), Decision::RenewToken);
    let renewed = AttemptState {
        attempt: 2,
        token_renewed: true,
        ..first_attempt()
    };
    assert_eq!(
        decide(&policy(), &Method::POST, &failure, renewed, now()),
        Decision::Stop
    );
}

#[test]
fn qps_limit_waits_retry_after_for_post() {
    let decision = decide_first(Method::POST, &qps(Some("1")));
    assert!(
        matches!(decision, Decision::Retry { wait, .. } if wait == Duration::from_secs(1)),
        "{decision:?}"
    );
}

#[test]
fn qps_limit_without_headers_backs_off() {
    let Decision::Retry { wait, .. } = decide_first(Method::GET, &qps(None)) else {
        panic!("a per-second 429 must be retried");
    };
    assert!(wait >= Duration::from_millis(50), "{wait:?}");
    assert!(wait <= Duration::from_millis(100), "{wait:?}");
}

#[test]
fn qps_limit_beyond_max_wait_stops() {
    assert_eq!(decide_first(Method::GET, &qps(Some("60"))), Decision::Stop);
}

#[test]
fn daily_limit_by_header_stops() {
    let failure = status(
        429,
        Some(429),
        "You have reached the maximum daily rate limit for this API.",
        RateLimitHeaders {
            retry_after: Some("2026-03-02T00:00:00Z".into()),
            rate_limit_type: Some("Daily-limit".into()),
            ..RateLimitHeaders::default()
        },
    );
    assert_eq!(decide_first(Method::GET, &failure), Decision::Stop);
}

#[test]
fn registrant_daily_limit_without_headers_stops() {
    let failure = status(
        429,
        Some(429),
        "You have exceeded the daily rate limit of (3) for Add a webinar registrant API requests for the registrant (x@y.z). You can resume these API requests at GMT 00:00:00.",
        RateLimitHeaders::default(),
    );
    assert_eq!(decide_first(Method::POST, &failure), Decision::Stop);
}

#[test]
fn server_error_retries_idempotent_methods_only() {
    let failure = status(
        503,
        None,
        "Service Unavailable",
        RateLimitHeaders::default(),
    );
    for method in [Method::GET, Method::PUT, Method::PATCH, Method::DELETE] {
        assert!(
            matches!(
                decide_first(method.clone(), &failure),
                Decision::Retry { .. }
            ),
            "{method} must be retried after a 503"
        );
    }
    assert_eq!(decide_first(Method::POST, &failure), Decision::Stop);
}

#[test]
fn timeout_and_drop_never_repeat_post() {
    let timeout = Failure::Timeout("operation timed out".into());
    let dropped = Failure::Dropped("connection closed before message completed".into());
    assert_eq!(decide_first(Method::POST, &timeout), Decision::Stop);
    assert_eq!(decide_first(Method::POST, &dropped), Decision::Stop);
    assert!(matches!(
        decide_first(Method::GET, &timeout),
        Decision::Retry { .. }
    ));
    assert!(matches!(
        decide_first(Method::DELETE, &dropped),
        Decision::Retry { .. }
    ));
}

#[test]
fn connect_failure_retries_post() {
    let failure = Failure::Connect("Connection refused".into());
    assert!(matches!(
        decide_first(Method::POST, &failure),
        Decision::Retry { .. }
    ));
}

#[test]
fn client_errors_stop() {
    for (code, http) in [(300, 400), (4711, 400), (200, 400), (3001, 404)] {
        let failure = status(http, Some(code), "error", RateLimitHeaders::default());
        assert_eq!(
            decide_first(Method::GET, &failure),
            Decision::Stop,
            "code {code}"
        );
    }
}

#[test]
fn last_attempt_stops() {
    let last = AttemptState {
        attempt: 4,
        ..first_attempt()
    };
    assert_eq!(
        decide(&policy(), &Method::GET, &qps(Some("1")), last, now()),
        Decision::Stop
    );
}

#[test]
fn wait_past_deadline_stops() {
    let near_deadline = AttemptState {
        deadline_left: Some(Duration::from_millis(500)),
        ..first_attempt()
    };
    assert_eq!(
        decide(
            &policy(),
            &Method::GET,
            &qps(Some("1")),
            near_deadline,
            now()
        ),
        Decision::Stop
    );
    let late = AttemptState {
        elapsed: Duration::from_millis(49_500),
        ..first_attempt()
    };
    assert_eq!(
        decide(&policy(), &Method::GET, &qps(Some("1")), late, now()),
        Decision::Stop
    );
}

#[test]
fn backoff_doubles_up_to_the_cap() {
    let policy = policy();
    for attempt in 1..=10u32 {
        let full = Duration::from_millis(100 * (1u64 << (attempt - 1))).min(policy.max_wait);
        let wait = policy.backoff(attempt);
        assert!(
            wait >= full / 2,
            "attempt {attempt}: {wait:?} < half of {full:?}"
        );
        assert!(wait <= full, "attempt {attempt}: {wait:?} > {full:?}");
    }
}
