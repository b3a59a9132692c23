//! Simulated Zoom account served on loopback.
