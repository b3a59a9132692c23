//! Access tokens: one shared token per process, cached in a file across
//! restarts, refreshed when less than five minutes remain.

pub mod cache;
pub mod lock;
mod oauth;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use secrecy::{ExposeSecret, SecretString};

use crate::config::{Credentials, TokenCacheLocation};
use crate::zoom::ZoomError;
use crate::zoom::http::LazyHttp;
use crate::zoom::scopes::GrantedScopes;
use cache::TokenCacheFile;

/// A token is replaced when less than this much of its lifetime remains, so
/// a request never starts with a token about to expire.
pub const REFRESH_MARGIN_SECS: i64 = 5 * 60;

/// The longest wait for another process's token request, through the cache
/// file lock. That request is bounded by the request timeout (30 s by
/// default).
pub const CACHE_LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(40);

/// How many rejected tokens are remembered, so the cache file never hands
/// one out again.
const MAX_REJECTED_TOKENS: usize = 16;

/// An access token with what Zoom returned alongside it.
#[derive(Debug)]
pub struct AccessToken {
    pub secret: SecretString,
    pub scopes: Vec<String>,
    /// Data-region base URL from the token response, such as `https://api-eu.zoom.us`.
    pub api_url: Option<String>,
    pub expires_at: DateTime<Utc>,
    pub generated_at: DateTime<Utc>,
    key: String,
}

impl AccessToken {
    /// Report whether the token can still be used at `now` with the refresh margin to spare.
    pub fn is_fresh(&self, now: DateTime<Utc>) -> bool {
        self.expires_at - now > Duration::seconds(REFRESH_MARGIN_SECS)
    }
}

/// Hands out access tokens, requesting a new one only when needed.
pub struct TokenManager {
    http: LazyHttp,
    token_url: String,
    cache_file: Option<TokenCacheFile>,
    time_zone: Tz,
    current: Mutex<Option<Arc<AccessToken>>>,
    /// Serialises token requests, so concurrent calls wait for one request
    /// instead of each sending their own.
    fetch_lock: tokio::sync::Mutex<()>,
    token_requests: AtomicU64,
    /// Tokens Zoom rejected (401), newest last. The cache file may still
    /// hold one of them with time left, so it is skipped there.
    rejected: Mutex<Vec<SecretString>>,
    /// Scopes of the newest token this process fetched or found in the cache
    /// file, or `None` before the first token and after new credentials.
    scopes: tokio::sync::watch::Sender<KnownScopes>,
}

/// The granted scopes, or `None` while no token has been seen.
pub type KnownScopes = Option<Arc<GrantedScopes>>;

impl TokenManager {
    pub fn new(
        http: LazyHttp,
        token_url: String,
        cache: &TokenCacheLocation,
        time_zone: Tz,
    ) -> TokenManager {
        let cache_file = match cache {
            TokenCacheLocation::File(path) => Some(TokenCacheFile::new(path.clone())),
            TokenCacheLocation::Memory => None,
        };
        TokenManager {
            http,
            token_url,
            cache_file,
            time_zone,
            current: Mutex::new(None),
            fetch_lock: tokio::sync::Mutex::new(()),
            token_requests: AtomicU64::new(0),
            rejected: Mutex::new(Vec::new()),
            scopes: tokio::sync::watch::Sender::new(None),
        }
    }

    /// Returns the scopes of the newest known token, or `None` before any
    /// token is known. A token that lists no scopes leaves them unknown.
    pub fn known_scopes(&self) -> KnownScopes {
        self.scopes.borrow().clone()
    }

    /// Returns a receiver notified of every change of [`known_scopes`](Self::known_scopes).
    pub fn watch_scopes(&self) -> tokio::sync::watch::Receiver<KnownScopes> {
        self.scopes.subscribe()
    }

    /// Learns the scopes of an unexpired token in the cache file, without a
    /// token request, so they are known before the first tool call.
    pub fn learn_scopes_from_cache(&self, credentials: &Credentials) {
        let Some(token) = self.peek(credentials) else {
            return;
        };
        if token.expires_at > Utc::now() {
            self.publish_scopes(&token.scopes);
        }
    }

    fn publish_scopes(&self, scopes: &[String]) {
        let known: KnownScopes = if scopes.is_empty() {
            None
        } else {
            Some(Arc::new(scopes.iter().cloned().collect()))
        };
        self.scopes.send_if_modified(|current| {
            if *current == known {
                return false;
            }
            *current = known;
            true
        });
    }

    pub fn token_url(&self) -> &str {
        &self.token_url
    }

    /// Where tokens are cached: the file path, or `None` for memory only.
    pub fn cache_path(&self) -> Option<&std::path::Path> {
        self.cache_file
            .as_ref()
            .filter(|file| !file.is_disabled())
            .map(TokenCacheFile::path)
    }

    /// Number of token requests this process sent.
    pub fn token_requests(&self) -> u64 {
        self.token_requests.load(Ordering::Relaxed)
    }

    /// Return the token in memory for these credentials, fresh or not.
    pub fn current(&self, credentials: &Credentials) -> Option<Arc<AccessToken>> {
        let key = self.cache_key(credentials);
        self.lock_current().clone().filter(|token| token.key == key)
    }

    /// The token held for these credentials, from memory or the cache file,
    /// without requesting one. It may be stale.
    pub fn peek(&self, credentials: &Credentials) -> Option<Arc<AccessToken>> {
        self.current(credentials)
            .or_else(|| self.read_cache_file(credentials))
    }

    fn read_cache_file(&self, credentials: &Credentials) -> Option<Arc<AccessToken>> {
        let file = self.cache_file.as_ref()?;
        let key = self.cache_key(credentials);
        let entry = file.load(&key)?;
        Some(Arc::new(AccessToken {
            secret: SecretString::from(entry.access_token),
            scopes: entry.scopes,
            api_url: entry.api_url,
            expires_at: entry.expires_at,
            generated_at: entry.generated_at,
            key,
        }))
    }

    /// A fresh token: from memory, else from the cache file, else a new one
    /// from Zoom.
    ///
    /// Concurrent calls in this process wait for one token request (the
    /// in-process mutex); processes sharing a cache file wait for one
    /// another through the file lock, and reuse the token the first one
    /// wrote.
    pub async fn token(&self, credentials: &Credentials) -> Result<Arc<AccessToken>, ZoomError> {
        let now = Utc::now();
        if let Some(token) = self
            .current(credentials)
            .filter(|token| token.is_fresh(now))
        {
            return Ok(token);
        }

        let _fetching = self.fetch_lock.lock().await;
        let now = Utc::now();
        // Another call may have fetched a token while this one waited.
        if let Some(token) = self
            .current(credentials)
            .filter(|token| token.is_fresh(now))
        {
            return Ok(token);
        }
        if let Some(token) = self.load_cached(credentials, now) {
            return Ok(token);
        }
        // Held until the new token is in the file, so other processes wait
        // for it instead of requesting their own.
        let file_lock = self.lock_cache_file().await;
        // Another process may have written a token while this one waited.
        if file_lock.is_some()
            && let Some(token) = self.load_cached(credentials, Utc::now())
        {
            return Ok(token);
        }
        self.fetch(credentials).await
    }

    /// Drop `failed` if it is still the current token, so the next call
    /// fetches a new one; a token another call already replaced is kept.
    /// The cache file's copy of `failed` is never reused.
    pub fn invalidate(&self, failed: &Arc<AccessToken>) {
        {
            let mut rejected = self.lock_rejected();
            if rejected.len() == MAX_REJECTED_TOKENS {
                rejected.remove(0);
            }
            rejected.push(failed.secret.clone());
        }
        let mut current = self.lock_current();
        if current
            .as_ref()
            .is_some_and(|token| Arc::ptr_eq(token, failed))
        {
            *current = None;
        }
    }

    /// Request a new token now, whatever the cached one's state.
    pub async fn force_refresh(
        &self,
        credentials: &Credentials,
    ) -> Result<Arc<AccessToken>, ZoomError> {
        let _fetching = self.fetch_lock.lock().await;
        let _file_lock = self.lock_cache_file().await;
        self.fetch(credentials).await
    }

    async fn lock_cache_file(&self) -> Option<lock::CacheLock> {
        let file = self
            .cache_file
            .as_ref()
            .filter(|file| !file.is_disabled())?;
        file.lock(CACHE_LOCK_WAIT).await
    }

    fn is_rejected(&self, token: &AccessToken) -> bool {
        self.lock_rejected()
            .iter()
            .any(|rejected| rejected.expose_secret() == token.secret.expose_secret())
    }

    fn lock_rejected(&self) -> std::sync::MutexGuard<'_, Vec<SecretString>> {
        self.rejected
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Forget the in-memory token, as after new credentials were configured.
    pub fn clear(&self) {
        *self.lock_current() = None;
        self.scopes
            .send_if_modified(|current| current.take().is_some());
    }

    fn load_cached(
        &self,
        credentials: &Credentials,
        now: DateTime<Utc>,
    ) -> Option<Arc<AccessToken>> {
        let token = self.read_cache_file(credentials)?;
        if !token.is_fresh(now) {
            tracing::debug!(expires_at = %token.expires_at, "cached token is too close to expiry");
            return None;
        }
        if self.is_rejected(&token) {
            tracing::debug!("cached token was rejected by Zoom; not reusing it");
            return None;
        }
        tracing::info!(expires_at = %token.expires_at, "reusing cached access token");
        self.publish_scopes(&token.scopes);
        *self.lock_current() = Some(token.clone());
        Some(token)
    }

    async fn fetch(&self, credentials: &Credentials) -> Result<Arc<AccessToken>, ZoomError> {
        self.token_requests.fetch_add(1, Ordering::Relaxed);
        tracing::info!(token_url = %self.token_url, "requesting a new access token");
        let issued =
            match oauth::request_token(self.http.client()?, &self.token_url, credentials).await {
                Ok(issued) => issued,
                Err(error) => {
                    tracing::warn!(%error, "access token request failed");
                    return Err(error);
                }
            };
        let key = self.cache_key(credentials);
        if let Some(file) = &self.cache_file {
            file.store(
                &key,
                cache::entry(
                    issued.access_token.expose_secret().to_string(),
                    issued.scopes.clone(),
                    issued.api_url.clone(),
                    issued.expires_at,
                    issued.generated_at,
                    self.time_zone,
                ),
                issued.generated_at,
            );
        }
        let token = Arc::new(AccessToken {
            secret: issued.access_token,
            scopes: issued.scopes,
            api_url: issued.api_url,
            expires_at: issued.expires_at,
            generated_at: issued.generated_at,
            key,
        });
        tracing::info!(expires_at = %token.expires_at, scopes = token.scopes.len(), "access token received");
        self.publish_scopes(&token.scopes);
        *self.lock_current() = Some(token.clone());
        Ok(token)
    }

    /// Tokens are keyed by token URL, account id and client id, so two
    /// configurations (or a sandbox and a real account) never share one.
    fn cache_key(&self, credentials: &Credentials) -> String {
        format!(
            "{}|{}|{}",
            self.token_url, credentials.account_id, credentials.client_id
        )
    }

    fn lock_current(&self) -> std::sync::MutexGuard<'_, Option<Arc<AccessToken>>> {
        self.current
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
