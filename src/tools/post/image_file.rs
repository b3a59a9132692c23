//! Checks on a local image file before it is uploaded to Zoom's session
//! branding: it exists, is a regular file, is at most 15 MB, and is a JPEG,
//! PNG or GIF by its content (not its extension). Width and height are read
//! from the header where that is cheap, so a wallpaper's 16:9 shape can be
//! checked before the upload.

use std::path::{Path, PathBuf};

use crate::server::output::ToolError;
use crate::zoom::UploadFile;

/// Zoom's maximum branding file size ("15M" in Zoom's OpenAPI spec), read
/// as 15 MiB.
// NOTE: Zoom does not say whether 15 MB means 15,000,000 or 15 × 2^20
// bytes. A file between the two passes this check, and Zoom decides.
pub const MAX_IMAGE_BYTES: u64 = 15 * 1024 * 1024;

/// How far a wallpaper's width-to-height ratio may differ from 16:9, as a
/// fraction, so common sizes such as 1366×768 pass.
const ASPECT_TOLERANCE: f64 = 0.01;

/// Longest file name sent to Zoom, in characters.
const MAX_FILE_NAME_CHARS: usize = 100;

/// An image type Zoom accepts for branding files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageKind {
    Jpeg,
    Png,
    Gif,
}

impl ImageKind {
    pub fn mime(self) -> &'static str {
        match self {
            ImageKind::Jpeg => "image/jpeg",
            ImageKind::Png => "image/png",
            ImageKind::Gif => "image/gif",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            ImageKind::Jpeg => "JPEG",
            ImageKind::Png => "PNG",
            ImageKind::Gif => "GIF",
        }
    }

    fn extensions(self) -> &'static [&'static str] {
        match self {
            ImageKind::Jpeg => &["jpg", "jpeg"],
            ImageKind::Png => &["png"],
            ImageKind::Gif => &["gif"],
        }
    }
}

/// Why a file cannot be uploaded.
#[derive(Debug, thiserror::Error)]
pub enum ImageFileError {
    #[error(
        "file_path is empty. Give the absolute path of a JPEG, PNG or GIF file on this machine."
    )]
    EmptyPath,

    #[error(
        "file_path {path:?} is relative, and the server's working directory is not a reliable base. Give the absolute path, for example /home/me/Pictures/background.png."
    )]
    RelativePath { path: String },

    #[error(
        "no file exists at {path:?}. Check the path; it must name a file on the machine the server runs on."
    )]
    Missing { path: PathBuf },

    #[error("{path:?} is {found}, not a regular file. Give the path of the image file itself.")]
    NotAFile { path: PathBuf, found: &'static str },

    #[error("could not read {path:?}: {message}. Check that the server's user may read it.")]
    Unreadable { path: PathBuf, message: String },

    #[error("{path:?} is empty (0 bytes). Give a JPEG, PNG or GIF image.")]
    Empty { path: PathBuf },

    #[error(
        "{path:?} is {size} bytes; Zoom accepts branding files up to {max} bytes (15 MB). Reduce its resolution or compress it."
    )]
    TooLarge { path: PathBuf, size: u64, max: u64 },

    #[error(
        "{path:?} is not a JPEG, PNG or GIF image: its first bytes are {head}. Zoom accepts only those three types, judged by content; renaming a file does not change its type. Convert it, for example to PNG."
    )]
    UnsupportedType { path: PathBuf, head: String },

    #[error(
        "{path:?} is a {kind} whose header gives a size of {width}×{height} pixels; a valid image has both above 0."
    )]
    ZeroSize {
        path: PathBuf,
        kind: &'static str,
        width: u32,
        height: u32,
    },

    #[error(
        "{path:?} is {width}×{height} pixels, which is not 16:9; Zoom requires a 16:9 wallpaper (1920×1080 recommended). Crop or resize it."
    )]
    NotWidescreen {
        path: PathBuf,
        width: u32,
        height: u32,
    },
}

impl From<ImageFileError> for ToolError {
    fn from(error: ImageFileError) -> ToolError {
        ToolError(error.to_string())
    }
}

/// A file that passed the checks, ready to upload.
#[derive(Debug)]
pub struct CheckedImage {
    pub path: PathBuf,
    pub kind: ImageKind,
    /// Width and height in pixels, when the header gave them.
    pub dimensions: Option<(u32, u32)>,
    pub upload: UploadFile,
    /// Remarks for the result, such as a corrected file name extension.
    pub notes: Vec<String>,
}

impl CheckedImage {
    pub fn size(&self) -> u64 {
        self.upload.bytes.len() as u64
    }
}

/// Check `path` and read the file. `widescreen` adds the 16:9 check for
/// wallpapers; when the header gives no dimensions, a note says the shape
/// was not checked.
pub async fn check_image_file(
    path: &str,
    widescreen: bool,
) -> Result<CheckedImage, ImageFileError> {
    let path = resolve_path(path)?;
    let metadata = match tokio::fs::metadata(&path).await {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Err(ImageFileError::Missing { path });
        }
        Err(error) => {
            return Err(ImageFileError::Unreadable {
                path,
                message: error.to_string(),
            });
        }
    };
    if !metadata.is_file() {
        let found = if metadata.is_dir() {
            "a directory"
        } else {
            "a special file (device, socket or pipe)"
        };
        return Err(ImageFileError::NotAFile { path, found });
    }
    // The size is checked before reading, so an oversized file is never
    // loaded into memory.
    check_size(&path, metadata.len())?;

    let bytes = tokio::fs::read(&path)
        .await
        .map_err(|error| ImageFileError::Unreadable {
            path: path.clone(),
            message: error.to_string(),
        })?;
    // The file may have changed between the two calls.
    check_size(&path, bytes.len() as u64)?;

    let Some(kind) = detect_kind(&bytes) else {
        return Err(ImageFileError::UnsupportedType {
            head: describe_head(&bytes),
            path,
        });
    };
    let dimensions = read_dimensions(kind, &bytes);
    let mut notes = Vec::new();
    if let Some((width, height)) = dimensions {
        if width == 0 || height == 0 {
            return Err(ImageFileError::ZeroSize {
                path,
                kind: kind.name(),
                width,
                height,
            });
        }
        if widescreen && !is_widescreen(width, height) {
            return Err(ImageFileError::NotWidescreen {
                path,
                width,
                height,
            });
        }
    } else if widescreen {
        notes.push(format!(
            "The 16:9 shape was not checked, because the {} header gave no dimensions before the image data; Zoom rejects a wallpaper of another shape.",
            kind.name()
        ));
    }

    let (file_name, renamed) = upload_file_name(&path, kind);
    if let Some(original) = renamed {
        notes.push(format!(
            "The file name {original:?} does not end in an extension for {} content, so it was sent as {file_name:?}.",
            kind.name()
        ));
    }
    Ok(CheckedImage {
        path,
        kind,
        dimensions,
        upload: UploadFile {
            file_name,
            mime: kind.mime(),
            bytes,
        },
        notes,
    })
}

/// Trim the path, expand a leading `~/` to the home directory, and require
/// an absolute result.
fn resolve_path(raw: &str) -> Result<PathBuf, ImageFileError> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Err(ImageFileError::EmptyPath);
    }
    let expanded = match trimmed.strip_prefix("~/") {
        Some(rest) => match directories::BaseDirs::new() {
            Some(dirs) => dirs.home_dir().join(rest),
            None => PathBuf::from(trimmed),
        },
        None => PathBuf::from(trimmed),
    };
    if !expanded.is_absolute() {
        return Err(ImageFileError::RelativePath {
            path: trimmed.to_string(),
        });
    }
    Ok(expanded)
}

fn check_size(path: &Path, size: u64) -> Result<(), ImageFileError> {
    if size == 0 {
        return Err(ImageFileError::Empty {
            path: path.to_path_buf(),
        });
    }
    if size > MAX_IMAGE_BYTES {
        return Err(ImageFileError::TooLarge {
            path: path.to_path_buf(),
            size,
            max: MAX_IMAGE_BYTES,
        });
    }
    Ok(())
}

/// The image type from the file's signature (its first bytes).
pub fn detect_kind(bytes: &[u8]) -> Option<ImageKind> {
    const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    if bytes.starts_with(PNG_SIGNATURE) {
        Some(ImageKind::Png)
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some(ImageKind::Gif)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(ImageKind::Jpeg)
    } else {
        None
    }
}

/// Width and height in pixels from the header: PNG's IHDR chunk, GIF's
/// logical screen descriptor, or the first JPEG start-of-frame segment.
pub fn read_dimensions(kind: ImageKind, bytes: &[u8]) -> Option<(u32, u32)> {
    match kind {
        ImageKind::Png => {
            // Signature (8), chunk length (4), "IHDR" (4), width, height.
            if bytes.get(12..16)? != b"IHDR" {
                return None;
            }
            let width = u32::from_be_bytes(bytes.get(16..20)?.try_into().ok()?);
            let height = u32::from_be_bytes(bytes.get(20..24)?.try_into().ok()?);
            Some((width, height))
        }
        ImageKind::Gif => {
            let width = u16::from_le_bytes(bytes.get(6..8)?.try_into().ok()?);
            let height = u16::from_le_bytes(bytes.get(8..10)?.try_into().ok()?);
            Some((u32::from(width), u32::from(height)))
        }
        ImageKind::Jpeg => jpeg_dimensions(bytes),
    }
}

/// Walk the JPEG segments up to the first start-of-frame marker (SOF0 to
/// SOF15 except DHT, JPG and DAC), whose data holds the precision, then
/// height and width. Stops with `None` at the start of scan or end of
/// image, or when a segment runs past the end of the file.
fn jpeg_dimensions(bytes: &[u8]) -> Option<(u32, u32)> {
    let mut position = 2;
    loop {
        if *bytes.get(position)? != 0xFF {
            return None;
        }
        // Any number of 0xFF fill bytes may precede a marker.
        while *bytes.get(position)? == 0xFF {
            position += 1;
        }
        let marker = *bytes.get(position)?;
        position += 1;
        match marker {
            // Markers without a length: TEM and RST0 to RST7.
            0x01 | 0xD0..=0xD7 => continue,
            // Start of scan or end of image before any frame header.
            0xD9 | 0xDA => return None,
            _ => {}
        }
        let length = usize::from(u16::from_be_bytes(
            bytes.get(position..position + 2)?.try_into().ok()?,
        ));
        if length < 2 {
            return None;
        }
        let is_frame = matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
        if is_frame {
            let data = bytes.get(position + 2..position + 7)?;
            let height = u16::from_be_bytes([data[1], data[2]]);
            let width = u16::from_be_bytes([data[3], data[4]]);
            return Some((u32::from(width), u32::from(height)));
        }
        position += length;
    }
}

/// Whether `width`:`height` is 16:9 within the tolerance.
pub fn is_widescreen(width: u32, height: u32) -> bool {
    if height == 0 {
        return false;
    }
    let ratio = f64::from(width) / f64::from(height);
    let target = 16.0 / 9.0;
    ((ratio - target) / target).abs() <= ASPECT_TOLERANCE
}

/// The file name to send: the file's own name with unusual characters
/// replaced, and the extension corrected when it does not match the
/// content. Returns the original name too when the extension changed.
fn upload_file_name(path: &Path, kind: ImageKind) -> (String, Option<String>) {
    let original = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem_source = path
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    let extension = path
        .extension()
        .map(|extension| extension.to_string_lossy().to_ascii_lowercase());
    let stem: String = stem_source
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ' ') {
                c
            } else {
                '_'
            }
        })
        .take(MAX_FILE_NAME_CHARS)
        .collect();
    let stem = if stem.trim().is_empty() {
        "image".to_string()
    } else {
        stem
    };
    match extension {
        Some(extension) if kind.extensions().contains(&extension.as_str()) => {
            (format!("{stem}.{extension}"), None)
        }
        _ => (format!("{stem}.{}", kind.extensions()[0]), Some(original)),
    }
}

/// The first bytes in hex, for an error message.
fn describe_head(bytes: &[u8]) -> String {
    let shown: Vec<String> = bytes
        .iter()
        .take(8)
        .map(|byte| format!("{byte:02X}"))
        .collect();
    shown.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png_header(width: u32, height: u32) -> Vec<u8> {
        let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        bytes.extend_from_slice(&width.to_be_bytes());
        bytes.extend_from_slice(&height.to_be_bytes());
        bytes.extend_from_slice(&[8, 6, 0, 0, 0]);
        bytes
    }

    #[test]
    fn png_signature_and_size() {
        let bytes = png_header(1920, 1080);
        assert_eq!(detect_kind(&bytes), Some(ImageKind::Png));
        assert_eq!(read_dimensions(ImageKind::Png, &bytes), Some((1920, 1080)));
    }

    #[test]
    fn gif_signature_and_size() {
        let mut bytes = b"GIF89a".to_vec();
        bytes.extend_from_slice(&320u16.to_le_bytes());
        bytes.extend_from_slice(&180u16.to_le_bytes());
        assert_eq!(detect_kind(&bytes), Some(ImageKind::Gif));
        assert_eq!(read_dimensions(ImageKind::Gif, &bytes), Some((320, 180)));
    }

    #[test]
    fn jpeg_size_after_app_segment() {
        let mut bytes = vec![0xFF, 0xD8];
        // APP0 with a 16-byte length, then SOF2 (progressive).
        bytes.extend_from_slice(&[0xFF, 0xE0, 0x00, 0x10]);
        bytes.extend_from_slice(&[0; 14]);
        bytes.extend_from_slice(&[0xFF, 0xC2, 0x00, 0x11, 0x08, 0x02, 0xD0, 0x05, 0x00]);
        assert_eq!(detect_kind(&bytes), Some(ImageKind::Jpeg));
        assert_eq!(read_dimensions(ImageKind::Jpeg, &bytes), Some((1280, 720)));
    }

    #[test]
    fn jpeg_huffman_table_is_not_a_frame() {
        let mut bytes = vec![0xFF, 0xD8];
        bytes.extend_from_slice(&[0xFF, 0xC4, 0x00, 0x07, 0x00, 0x09, 0x09, 0x09, 0x09]);
        bytes.extend_from_slice(&[0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x09, 0x00, 0x10]);
        assert_eq!(read_dimensions(ImageKind::Jpeg, &bytes), Some((16, 9)));
    }

    #[test]
    fn jpeg_without_frame_has_no_size() {
        let bytes = [0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02];
        assert_eq!(read_dimensions(ImageKind::Jpeg, &bytes), None);
    }

    #[test]
    fn jpeg_truncated_segment_has_no_size() {
        let bytes = [0xFF, 0xD8, 0xFF, 0xE1, 0x40, 0x00, 0x01];
        assert_eq!(read_dimensions(ImageKind::Jpeg, &bytes), None);
    }

    #[test]
    fn text_is_not_an_image() {
        assert_eq!(detect_kind(b"hello, world"), None);
        assert_eq!(detect_kind(b""), None);
    }

    #[test]
    fn widescreen_ratios() {
        assert!(is_widescreen(1920, 1080));
        assert!(is_widescreen(1366, 768));
        assert!(!is_widescreen(1024, 768));
        assert!(!is_widescreen(1080, 1920));
        assert!(!is_widescreen(16, 0));
    }

    #[test]
    fn file_name_keeps_matching_extension() {
        let (name, renamed) = upload_file_name(Path::new("/tmp/Logo.PNG"), ImageKind::Png);
        assert_eq!(name, "Logo.png");
        assert_eq!(renamed, None);
    }

    #[test]
    fn file_name_extension_follows_content() {
        let (name, renamed) = upload_file_name(Path::new("/tmp/photo.png"), ImageKind::Jpeg);
        assert_eq!(name, "photo.jpg");
        assert_eq!(renamed.as_deref(), Some("photo.png"));
    }

    #[test]
    fn file_name_replaces_unusual_characters() {
        let (name, _) = upload_file_name(Path::new("/tmp/a\"b;c.gif"), ImageKind::Gif);
        assert_eq!(name, "a_b_c.gif");
    }

    #[test]
    fn relative_path_rejected() {
        let error = resolve_path("pictures/bg.png").unwrap_err();
        assert!(
            matches!(error, ImageFileError::RelativePath { .. }),
            "{error}"
        );
    }

    #[test]
    fn empty_path_rejected() {
        assert!(matches!(resolve_path("  "), Err(ImageFileError::EmptyPath)));
    }
}
