//! Writing a fixed file back: only when its content changed, atomically (a temporary file
//! in the same folder, then a rename), with its permissions kept, and never over a file that
//! changed on disk since it was read.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a fixed file was not written. The file on disk is untouched in every case.
#[derive(Debug)]
pub enum WriteError {
    /// The file changed between reading and writing: someone else's edit wins.
    ChangedOnDisk,
    Io(std::io::Error),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::ChangedOnDisk => {
                f.write_str("changed on disk while it was being fixed; not written")
            }
            WriteError::Io(e) => write!(f, "cannot write: {e}"),
        }
    }
}

/// Replaces `path`'s content `original` with `fixed`.
pub fn replace(path: &Path, original: &str, fixed: &str) -> Result<(), WriteError> {
    if original == fixed {
        return Ok(());
    }
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = folder.join(format!(".{name}.okrlint-{}.tmp", std::process::id()));
    let result = write_then_rename(path, &temporary, original, fixed);
    if result.is_err() {
        // Whatever failed, no temporary file is left behind.
        let _ = std::fs::remove_file(&temporary);
    }
    result
}

fn write_then_rename(
    path: &Path,
    temporary: &PathBuf,
    original: &str,
    fixed: &str,
) -> Result<(), WriteError> {
    let permissions = std::fs::metadata(path)
        .map_err(WriteError::Io)?
        .permissions();
    if permissions.readonly() {
        return Err(WriteError::Io(std::io::Error::new(
            std::io::ErrorKind::PermissionDenied,
            "the file is read-only",
        )));
    }
    let mut file = std::fs::File::create_new(temporary).map_err(WriteError::Io)?;
    file.write_all(fixed.as_bytes()).map_err(WriteError::Io)?;
    file.sync_all().map_err(WriteError::Io)?;
    drop(file);
    std::fs::set_permissions(temporary, permissions).map_err(WriteError::Io)?;
    // The last moment to notice an edit made since the file was read.
    let current = std::fs::read(path).map_err(WriteError::Io)?;
    if current != original.as_bytes() {
        return Err(WriteError::ChangedOnDisk);
    }
    std::fs::rename(temporary, path).map_err(WriteError::Io)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("okrlint-write-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_file_edited_since_it_was_read_is_not_overwritten() {
        let dir = scratch("changed");
        let path = dir.join("okr.md");
        std::fs::write(&path, "someone else's edit\n").unwrap();
        let result = replace(&path, "what was read\n", "the fix\n");
        assert!(
            matches!(result, Err(WriteError::ChangedOnDisk)),
            "{result:?}"
        );
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "someone else's edit\n"
        );
        assert_eq!(entries(&dir), ["okr.md"], "no temporary file is left");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_fix_replaces_the_whole_file_and_leaves_nothing_else() {
        let dir = scratch("replaced");
        let path = dir.join("okr.md");
        std::fs::write(&path, "O1：提升留存\n").unwrap();
        replace(&path, "O1：提升留存\n", "O1: 提升留存\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "O1: 提升留存\n");
        assert_eq!(entries(&dir), ["okr.md"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
