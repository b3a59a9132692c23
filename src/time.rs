//! Time zones and start times as Zoom expects them.
