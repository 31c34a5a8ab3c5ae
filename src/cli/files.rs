//! Which files a run reads: named files as given, folders walked with `.gitignore` respected
//! and the configuration's `[files]` globs applied, `-` for stdin.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::config_files::{Configs, Failure};
use crate::source::{LoadError, Source};

/// A file to lint, and whether the user named it (then failing to read it is an error; a
/// file met while walking is skipped with a warning).
pub struct Target {
    pub path: PathBuf,
    pub named: bool,
    /// Read from stdin; `path` is the name it goes by.
    pub stdin: bool,
}

/// Why the command line's paths could not be expanded.
pub enum TargetError {
    Missing(String),
    Config(Failure),
}

/// Expands the command line's paths, sorted within each folder.
pub fn targets(
    paths: &[PathBuf],
    stdin_name: Option<&Path>,
    hidden: bool,
    configs: &mut Configs,
) -> Result<Vec<Target>, TargetError> {
    let mut targets = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            targets.push(Target {
                path: stdin_name.map_or_else(|| PathBuf::from("-"), Path::to_owned),
                named: true,
                stdin: true,
            });
            continue;
        }
        let meta = std::fs::metadata(path)
            .map_err(|e| TargetError::Missing(format!("{}: {e}", path.display())))?;
        if !meta.is_dir() {
            targets.push(Target {
                path: path.clone(),
                named: true,
                stdin: false,
            });
            continue;
        }
        let mut found = Vec::new();
        // .gitignore applies whether or not the folder is in a git repository.
        let walk = ignore::WalkBuilder::new(path)
            .require_git(false)
            .hidden(!hidden)
            .build();
        for entry in walk.filter_map(Result::ok) {
            if !entry.file_type().is_some_and(|t| t.is_file()) {
                continue;
            }
            let loaded = configs
                .for_path(entry.path())
                .map_err(TargetError::Config)?;
            if loaded.files.takes(entry.path()) {
                found.push(entry.into_path());
            }
        }
        found.sort();
        targets.extend(found.into_iter().map(|path| Target {
            path,
            named: false,
            stdin: false,
        }));
    }
    Ok(targets)
}

/// Reads a target.
pub fn load(target: &Target) -> Result<Source, LoadError> {
    if !target.stdin {
        return Source::read(&target.path);
    }
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|error| LoadError::Io {
            path: target.path.clone(),
            error,
        })?;
    Source::from_bytes(&target.path, bytes)
}
