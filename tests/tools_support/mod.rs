//! Helpers for the tests of the opt-in toolsets: direct access to the
//! sandbox behind a running server (its request counters, its request log,
//! and a webinar that is live now), and small valid images built in code.

#![allow(dead_code)]

use serde_json::{Value, json};

use crate::common::{Client, read_json};

/// The sandbox that a `--sandbox` server started, reached over loopback.
pub struct SandboxAccess {
    /// Scheme, host and port, such as `http://127.0.0.1:40123`.
    origin: String,
    api_base: String,
    token_url: String,
    http: reqwest::Client,
}

impl SandboxAccess {
    /// Find the sandbox's address in the server's `zoom://config`.
    pub async fn of(client: &Client) -> SandboxAccess {
        let config = read_json(client, "zoom://config").await;
        let api_base = config["api_base_url"]
            .as_str()
            .expect("zoom://config has api_base_url")
            .to_string();
        assert!(
            api_base.starts_with("http://127.0.0.1:"),
            "the sandbox must be on loopback: {api_base}"
        );
        let origin = api_base.trim_end_matches("/v2").to_string();
        let token_url = config["oauth_token_url"]
            .as_str()
            .expect("zoom://config has oauth_token_url")
            .to_string();
        SandboxAccess {
            origin,
            api_base,
            token_url,
            http: reqwest::Client::new(),
        }
    }

    /// API requests the sandbox has answered so far.
    pub async fn api_requests(&self) -> u64 {
        let stats: Value = self
            .http
            .get(format!("{}/_sandbox/stats", self.origin))
            .send()
            .await
            .expect("sandbox stats")
            .json()
            .await
            .expect("stats are JSON");
        stats["api_requests"].as_u64().expect("api_requests")
    }

    /// The sandbox's request log, oldest first.
    pub async fn requests(&self) -> Vec<Value> {
        let log: Value = self
            .http
            .get(format!("{}/_sandbox/requests", self.origin))
            .send()
            .await
            .expect("sandbox request log")
            .json()
            .await
            .expect("the request log is JSON");
        log.as_array().expect("the request log is a list").clone()
    }

    /// The last request the sandbox logged.
    pub async fn last_request(&self) -> Value {
        self.requests()
            .await
            .pop()
            .expect("the sandbox logged a request")
    }

    /// Create a webinar that started five minutes ago and lasts two hours,
    /// so live-only endpoints accept it. The tools refuse past start
    /// times, so this goes to the sandbox directly.
    pub async fn create_live_webinar(&self) -> u64 {
        let token: Value = self
            .http
            .post(&self.token_url)
            .basic_auth("test-client", Some("test-secret"))
            .form(&[
                ("grant_type", "account_credentials"),
                ("account_id", "test-account"),
            ])
            .send()
            .await
            .expect("sandbox token request")
            .json()
            .await
            .expect("token response is JSON");
        let access_token = token["access_token"].as_str().expect("access_token");
        let start = chrono::Utc::now() - chrono::Duration::minutes(5);
        let created: Value = self
            .http
            .post(format!("{}/users/me/webinars", self.api_base))
            .bearer_auth(access_token)
            .json(&json!({
                "topic": "Live now",
                "type": 5,
                "start_time": start.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
                "duration": 120,
            }))
            .send()
            .await
            .expect("sandbox create webinar")
            .json()
            .await
            .expect("created webinar is JSON");
        created["id"].as_u64().expect("created webinar id")
    }
}

/// A valid 8-bit greyscale PNG of `width`×`height` black pixels, with the
/// image data in one stored (uncompressed) zlib block.
pub fn png(width: u32, height: u32) -> Vec<u8> {
    let mut raw = Vec::new();
    for _ in 0..height {
        raw.push(0); // filter type None
        raw.extend(std::iter::repeat_n(0u8, width as usize));
    }
    assert!(
        raw.len() <= 0xFFFF,
        "one stored block holds at most 65535 bytes"
    );
    let length = raw.len() as u16;
    let mut zlib = vec![0x78, 0x01, 0x01];
    zlib.extend_from_slice(&length.to_le_bytes());
    zlib.extend_from_slice(&(!length).to_le_bytes());
    zlib.extend_from_slice(&raw);
    zlib.extend_from_slice(&adler32(&raw).to_be_bytes());

    let mut header = Vec::new();
    header.extend_from_slice(&width.to_be_bytes());
    header.extend_from_slice(&height.to_be_bytes());
    header.extend_from_slice(&[8, 0, 0, 0, 0]);

    let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
    png_chunk(&mut bytes, b"IHDR", &header);
    png_chunk(&mut bytes, b"IDAT", &zlib);
    png_chunk(&mut bytes, b"IEND", &[]);
    bytes
}

fn png_chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let start = out.len();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32(&out[start..]);
    out.extend_from_slice(&crc.to_be_bytes());
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn adler32(bytes: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for &byte in bytes {
        a = (a + u32::from(byte)) % 65521;
        b = (b + a) % 65521;
    }
    (b << 16) | a
}

/// A valid GIF89a whose logical screen is `width`×`height`, holding one
/// black pixel at the top left.
pub fn gif(width: u16, height: u16) -> Vec<u8> {
    let mut bytes = b"GIF89a".to_vec();
    bytes.extend_from_slice(&width.to_le_bytes());
    bytes.extend_from_slice(&height.to_le_bytes());
    // A global colour table of two entries, black and white.
    bytes.extend_from_slice(&[0x80, 0x00, 0x00]);
    bytes.extend_from_slice(&[0, 0, 0, 255, 255, 255]);
    // Image descriptor: a 1×1 image at (0, 0).
    bytes.extend_from_slice(&[0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0]);
    // LZW data with a minimum code size of 2: clear, pixel 0, end.
    bytes.extend_from_slice(&[0x02, 0x02, 0x44, 0x01, 0x00]);
    bytes.push(0x3B);
    bytes
}

/// A valid baseline greyscale JPEG of `width`×`height` mid-grey pixels.
/// Every 8×8 block has only a zero DC difference and an end-of-block, each
/// coded with a one-bit Huffman code, so the scan is two zero bits per
/// block.
pub fn jpeg(width: u16, height: u16) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xD8];
    // APP0 (JFIF 1.1, no thumbnail).
    bytes.extend_from_slice(&[0xFF, 0xE0, 0x00, 0x10]);
    bytes.extend_from_slice(b"JFIF\0");
    bytes.extend_from_slice(&[1, 1, 0, 0, 1, 0, 1, 0, 0]);
    // DQT: table 0, all ones.
    bytes.extend_from_slice(&[0xFF, 0xDB, 0x00, 0x43, 0x00]);
    bytes.extend(std::iter::repeat_n(1u8, 64));
    // SOF0: 8-bit, one component with table 0.
    bytes.extend_from_slice(&[0xFF, 0xC0, 0x00, 0x0B, 0x08]);
    bytes.extend_from_slice(&height.to_be_bytes());
    bytes.extend_from_slice(&width.to_be_bytes());
    bytes.extend_from_slice(&[0x01, 0x01, 0x11, 0x00]);
    // DHT: DC table 0 and AC table 0, each one code of length 1 for symbol 0.
    for class in [0x00, 0x10] {
        bytes.extend_from_slice(&[0xFF, 0xC4, 0x00, 0x14, class, 1]);
        bytes.extend_from_slice(&[0; 15]);
        bytes.push(0x00);
    }
    // SOS: one component, tables 0/0, full spectrum.
    bytes.extend_from_slice(&[0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00]);
    let blocks = usize::from(width.div_ceil(8)) * usize::from(height.div_ceil(8));
    let bits = blocks * 2;
    let mut scan = vec![0u8; bits.div_ceil(8)];
    if bits % 8 != 0 {
        // Pad the last byte with one bits.
        let last = scan.len() - 1;
        scan[last] = 0xFF >> (bits % 8);
    }
    bytes.extend_from_slice(&scan);
    bytes.extend_from_slice(&[0xFF, 0xD9]);
    bytes
}

/// Write `bytes` to `name` in `dir` and return the absolute path.
pub fn write_file(dir: &std::path::Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write a test file");
    path.display().to_string()
}
