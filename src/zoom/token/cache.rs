//! The token cache file: JSON keyed by token URL, account and client id,
//! written atomically with owner-only permissions.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::lock::{self, CacheLock};

const FORMAT_VERSION: u32 = 1;

/// One cached token. The client secret is never stored.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CacheEntry {
    pub access_token: String,
    pub token_type: String,
    pub scopes: Vec<String>,
    pub api_url: Option<String>,
    /// Expiry, UTC RFC 3339.
    pub expires_at: DateTime<Utc>,
    /// Expiry in `time_zone`, for people reading the file.
    pub expires_at_local: String,
    pub time_zone: String,
    pub generated_at: DateTime<Utc>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct CacheFile {
    version: u32,
    tokens: BTreeMap<String, CacheEntry>,
}

/// The cache file, or nothing once it proved unusable.
#[derive(Debug)]
pub struct TokenCacheFile {
    path: PathBuf,
    /// Set after the first failed write; later writes are skipped, so the
    /// warning is logged once and tokens stay in memory only.
    disabled: AtomicBool,
}

impl TokenCacheFile {
    pub fn new(path: PathBuf) -> TokenCacheFile {
        TokenCacheFile {
            path,
            disabled: AtomicBool::new(false),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn is_disabled(&self) -> bool {
        self.disabled.load(Ordering::Relaxed)
    }

    /// The entry for `key`, if the file exists and is readable. A corrupt
    /// file is logged and treated as empty; the next store replaces it.
    pub fn load(&self, key: &str) -> Option<CacheEntry> {
        self.read_file().tokens.remove(key)
    }

    /// Store `entry` under `key`, dropping entries that have expired.
    pub fn store(&self, key: &str, entry: CacheEntry, now: DateTime<Utc>) {
        if self.is_disabled() {
            return;
        }
        let mut file = self.read_file();
        file.version = FORMAT_VERSION;
        file.tokens.retain(|_, cached| cached.expires_at > now);
        file.tokens.insert(key.to_string(), entry);
        if let Err(error) = self.write_atomically(&file) {
            self.disabled.store(true, Ordering::Relaxed);
            tracing::warn!(
                path = %self.path.display(),
                %error,
                "token cache file is not writable; keeping tokens in memory only. Set ZOOM_TOKEN_CACHE_FILE to a writable path to cache tokens across restarts"
            );
        }
    }

    fn read_file(&self) -> CacheFile {
        let bytes = match std::fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                return CacheFile::default();
            }
            Err(error) => {
                tracing::warn!(path = %self.path.display(), %error, "token cache file is unreadable; it will be replaced");
                return CacheFile::default();
            }
        };
        match serde_json::from_slice::<CacheFile>(&bytes) {
            Ok(file) if file.version == FORMAT_VERSION => file,
            Ok(file) => {
                tracing::warn!(path = %self.path.display(), version = file.version, "token cache file has an unknown format version; it will be replaced");
                CacheFile::default()
            }
            Err(error) => {
                tracing::warn!(path = %self.path.display(), %error, "token cache file is corrupt; it will be replaced");
                CacheFile::default()
            }
        }
    }

    /// Takes the lock that every process using this cache file shares,
    /// waiting up to `max_wait`; see [`lock::lock`].
    pub async fn lock(&self, max_wait: std::time::Duration) -> Option<CacheLock> {
        if let Err(error) = create_private_dir(&self.folder()) {
            tracing::warn!(path = %self.path.display(), %error, "token cache folder could not be created; requesting a token without the lock");
            return None;
        }
        lock::lock(&self.path, max_wait).await
    }

    fn folder(&self) -> PathBuf {
        match self.path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        }
    }

    /// Write to a temporary file in the same folder, then rename it over the
    /// cache file, so a reader sees the old file or the new one, never half.
    /// rename(2) replaces the name atomically, so this stays true even when the
    /// process is killed mid-write; the temporary file is then left behind,
    /// and a later write removes it.
    fn write_atomically(&self, file: &CacheFile) -> std::io::Result<()> {
        let folder = self.folder();
        create_private_dir(&folder)?;
        remove_stale_temporaries(&folder);
        let mut temporary = tempfile::Builder::new()
            .prefix(TEMPORARY_PREFIX)
            .suffix(TEMPORARY_SUFFIX)
            .tempfile_in(&folder)?;
        set_owner_only(temporary.as_file())?;
        let json = serde_json::to_vec_pretty(file).map_err(std::io::Error::other)?;
        temporary.write_all(&json)?;
        temporary.as_file().sync_all()?;
        temporary.persist(&self.path).map_err(|error| error.error)?;
        Ok(())
    }
}

/// Temporary files older than this are left over from a killed writer.
const STALE_TEMPORARY_AGE: std::time::Duration = std::time::Duration::from_secs(600);

/// Removes temporary cache files that a killed process left behind. They
/// hold a token, so they should not linger. A file younger than
/// [`STALE_TEMPORARY_AGE`] may belong to a writer still at work, so it stays.
fn remove_stale_temporaries(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(TEMPORARY_PREFIX) && name.ends_with(TEMPORARY_SUFFIX)) {
            continue;
        }
        let is_stale = entry
            .metadata()
            .and_then(|metadata| metadata.modified())
            .ok()
            .and_then(|modified| modified.elapsed().ok())
            .is_some_and(|age| age > STALE_TEMPORARY_AGE);
        if is_stale {
            match std::fs::remove_file(entry.path()) {
                Ok(()) => {
                    tracing::info!(path = %entry.path().display(), "removed a temporary token cache file left by a killed process")
                }
                Err(error) => {
                    tracing::debug!(path = %entry.path().display(), %error, "could not remove a stale temporary token cache file")
                }
            }
        }
    }
}

const TEMPORARY_PREFIX: &str = ".token-cache";
const TEMPORARY_SUFFIX: &str = ".tmp";

/// Build a cache entry, with the expiry also shown in `time_zone`.
pub fn entry(
    access_token: String,
    scopes: Vec<String>,
    api_url: Option<String>,
    expires_at: DateTime<Utc>,
    generated_at: DateTime<Utc>,
    time_zone: Tz,
) -> CacheEntry {
    CacheEntry {
        access_token,
        token_type: "bearer".to_string(),
        scopes,
        api_url,
        expires_at,
        expires_at_local: expires_at.with_timezone(&time_zone).to_rfc3339(),
        time_zone: time_zone.name().to_string(),
        generated_at,
    }
}

#[cfg(unix)]
fn set_owner_only(file: &std::fs::File) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(std::fs::Permissions::from_mode(0o600))
}

#[cfg(not(unix))]
fn set_owner_only(_file: &std::fs::File) -> std::io::Result<()> {
    // NOTE: on Windows the file inherits the folder's ACL; the user's
    // cache folder is private to the user by default.
    Ok(())
}

#[cfg(unix)]
fn create_private_dir(folder: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    if folder.is_dir() {
        return Ok(());
    }
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(folder)
}

#[cfg(not(unix))]
fn create_private_dir(folder: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(folder)
}
