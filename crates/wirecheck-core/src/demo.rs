//! The fictional demo archive and articles bundled into the binaries, so the CLI and the
//! desktop app can show what Wirecheck does on a machine with no archive yet. Every text is
//! written for this project (see `demo/README.md`).

use crate::Result;
use crate::archive::importer::{ImportSummary, Importer};
use crate::archive::store::Archive;

macro_rules! bundle {
    ($dir:literal: $($name:literal),* $(,)?) => {
        &[$(($name, include_bytes!(concat!("../../../demo/", $dir, "/", $name)))),*]
    };
}

/// The demo archive's files: (file name, bytes).
pub static ARCHIVE: &[(&str, &[u8])] = bundle!("archive":
    "afp-fr-criee.txt",
    "afp-vineyards.txt",
    "ap-wildfire.txt",
    "india-wires.jsonl",
    "pa-court.txt",
    "prnewswire-solar.txt",
    "reuters-harbour-bridge.xml",
    "reuters-port-ammonia.xml",
    "reuters-port-strike.txt",
    "reuters-summit.xml",
    "xinhua-rail.html",
);

/// The demo articles: (file name, bytes).
pub static ARTICLES: &[(&str, &[u8])] = bundle!("articles":
    "credited-reuters.txt",
    "uncredited-reuters.txt",
    "partial-ap.txt",
    "with-inputs-pti.txt",
    "independent-wildfire.txt",
    "wrong-agency.txt",
    "photo-credit-only.txt",
    "press-release.txt",
    "press-release-2.txt",
    "background-only.txt",
    "article.html",
    "fr-credited-afp.txt",
);

/// Loads the demo archive into `archive`; stories already there are counted as duplicates.
pub fn load_demo(archive: &mut Archive) -> Result<ImportSummary> {
    let files: Vec<(String, &[u8])> = ARCHIVE
        .iter()
        .map(|(name, bytes)| (format!("demo:{name}"), *bytes))
        .collect();
    let files: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (n.as_str(), *b)).collect();
    Importer::new().run_bytes(archive, &files)
}
