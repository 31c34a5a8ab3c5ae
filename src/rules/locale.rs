//! The language a finding speaks: that of the item it is about, so an English key result
//! gets English messages and a Chinese one Chinese.

use std::fmt;

use crate::analysis::Facts;
use crate::analysis::language::{Language, Script};
use crate::syntax::ItemKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locale {
    Chinese,
    English,
}

impl Locale {
    /// The locale of an item: its dominant language, Chinese when it has none.
    pub fn of(facts: &Facts) -> Locale {
        Locale::of_script(facts.language.dominant)
    }

    /// The locale of a text: for structural findings, which need no facts.
    pub fn of_text(text: &str) -> Locale {
        Locale::of_script(Language::of(text).dominant)
    }

    /// The locale of an item written in `dominant`.
    pub fn of_script(dominant: Option<Script>) -> Locale {
        match dominant {
            Some(Script::English) => Locale::English,
            _ => Locale::Chinese,
        }
    }

    /// What an item of this kind is called.
    pub fn noun(self, kind: ItemKind) -> &'static str {
        match (self, kind) {
            (Locale::Chinese, _) => kind.noun(),
            (Locale::English, ItemKind::Objective) => "objective",
            (Locale::English, ItemKind::KeyResult) => "key result",
        }
    }

    /// The locale most of a set of items are written in: a document-level finding speaks it.
    pub fn of_most<'t>(texts: impl Iterator<Item = &'t str>) -> Locale {
        Locale::of_most_scripts(texts.map(|text| Language::of(text).dominant))
    }

    /// The same, from the items' dominant languages.
    pub fn of_most_scripts(scripts: impl Iterator<Item = Option<Script>>) -> Locale {
        let (mut english, mut chinese) = (0, 0);
        // Items in neither language (`KPI ≥ 95%`) do not vote.
        for script in scripts {
            match script {
                Some(Script::English) => english += 1,
                Some(Script::Chinese) => chinese += 1,
                None => {}
            }
        }
        if english > chinese {
            Locale::English
        } else {
            Locale::Chinese
        }
    }

    /// The text for this locale, formatted: only the chosen one is (a finding is written once,
    /// in one language).
    pub fn format(self, chinese: fmt::Arguments<'_>, english: fmt::Arguments<'_>) -> String {
        self.says(chinese, english).to_string()
    }

    /// The text for this locale.
    pub fn says<T>(self, chinese: T, english: T) -> T {
        match self {
            Locale::Chinese => chinese,
            Locale::English => english,
        }
    }
}
