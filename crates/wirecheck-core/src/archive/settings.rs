//! The user's settings: how checks run, stored in the archive so the app and the CLI share them.

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::store::Archive;
use crate::check::CheckOptions;
use crate::compare::AlignOptions;
use crate::credit::agencies::AgencyTable;
use crate::verdict::Thresholds;
use crate::{Error, Result};

/// The key the settings are stored under.
const KEY: &str = "app";
/// Bounds of the minimum passage length: below 3 words every stock phrase is a passage, above
/// 200 only whole stories are.
const PASSAGE_WORDS: std::ops::RangeInclusive<usize> = 3..=200;
/// Most aliases kept; each one is scanned for in every checked article.
const MAX_ALIASES: usize = 100;
/// Longest name (agency or alias) accepted, in characters.
const MAX_NAME_CHARS: usize = 100;
/// Most excluded agencies or stories; a longer list is a mistake, not a setting.
const MAX_EXCLUDED: usize = 1_000;

/// How many reports a check makes: the verdict thresholds, moved together.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Preset {
    /// Reports only clear copying ([`Thresholds::strict`]).
    Strict,
    /// The default ([`Thresholds::standard`]).
    #[default]
    Standard,
    /// Reports short borrowings too ([`Thresholds::lenient`]).
    Lenient,
}

/// An extra name for an agency, for credits the built-in table does not know.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct AliasSetting {
    /// The agency: its canonical name, an alias it already has, or a new agency's name.
    pub canonical: String,
    /// The extra name, as it appears in articles ("Reuters wire service").
    pub alias: String,
}

/// The user's settings. Missing fields read as their defaults, so settings saved by an older
/// version load.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct Settings {
    /// The verdict thresholds.
    pub preset: Preset,
    /// Fewest matched words a passage must have, 3..=200.
    pub min_passage_words: usize,
    /// Extra agency names.
    pub aliases: Vec<AliasSetting>,
    /// Agencies whose stories are never sources, by any name the agency table knows.
    pub exclude_agencies: Vec<String>,
    /// Stories that are never sources, by id.
    pub exclude_sources: Vec<i64>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            preset: Preset::Standard,
            min_passage_words: AlignOptions::default().min_matched,
            aliases: Vec::new(),
            exclude_agencies: Vec::new(),
            exclude_sources: Vec::new(),
        }
    }
}

impl Settings {
    /// The options a check with these settings runs with.
    pub fn check_options(&self) -> CheckOptions {
        let thresholds = match self.preset {
            Preset::Strict => Thresholds::strict(),
            Preset::Standard => Thresholds::standard(),
            Preset::Lenient => Thresholds::lenient(),
        };
        let agencies = self
            .aliases
            .iter()
            .fold(AgencyTable::builtin(), |table, a| {
                table.with_alias(&a.canonical, &a.alias)
            });
        // Stories store canonical names, so "Agence France-Presse" must become "AFP" to match.
        let exclude_agencies = self
            .exclude_agencies
            .iter()
            .map(|name| {
                agencies
                    .canonical(name)
                    .unwrap_or_else(|| name.trim().to_string())
            })
            .collect();
        let min_matched = self
            .min_passage_words
            .clamp(*PASSAGE_WORDS.start(), *PASSAGE_WORDS.end());
        CheckOptions {
            thresholds,
            align: AlignOptions {
                min_matched,
                ..AlignOptions::default()
            },
            exclude_agencies,
            exclude_sources: self.exclude_sources.clone(),
            agencies,
            ..CheckOptions::default()
        }
    }

    /// Checks the settings are within bounds; the error says what to fix.
    pub fn validate(&self) -> Result<()> {
        if !PASSAGE_WORDS.contains(&self.min_passage_words) {
            return Err(Error::Invalid(format!(
                "the minimum passage length must be between {} and {} words (it is {})",
                PASSAGE_WORDS.start(),
                PASSAGE_WORDS.end(),
                self.min_passage_words
            )));
        }
        if self.aliases.len() > MAX_ALIASES {
            return Err(Error::Invalid(format!(
                "at most {MAX_ALIASES} agency aliases can be set (there are {})",
                self.aliases.len()
            )));
        }
        for a in &self.aliases {
            if a.canonical.trim().is_empty() || a.alias.trim().is_empty() {
                return Err(Error::Invalid(
                    "an agency alias needs both the agency and the alias".into(),
                ));
            }
            check_name("an agency", &a.canonical)?;
            check_name("an alias", &a.alias)?;
        }
        if self.exclude_agencies.len() > MAX_EXCLUDED || self.exclude_sources.len() > MAX_EXCLUDED {
            return Err(Error::Invalid(format!(
                "at most {MAX_EXCLUDED} agencies and {MAX_EXCLUDED} stories can be excluded"
            )));
        }
        for name in &self.exclude_agencies {
            if name.trim().is_empty() {
                return Err(Error::Invalid("an excluded agency has no name".into()));
            }
            check_name("an excluded agency", name)?;
        }
        Ok(())
    }
}

fn check_name(what: &str, name: &str) -> Result<()> {
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(Error::Invalid(format!(
            "{what} may have at most {MAX_NAME_CHARS} characters"
        )));
    }
    Ok(())
}

/// Settings from stored JSON; anything unreadable gives the defaults, since a broken settings
/// row must not stop the app from checking.
pub(super) fn settings_from_json(json: &str) -> Settings {
    serde_json::from_str(json).unwrap_or_else(|e| {
        tracing::warn!(error = %e, "stored settings are unreadable; using the defaults");
        Settings::default()
    })
}

pub(super) fn settings_to_json(settings: &Settings) -> Result<String> {
    serde_json::to_string(settings).map_err(|e| Error::Invalid(format!("settings: {e}")))
}

impl Archive {
    /// The saved settings, or the defaults when none were saved or they cannot be read.
    pub fn settings(&self) -> Result<Settings> {
        let json = self.setting_row(KEY)?;
        Ok(json.map_or_else(Settings::default, |j| settings_from_json(&j)))
    }

    /// Validates and saves the settings.
    pub fn save_settings(&mut self, settings: &Settings) -> Result<()> {
        settings.validate()?;
        let json = settings_to_json(settings)?;
        self.save_setting_row(KEY, &json)
    }

    /// The JSON stored under `key` in the settings table, if any.
    pub(super) fn setting_row(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
            .query_row(params![key], |r| r.get(0))
            .optional()?)
    }

    /// Stores `json` under `key` in the settings table, replacing what was there.
    pub(super) fn save_setting_row(&mut self, key: &str, json: &str) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO settings (key, value) VALUES (?1, ?2) \
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            )?
            .execute(params![key, json])?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::history::tests::fixture;

    #[test]
    fn settings_default_round_trip_and_survive_corruption() {
        let mut archive = Archive::open_in_memory().unwrap();
        assert_eq!(
            archive.settings().unwrap(),
            Settings::default(),
            "unset reads as defaults"
        );
        let settings = Settings {
            preset: Preset::Lenient,
            min_passage_words: 10,
            aliases: vec![AliasSetting {
                canonical: "Reuters".into(),
                alias: "Marrowby Wire".into(),
            }],
            exclude_agencies: vec!["AFP".into()],
            exclude_sources: vec![7, 9],
        };
        archive.save_settings(&settings).unwrap();
        assert_eq!(archive.settings().unwrap(), settings);

        archive
            .conn
            .execute(
                "UPDATE settings SET value = '{\"preset\": \"wild\"' WHERE key = 'app'",
                [],
            )
            .unwrap();
        assert_eq!(
            archive.settings().unwrap(),
            Settings::default(),
            "corrupt settings must not stop the app"
        );
        assert_eq!(
            settings_from_json("{\"preset\": \"strict\"}"),
            Settings {
                preset: Preset::Strict,
                ..Settings::default()
            },
            "missing fields take their defaults"
        );
    }

    #[test]
    fn invalid_settings_are_refused_and_not_saved() {
        let mut archive = Archive::open_in_memory().unwrap();
        let alias = |canonical: &str, alias: &str| AliasSetting {
            canonical: canonical.into(),
            alias: alias.into(),
        };
        let bad = [
            Settings {
                min_passage_words: 2,
                ..Settings::default()
            },
            Settings {
                min_passage_words: 201,
                ..Settings::default()
            },
            Settings {
                aliases: vec![alias("Reuters", "  ")],
                ..Settings::default()
            },
            Settings {
                aliases: vec![alias("", "Wire")],
                ..Settings::default()
            },
            Settings {
                aliases: vec![alias("Reuters", &"w".repeat(101))],
                ..Settings::default()
            },
            Settings {
                aliases: vec![alias("Reuters", "Wire"); 101],
                ..Settings::default()
            },
            Settings {
                exclude_agencies: vec![" ".into()],
                ..Settings::default()
            },
            Settings {
                exclude_agencies: vec!["a".repeat(101)],
                ..Settings::default()
            },
        ];
        for settings in bad {
            match archive.save_settings(&settings) {
                Err(Error::Invalid(_)) => {}
                other => panic!("{settings:?} must be refused, got {other:?}"),
            }
        }
        assert_eq!(archive.settings().unwrap(), Settings::default());
        assert!(Settings::default().validate().is_ok());
    }

    #[test]
    fn check_options_follow_the_settings() {
        let settings = Settings {
            preset: Preset::Strict,
            min_passage_words: 500,
            aliases: vec![AliasSetting {
                canonical: "Reuters".into(),
                alias: "Marrowby Wire".into(),
            }],
            exclude_agencies: vec!["agence france-presse".into()],
            exclude_sources: vec![3],
        };
        let options = settings.check_options();
        assert_eq!(options.thresholds, Thresholds::strict());
        assert_eq!(
            options.align.min_matched, 200,
            "clamped even when unvalidated"
        );
        assert_eq!(
            options.agencies.canonical("Marrowby Wire").as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            options.exclude_agencies,
            vec!["AFP".to_string()],
            "canonicalized"
        );
        assert_eq!(options.exclude_sources, vec![3]);
    }

    #[test]
    fn excluding_an_agency_removes_its_source_from_the_check() {
        let (archive, tide, orchard, article) = fixture();
        let ids = |settings: &Settings| {
            crate::check_text(&archive, &article, &settings.check_options())
                .unwrap()
                .sources
                .iter()
                .map(|s| s.id)
                .collect::<Vec<_>>()
        };
        let all = ids(&Settings::default());
        assert!(all.contains(&tide) && all.contains(&orchard), "{all:?}");
        let without_afp = ids(&Settings {
            exclude_agencies: vec!["Agence France-Presse".into()],
            ..Settings::default()
        });
        assert_eq!(
            without_afp,
            vec![tide],
            "the AFP story is no longer a source"
        );
        let without_tide = ids(&Settings {
            exclude_sources: vec![tide],
            ..Settings::default()
        });
        assert_eq!(without_tide, vec![orchard]);
    }
}
