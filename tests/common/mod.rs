//! Helpers shared by the integration tests.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use okrlint::source::Source;

/// The crate's root folder.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Reads a fixture; the source is named by its path relative to the crate root, so output
/// that shows paths is the same on every machine.
pub fn fixture(relative: impl AsRef<Path>) -> Source {
    let relative = relative.as_ref();
    let bytes = std::fs::read(root().join(relative)).expect("fixture is readable");
    Source::from_bytes(relative, bytes).expect("fixture is valid text")
}

/// The path of `absolute` relative to the crate root.
pub fn relative(absolute: &Path) -> PathBuf {
    absolute
        .strip_prefix(root())
        .unwrap_or(absolute)
        .to_path_buf()
}
