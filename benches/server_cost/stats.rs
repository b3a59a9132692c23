//! Order statistics of repeated measurements.

use std::time::Duration;

use serde_json::{Value, json};

/// Summary of a sample: milliseconds for durations, else the unit given.
#[derive(Debug, Clone, Copy)]
pub struct Summary {
    pub count: usize,
    pub min: f64,
    pub p50: f64,
    pub p99: f64,
    pub max: f64,
}

impl Summary {
    /// Summarises durations; `None` for an empty sample.
    pub fn of(sample: &[Duration]) -> Option<Summary> {
        let millis: Vec<f64> = sample.iter().map(|d| d.as_secs_f64() * 1e3).collect();
        Summary::of_values(&millis)
    }

    /// Summarises values in any one unit; `None` for an empty sample.
    pub fn of_values(sample: &[f64]) -> Option<Summary> {
        if sample.is_empty() {
            return None;
        }
        let mut sorted = sample.to_vec();
        sorted.sort_by(f64::total_cmp);
        Some(Summary {
            count: sorted.len(),
            min: sorted[0],
            p50: percentile(&sorted, 50.0),
            p99: percentile(&sorted, 99.0),
            max: sorted[sorted.len() - 1],
        })
    }

    pub fn to_json(self) -> Value {
        json!({
            "count": self.count,
            "min": round(self.min),
            "p50": round(self.p50),
            "p99": round(self.p99),
            "max": round(self.max),
        })
    }
}

/// Nearest-rank percentile of a sorted, non-empty sample.
fn percentile(sorted: &[f64], percent: f64) -> f64 {
    let rank = ((percent / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// Rounds to microsecond precision for the JSON file.
pub fn round(value: f64) -> f64 {
    (value * 1000.0).round() / 1000.0
}
