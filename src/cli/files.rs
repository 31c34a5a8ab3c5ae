//! Which files a run reads: named files as given, folders walked with `.gitignore` respected.

use std::path::{Path, PathBuf};

use crate::source::{LoadError, Source};

/// Extensions read when walking a folder.
const EXTENSIONS: &[&str] = &["okr", "txt", "md", "markdown"];

/// A file to lint, and whether the user named it (then failing to read it is an error; a
/// file met while walking is skipped with a warning).
pub struct Target {
    pub path: PathBuf,
    pub named: bool,
}

/// Expands the command line's paths, sorted within each folder.
pub fn targets(paths: &[PathBuf]) -> Result<Vec<Target>, String> {
    let mut targets = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
        if !meta.is_dir() {
            targets.push(Target {
                path: path.clone(),
                named: true,
            });
            continue;
        }
        let mut found: Vec<PathBuf> = ignore::WalkBuilder::new(path)
            .build()
            .filter_map(Result::ok)
            .filter(|entry| entry.file_type().is_some_and(|t| t.is_file()))
            .map(ignore::DirEntry::into_path)
            .filter(|p| has_okr_extension(p))
            .collect();
        found.sort();
        targets.extend(found.into_iter().map(|path| Target { path, named: false }));
    }
    Ok(targets)
}

fn has_okr_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// Reads a target.
pub fn load(target: &Target) -> Result<Source, LoadError> {
    Source::read(&target.path)
}
