//! Finding and loading `okrlint.toml` for the command line and the language server: the
//! closest one walking up from each file wins, `extend` builds on another, `--config` names one
//! for every file, `--isolated` uses none.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::{Glob, GlobSet, GlobSetBuilder};

use crate::analysis::vocabulary::DictionaryEntry;
use crate::rules::Settings;
use crate::rules::config::{ConfigError, ConfigFile, Overrides, settings};

const NAMES: [&str; 2] = ["okrlint.toml", ".okrlint.toml"];

/// Extensions linted when walking a folder with no `[files] include`.
const DEFAULT_INCLUDE: [&str; 4] = ["*.okr", "*.txt", "*.md", "*.markdown"];

/// The settings for a file, and which files a folder walk takes.
#[derive(Clone)]
pub struct Loaded {
    pub settings: Arc<Settings>,
    pub files: Arc<FileFilter>,
}

/// `[files] include` and `exclude`, matched against paths relative to the configuration's
/// folder.
pub struct FileFilter {
    base: PathBuf,
    include: GlobSet,
    exclude: GlobSet,
}

impl FileFilter {
    pub fn takes(&self, path: &Path) -> bool {
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        let relative = absolute.strip_prefix(&self.base).unwrap_or(&absolute);
        let name = Path::new(relative.file_name().unwrap_or_default());
        (self.include.is_match(relative) || self.include.is_match(name))
            && !self.exclude.is_match(relative)
    }
}

/// Why a configuration cannot be used: its file, its text and where in it.
#[derive(Debug)]
pub struct Failure {
    pub path: PathBuf,
    pub text: String,
    pub error: ConfigError,
}

impl Failure {
    fn plain(path: &Path, message: String) -> Failure {
        Failure {
            path: path.to_owned(),
            text: String::new(),
            error: ConfigError {
                message,
                span: None,
            },
        }
    }
}

/// Loads configurations as files ask for them, each once.
pub struct Configs {
    overrides: Overrides,
    /// `--config`, loaded up front, or `--isolated`'s defaults.
    fixed: Option<Loaded>,
    by_folder: HashMap<PathBuf, Loaded>,
}

impl Configs {
    pub fn new(
        explicit: Option<&Path>,
        isolated: bool,
        overrides: Overrides,
    ) -> Result<Configs, Failure> {
        let mut configs = Configs {
            overrides,
            fixed: None,
            by_folder: HashMap::new(),
        };
        configs.fixed = match (explicit, isolated) {
            (Some(path), _) => Some(configs.load(Some(path))?),
            (None, true) => Some(configs.load(None)?),
            (None, false) => None,
        };
        Ok(configs)
    }

    /// The configuration in effect for a file or folder.
    pub fn for_path(&mut self, path: &Path) -> Result<Loaded, Failure> {
        if let Some(fixed) = &self.fixed {
            return Ok(fixed.clone());
        }
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        let folder = if absolute.is_dir() {
            absolute
        } else {
            absolute.parent().map(Path::to_owned).unwrap_or_default()
        };
        if let Some(loaded) = self.by_folder.get(&folder) {
            return Ok(loaded.clone());
        }
        let found = folder
            .ancestors()
            .find_map(|dir| NAMES.iter().map(|n| dir.join(n)).find(|p| p.is_file()));
        let loaded = self.load(found.as_deref())?;
        self.by_folder.insert(folder, loaded.clone());
        Ok(loaded)
    }

    fn load(&self, path: Option<&Path>) -> Result<Loaded, Failure> {
        let (file, base) = match path {
            Some(path) => (read_chain(path, &mut Vec::new())?, config_folder(path)),
            None => (
                ConfigFile::default(),
                std::env::current_dir().unwrap_or_default(),
            ),
        };
        let mut settings = settings(&file, &self.overrides)
            .map_err(|message| Failure::plain(Path::new("command line"), message))?;
        if let (Some(path), Some(dictionary)) = (path, &file.vocab.dictionary) {
            settings.analysis.vocabulary.dictionary =
                read_dictionary(&config_folder(path).join(dictionary.get_ref()))?;
        }
        let files = file_filter(&file, base)
            .map_err(|message| Failure::plain(path.unwrap_or(Path::new(".")), message))?;
        Ok(Loaded {
            settings: Arc::new(settings),
            files: Arc::new(files),
        })
    }
}

fn config_folder(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    absolute.parent().map(Path::to_owned).unwrap_or_default()
}

/// A configuration with everything it extends laid under it.
fn read_chain(path: &Path, seen: &mut Vec<PathBuf>) -> Result<ConfigFile, Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Failure::plain(path, format!("cannot read: {e}")))?;
    let file = ConfigFile::parse(&text).map_err(|error| Failure {
        path: path.to_owned(),
        text: text.clone(),
        error,
    })?;
    let key = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    if seen.contains(&key) {
        return Err(Failure::plain(path, "`extend` makes a cycle".to_owned()));
    }
    seen.push(key);
    let Some(extend) = file.extend.clone() else {
        return Ok(file);
    };
    let base_path = config_folder(path).join(extend.get_ref());
    if !base_path.is_file() {
        return Err(Failure {
            path: path.to_owned(),
            text,
            error: ConfigError {
                message: format!("`extend` names `{}`, which is not a file", extend.get_ref()),
                span: Some(extend.span()),
            },
        });
    }
    let base = read_chain(&base_path, seen)?;
    Ok(file.over(base))
}

/// A user dictionary: `word [frequency] [tag]` a line.
fn read_dictionary(path: &Path) -> Result<Vec<DictionaryEntry>, Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Failure::plain(path, format!("cannot read the dictionary: {e}")))?;
    Ok(text
        .lines()
        .filter_map(|line| {
            let mut parts = line.split_whitespace();
            let word = parts.next()?.to_owned();
            let frequency = parts.next().and_then(|f| f.parse().ok());
            Some((word, frequency, parts.next().map(str::to_owned)))
        })
        .collect())
}

fn file_filter(file: &ConfigFile, base: PathBuf) -> Result<FileFilter, String> {
    let set = |patterns: &mut dyn Iterator<Item = &str>| -> Result<GlobSet, String> {
        let mut builder = GlobSetBuilder::new();
        for pattern in patterns {
            builder.add(Glob::new(pattern).map_err(|e| format!("bad glob `{pattern}`: {e}"))?);
        }
        builder.build().map_err(|e| e.to_string())
    };
    let include = if file.files.include.is_empty() {
        set(&mut DEFAULT_INCLUDE.iter().copied())?
    } else {
        set(&mut file.files.include.iter().map(String::as_str))?
    };
    Ok(FileFilter {
        base,
        include,
        exclude: set(&mut file.files.exclude.iter().map(String::as_str))?,
    })
}
