//! An exclusive lock shared by every server process that uses the same
//! token cache file, so one process requests a token while the others
//! wait and then reuse it.
//!
//! The lock is an advisory OS file lock (`flock` on Unix, `LockFileEx` on
//! Windows, through `std::fs::File::try_lock`) on a `.lock` file next to
//! the cache file. The cache file itself cannot carry the lock because
//! each write replaces it by a rename. The OS releases the lock when its
//! holder exits, even when killed, so a crash never leaves it held.
// NOTE: the tests run on Linux only; the Windows path (the same std call)
// has not been run.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::time::Duration;

use tokio::time::Instant;

/// Pause between attempts to take a held lock.
const POLL_INTERVAL: Duration = Duration::from_millis(20);

/// A held lock; dropping it releases the lock.
#[derive(Debug)]
pub struct CacheLock {
    _file: File,
}

/// Returns the lock file's path: the cache file's path plus `.lock`.
pub fn lock_path(cache_path: &Path) -> PathBuf {
    let mut name = cache_path.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

/// Takes the lock for `cache_path`, waiting up to `max_wait` while another
/// process holds it. Returns `None`, after a logged warning, when the lock
/// file cannot be opened or the wait runs out; the caller then goes on
/// without the lock, which at worst costs one extra token request.
pub async fn lock(cache_path: &Path, max_wait: Duration) -> Option<CacheLock> {
    let path = lock_path(cache_path);
    let file = match open(&path) {
        Ok(file) => file,
        Err(error) => {
            tracing::warn!(path = %path.display(), %error, "token cache lock file could not be opened; requesting a token without it");
            return None;
        }
    };
    let give_up_at = Instant::now() + max_wait;
    let mut waited = false;
    loop {
        match file.try_lock() {
            Ok(()) => {
                if waited {
                    tracing::debug!(path = %path.display(), "token cache lock taken after waiting for another process");
                }
                return Some(CacheLock { _file: file });
            }
            Err(TryLockError::WouldBlock) if Instant::now() < give_up_at => {
                waited = true;
                tokio::time::sleep(POLL_INTERVAL).await;
            }
            Err(TryLockError::WouldBlock) => {
                tracing::warn!(path = %path.display(), waited_secs = max_wait.as_secs(), "another process held the token cache lock too long; requesting a token without it");
                return None;
            }
            Err(TryLockError::Error(error)) => {
                tracing::warn!(path = %path.display(), %error, "token cache lock failed; requesting a token without it");
                return None;
            }
        }
    }
}

fn open(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.create(true).truncate(false).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn second_lock_waits_for_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let cache = dir.path().join("cache.json");
        let first = lock(&cache, Duration::from_secs(5))
            .await
            .expect("first lock");
        // flock locks belong to the open file, so a second open in the same
        // process conflicts as a second process would.
        assert!(lock(&cache, Duration::from_millis(100)).await.is_none());
        drop(first);
        assert!(lock(&cache, Duration::from_millis(100)).await.is_some());
    }

    #[test]
    fn lock_path_appends_suffix() {
        assert_eq!(
            lock_path(Path::new("/tmp/token-cache.json")),
            PathBuf::from("/tmp/token-cache.json.lock")
        );
    }
}
