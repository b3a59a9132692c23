//! Export paths: a file inside the export folder (`ZOOM_EXPORT_DIR`),
//! reached without `..` and without a symbolic link that leads out of it.

use std::ffi::OsString;
use std::io;
use std::path::{Component, Path, PathBuf};

/// A checked place for an export file.
#[derive(Debug)]
pub struct ExportTarget {
    /// Folder the file goes into, canonical and inside the export folder.
    pub folder: PathBuf,
    /// `folder` joined with the file name.
    pub path: PathBuf,
    /// Whether a file exists at `path` (only possible with `overwrite`).
    pub exists: bool,
    /// Folders created for this export, removed again unless the export
    /// succeeds.
    pub created: CreatedFolders,
}

/// An export path that cannot be used, with what to do instead.
#[derive(Debug, thiserror::Error)]
pub enum ExportPathError {
    #[error(
        "no export folder is known because the user's data folder could not be found; set ZOOM_EXPORT_DIR to a folder for exported files"
    )]
    NoExportDir,
    #[error(
        "the export folder {dir} could not be created or opened: {source}. Set ZOOM_EXPORT_DIR to a writable folder"
    )]
    ExportDir {
        dir: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("path is empty; give a file name such as registrants.csv, or leave path out")]
    Empty,
    #[error(
        "path {path:?} contains control characters; give a plain file name such as registrants.csv"
    )]
    ControlCharacters { path: String },
    #[error(
        "path {path:?} contains \"..\"; give a path inside the export folder {dir} without \"..\""
    )]
    ParentComponent { path: String, dir: PathBuf },
    #[error(
        "path {path:?} is outside the export folder {dir}; give a file name or a path relative to that folder"
    )]
    Outside { path: String, dir: PathBuf },
    #[error(
        "path {path:?} goes through {link}, which leads to {target}, outside the export folder {dir}; give a path that stays inside the export folder"
    )]
    SymlinkEscape {
        path: String,
        link: PathBuf,
        target: PathBuf,
        dir: PathBuf,
    },
    #[error("{path} is not a folder; give a path whose folders are folders")]
    NotAFolder { path: PathBuf },
    #[error("{path} is a folder; give a file name inside it, such as registrants.csv")]
    IsFolder { path: PathBuf },
    #[error("{path} is a symbolic link; give the name of a regular file, or remove the link first")]
    IsSymlink { path: PathBuf },
    #[error(
        "{path} already exists; pass overwrite: true to replace it, or choose another file name"
    )]
    Exists { path: PathBuf },
    #[error(
        "file name {name:?} ends in .{found}, which does not match format {format}; end it in .{format} or leave the extension out"
    )]
    Extension {
        name: String,
        found: String,
        format: &'static str,
    },
    #[error(
        "file name {name:?} starts with a dot; hidden names are kept for temporary files, so choose a name such as registrants.csv"
    )]
    Hidden { name: String },
    #[error("checking {path} failed: {source}")]
    Inspect {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("creating the folder {path} failed: {source}")]
    CreateFolder {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

/// Resolves `requested` inside `export_dir`, creating the export folder and
/// any missing subfolders. `extension` is the format's file extension: a
/// name without an extension gets it, a name with another one is rejected.
/// An existing file is rejected unless `overwrite` is set.
///
/// A relative path is taken relative to the export folder. An absolute path
/// must lie inside it. `..` is rejected outright, and every existing folder
/// on the way is resolved through its symbolic links and must stay inside
/// the export folder.
// NOTE: the checks and the final rename are separate steps. A process that
// swaps a checked folder for a symbolic link in between could still
// redirect the file, but it needs write access to the export folder.
pub fn resolve(
    export_dir: Option<&Path>,
    requested: &str,
    extension: &'static str,
    overwrite: bool,
) -> Result<ExportTarget, ExportPathError> {
    let dir = export_dir.ok_or(ExportPathError::NoExportDir)?;
    create_private_dir_all(dir).map_err(|source| ExportPathError::ExportDir {
        dir: dir.to_path_buf(),
        source,
    })?;
    let root = dir
        .canonicalize()
        .map_err(|source| ExportPathError::ExportDir {
            dir: dir.to_path_buf(),
            source,
        })?;

    let requested = requested.trim();
    if requested.is_empty() {
        return Err(ExportPathError::Empty);
    }
    if requested.chars().any(char::is_control) {
        return Err(ExportPathError::ControlCharacters {
            path: requested.chars().take(80).collect(),
        });
    }
    let names = relative_names(requested, dir, &root)?;
    let Some((file_name, folders)) = names.split_last() else {
        return Err(ExportPathError::Empty);
    };
    let file_name = with_extension(file_name, extension)?;

    let mut created = CreatedFolders::default();
    let mut folder = root.clone();
    for name in folders {
        let next = folder.join(name);
        match std::fs::symlink_metadata(&next) {
            Ok(_) => {
                let resolved = next
                    .canonicalize()
                    .map_err(|source| ExportPathError::Inspect {
                        path: next.clone(),
                        source,
                    })?;
                if !resolved.starts_with(&root) {
                    return Err(ExportPathError::SymlinkEscape {
                        path: requested.to_string(),
                        link: next,
                        target: resolved,
                        dir: root,
                    });
                }
                if !resolved.is_dir() {
                    return Err(ExportPathError::NotAFolder { path: next });
                }
                folder = resolved;
            }
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                create_private_dir(&next).map_err(|source| ExportPathError::CreateFolder {
                    path: next.clone(),
                    source,
                })?;
                created.0.push(next.clone());
                folder = next;
            }
            Err(source) => return Err(ExportPathError::Inspect { path: next, source }),
        }
    }

    let path = folder.join(&file_name);
    let exists = match std::fs::symlink_metadata(&path) {
        Ok(metadata) if metadata.file_type().is_symlink() => {
            return Err(ExportPathError::IsSymlink { path });
        }
        Ok(metadata) if metadata.is_dir() => return Err(ExportPathError::IsFolder { path }),
        Ok(_) if !overwrite => return Err(ExportPathError::Exists { path }),
        Ok(_) => true,
        Err(error) if error.kind() == io::ErrorKind::NotFound => false,
        Err(source) => return Err(ExportPathError::Inspect { path, source }),
    };
    Ok(ExportTarget {
        folder,
        path,
        exists,
        created,
    })
}

/// Splits `requested` into names relative to the export folder. `dir` is
/// the folder as configured and `root` its canonical form; an absolute
/// path may start with either.
fn relative_names(
    requested: &str,
    dir: &Path,
    root: &Path,
) -> Result<Vec<OsString>, ExportPathError> {
    let requested_path = Path::new(requested);
    let relative = if requested_path.is_absolute() {
        requested_path
            .strip_prefix(root)
            .or_else(|_| requested_path.strip_prefix(dir))
            .map_err(|_| ExportPathError::Outside {
                path: requested.to_string(),
                dir: root.to_path_buf(),
            })?
    } else {
        requested_path
    };
    let mut names = Vec::new();
    for component in relative.components() {
        match component {
            Component::Normal(name) => names.push(name.to_os_string()),
            Component::CurDir => {}
            Component::ParentDir => {
                return Err(ExportPathError::ParentComponent {
                    path: requested.to_string(),
                    dir: root.to_path_buf(),
                });
            }
            Component::RootDir | Component::Prefix(_) => {
                return Err(ExportPathError::Outside {
                    path: requested.to_string(),
                    dir: root.to_path_buf(),
                });
            }
        }
    }
    Ok(names)
}

/// Checks the file name and gives it `extension` when it has none.
fn with_extension(name: &OsString, extension: &'static str) -> Result<OsString, ExportPathError> {
    let shown_name = name.to_string_lossy().to_string();
    if shown_name.starts_with('.') {
        return Err(ExportPathError::Hidden { name: shown_name });
    }
    match Path::new(name).extension() {
        None => {
            let mut named = name.clone();
            named.push(".");
            named.push(extension);
            Ok(named)
        }
        Some(found) if found.eq_ignore_ascii_case(extension) => Ok(name.clone()),
        Some(found) => Err(ExportPathError::Extension {
            name: shown_name,
            found: found.to_string_lossy().to_string(),
            format: extension,
        }),
    }
}

/// Folders an export created, deepest last. Dropping this removes them
/// again (only while empty), so a failed export leaves no new folders;
/// [`CreatedFolders::keep`] keeps them.
#[derive(Debug, Default)]
pub struct CreatedFolders(Vec<PathBuf>);

impl CreatedFolders {
    pub fn keep(mut self) {
        self.0.clear();
    }
}

impl Drop for CreatedFolders {
    fn drop(&mut self) {
        for folder in self.0.iter().rev() {
            if let Err(error) = std::fs::remove_dir(folder) {
                tracing::debug!(path = %folder.display(), %error, "could not remove a folder made for a failed export");
            }
        }
    }
}

#[cfg(unix)]
fn create_private_dir(folder: &Path) -> io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new().mode(0o700).create(folder)
}

#[cfg(not(unix))]
fn create_private_dir(folder: &Path) -> io::Result<()> {
    std::fs::create_dir(folder)
}

#[cfg(unix)]
fn create_private_dir_all(folder: &Path) -> io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(folder)
}

#[cfg(not(unix))]
fn create_private_dir_all(folder: &Path) -> io::Result<()> {
    std::fs::create_dir_all(folder)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn export_dir() -> (tempfile::TempDir, PathBuf) {
        let temp = tempfile::tempdir().unwrap();
        let dir = temp.path().join("exports");
        (temp, dir)
    }

    #[test]
    fn relative_name_lands_inside() {
        let (_temp, dir) = export_dir();
        let target = resolve(Some(&dir), "list.csv", "csv", false).unwrap();
        assert_eq!(target.path, dir.canonicalize().unwrap().join("list.csv"));
        assert!(!target.exists);
    }

    #[test]
    fn missing_extension_is_added() {
        let (_temp, dir) = export_dir();
        let target = resolve(Some(&dir), "list", "jsonl", false).unwrap();
        assert!(target.path.ends_with("list.jsonl"), "{:?}", target.path);
    }

    #[test]
    fn other_extension_is_rejected() {
        let (_temp, dir) = export_dir();
        let error = resolve(Some(&dir), "list.jsonl", "csv", false).unwrap_err();
        assert!(
            matches!(error, ExportPathError::Extension { .. }),
            "{error}"
        );
        assert!(error.to_string().contains(".jsonl"), "{error}");
    }

    #[test]
    fn parent_component_is_rejected() {
        let (_temp, dir) = export_dir();
        for path in ["../list.csv", "a/../../list.csv", "a/.."] {
            let error = resolve(Some(&dir), path, "csv", false).unwrap_err();
            assert!(
                matches!(error, ExportPathError::ParentComponent { .. }),
                "{path}: {error}"
            );
        }
    }

    #[test]
    fn absolute_path_outside_is_rejected() {
        let (temp, dir) = export_dir();
        let outside = temp.path().join("list.csv");
        let error = resolve(Some(&dir), outside.to_str().unwrap(), "csv", false).unwrap_err();
        assert!(matches!(error, ExportPathError::Outside { .. }), "{error}");
        let inside = dir.join("list.csv");
        let target = resolve(Some(&dir), inside.to_str().unwrap(), "csv", false).unwrap();
        assert!(target.path.ends_with("exports/list.csv"));
    }

    #[test]
    fn subfolders_are_created_and_removed_on_drop() {
        let (_temp, dir) = export_dir();
        let target = resolve(Some(&dir), "2026/q1/list.csv", "csv", false).unwrap();
        assert!(dir.join("2026/q1").is_dir());
        drop(target);
        assert!(!dir.join("2026").exists());
        let target = resolve(Some(&dir), "2026/q1/list.csv", "csv", false).unwrap();
        target.created.keep();
        assert!(dir.join("2026/q1").is_dir());
    }

    #[test]
    fn existing_file_needs_overwrite() {
        let (_temp, dir) = export_dir();
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("list.csv"), "old").unwrap();
        let error = resolve(Some(&dir), "list.csv", "csv", false).unwrap_err();
        assert!(matches!(error, ExportPathError::Exists { .. }), "{error}");
        assert!(error.to_string().contains("overwrite: true"), "{error}");
        let target = resolve(Some(&dir), "list.csv", "csv", true).unwrap();
        assert!(target.exists);
    }

    #[test]
    fn hidden_and_empty_names_are_rejected() {
        let (_temp, dir) = export_dir();
        let error = resolve(Some(&dir), ".list.csv", "csv", false).unwrap_err();
        assert!(matches!(error, ExportPathError::Hidden { .. }), "{error}");
        let error = resolve(Some(&dir), "  ", "csv", false).unwrap_err();
        assert!(matches!(error, ExportPathError::Empty), "{error}");
        let error = resolve(Some(&dir), "a\nb.csv", "csv", false).unwrap_err();
        assert!(
            matches!(error, ExportPathError::ControlCharacters { .. }),
            "{error}"
        );
    }

    #[test]
    fn missing_export_dir_is_reported() {
        let error = resolve(None, "list.csv", "csv", false).unwrap_err();
        assert!(error.to_string().contains("ZOOM_EXPORT_DIR"), "{error}");
    }

    #[cfg(unix)]
    #[test]
    fn symlink_out_of_the_folder_is_rejected() {
        let (temp, dir) = export_dir();
        std::fs::create_dir_all(&dir).unwrap();
        let outside = temp.path().join("outside");
        std::fs::create_dir(&outside).unwrap();
        std::os::unix::fs::symlink(&outside, dir.join("link")).unwrap();
        let error = resolve(Some(&dir), "link/list.csv", "csv", false).unwrap_err();
        assert!(
            matches!(error, ExportPathError::SymlinkEscape { .. }),
            "{error}"
        );
        assert!(std::fs::read_dir(&outside).unwrap().next().is_none());

        std::os::unix::fs::symlink(outside.join("list.csv"), dir.join("file.csv")).unwrap();
        let error = resolve(Some(&dir), "file.csv", "csv", true).unwrap_err();
        assert!(
            matches!(error, ExportPathError::IsSymlink { .. }),
            "{error}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn symlink_inside_the_folder_is_followed() {
        let (_temp, dir) = export_dir();
        std::fs::create_dir_all(dir.join("real")).unwrap();
        std::os::unix::fs::symlink(dir.join("real"), dir.join("alias")).unwrap();
        let target = resolve(Some(&dir), "alias/list.csv", "csv", false).unwrap();
        assert_eq!(
            target.path,
            dir.canonicalize().unwrap().join("real/list.csv")
        );
    }
}
