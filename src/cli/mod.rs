//! The command-line tool's own modules (not part of the library).

pub mod args;
pub mod batch;
pub mod explain;
pub mod files;
pub mod generate;
pub mod inputs;
pub mod render;
pub mod report;
pub mod stream;
