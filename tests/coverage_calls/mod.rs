//! Calls of the opt-in toolsets (surveys, reports, live stream, branding
//! and advanced) for the contract coverage test, one function per toolset.
//! Each reaches every Zoom endpoint its tools call with a successful
//! response, and some also reach an error path.

mod advanced;
mod branding;
mod livestream;
mod reports;
mod surveys;

pub use advanced::advanced;
pub use branding::branding;
pub use livestream::livestream;
pub use reports::reports;
pub use surveys::surveys;
