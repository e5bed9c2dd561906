//! The measurements: one import, one check, peak memory, sizes on disk, percentiles.
//!
//! [`probe_import`] and [`probe_check`] do exactly what `wirecheck import` and
//! `wirecheck check` do, timed; the CLI runs them in a child process of its own so that the
//! peak RSS they report is theirs alone, not the benchmark's (which holds the corpus).

use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::{Deserialize, Serialize};

use crate::archive::importer::Importer;
use crate::archive::store::Archive;
use crate::check::{CheckOptions, check};
use crate::verdict::Derived;
use crate::{Error, Result};

/// What one import measured.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ImportProbe {
    /// Stories stored.
    pub imported: usize,
    /// Stories that repeated a stored one (identical words).
    pub duplicates: usize,
    /// Files skipped (should be none).
    pub skipped: usize,
    /// Wall-clock seconds of `Importer::run`, archive open excluded.
    pub seconds: f64,
    /// CPU seconds (user + system, all threads) of `Importer::run`; `None` off Linux. Less
    /// sensitive than `seconds` to other programs sharing the cores.
    #[serde(default)]
    pub cpu_seconds: Option<f64>,
    /// Peak resident memory of the process that imported, bytes; `None` off Linux.
    pub peak_rss_bytes: Option<u64>,
}

/// What one check measured.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct CheckProbe {
    /// The verdict.
    pub derived: Derived,
    /// Seconds to open the archive.
    pub open_seconds: f64,
    /// Seconds of the check, the first on this connection.
    pub check_seconds: f64,
    /// Peak resident memory of the process that checked, bytes; `None` off Linux.
    pub peak_rss_bytes: Option<u64>,
}

/// What one audit measured.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct AuditProbe {
    /// Worker threads.
    pub jobs: usize,
    /// Articles audited (checked or recorded as errors).
    pub articles: usize,
    /// Of which flagged.
    pub flagged: usize,
    /// Of which could not be checked (should be none).
    pub failed: usize,
    /// Wall-clock seconds of the whole audit: archive open, every check, every line and
    /// report written, `summary.csv` and `index.html` made.
    pub seconds: f64,
    /// `articles / seconds`.
    pub articles_per_second: f64,
    /// Peak resident memory of the process that audited, bytes; `None` off Linux.
    pub peak_rss_bytes: Option<u64>,
}

/// Audits the JSON Lines export `input` against `db` on `jobs` workers into a fresh folder
/// `out`, as `wirecheck audit` does.
pub fn probe_audit(db: &Path, input: &Path, out: &Path, jobs: usize) -> Result<AuditProbe> {
    if out.exists() {
        std::fs::remove_dir_all(out).map_err(|e| Error::io(out, e))?;
    }
    let options = crate::audit::AuditOptions {
        jobs,
        ..crate::audit::AuditOptions::default()
    };
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let started = Instant::now();
    let summary = crate::audit::audit(
        db,
        &[input.to_path_buf()],
        out,
        &options,
        &cancel,
        &mut |_| {},
    )?;
    let seconds = started.elapsed().as_secs_f64();
    let articles = summary.checked + summary.failed;
    Ok(AuditProbe {
        jobs,
        articles,
        flagged: summary.totals.flagged,
        failed: summary.totals.failed(),
        seconds,
        articles_per_second: if seconds > 0.0 {
            articles as f64 / seconds
        } else {
            0.0
        },
        peak_rss_bytes: peak_rss_bytes(),
    })
}

/// Imports the files under `input` into the archive `db`, as `wirecheck import` does.
pub fn probe_import(db: &Path, input: &Path) -> Result<ImportProbe> {
    let mut archive = Archive::open(db)?;
    let cpu_before = cpu_seconds();
    let started = Instant::now();
    let summary = Importer::new().run(&mut archive, &[input.to_path_buf()], |_| {})?;
    let seconds = started.elapsed().as_secs_f64();
    let cpu = cpu_seconds()
        .zip(cpu_before)
        .map(|(after, before)| after - before);
    drop(archive);
    Ok(ImportProbe {
        imported: summary.imported,
        duplicates: summary.duplicates,
        skipped: summary.skipped.len(),
        seconds,
        cpu_seconds: cpu,
        peak_rss_bytes: peak_rss_bytes(),
    })
}

/// Opens the archive `db` and checks the article file `article` with the default options, as
/// `wirecheck check` does.
pub fn probe_check(db: &Path, article: &Path) -> Result<CheckProbe> {
    let bytes = std::fs::read(article).map_err(|e| Error::io(article, e))?;
    let started = Instant::now();
    let archive = Archive::open(db)?;
    let open_seconds = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let report = check(&archive, &bytes, &CheckOptions::default())?;
    let check_seconds = started.elapsed().as_secs_f64();
    Ok(CheckProbe {
        derived: report.derived,
        open_seconds,
        check_seconds,
        peak_rss_bytes: peak_rss_bytes(),
    })
}

/// CPU seconds this process has used, user and system, all threads (`/proc/self/stat`, in
/// the kernel's fixed user-space clock of 100 ticks a second); `None` off Linux.
pub fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    stat_cpu_seconds(&stat)
}

fn stat_cpu_seconds(stat: &str) -> Option<f64> {
    // The command name (field 2) is in parentheses and may hold spaces: count from after it.
    let fields: Vec<&str> = stat
        .get(stat.rfind(')')? + 1..)?
        .split_whitespace()
        .collect();
    // utime and stime are fields 14 and 15, the 12th and 13th after the name.
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(ticks as f64 / 100.0)
}

/// Writes the archive `db` (and its `-wal`) to disk and asks the kernel to drop them from its
/// page cache, so that the next open reads from the disk as after a reboot. Returns whether
/// it could (Linux and the other systems with `posix_fadvise`).
pub fn evict_from_page_cache(db: &Path) -> Result<bool> {
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    for path in [db.to_path_buf(), PathBuf::from(wal)] {
        let file = match std::fs::File::open(&path) {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(Error::io(&path, e)),
        };
        // Dirty pages are not dropped: write them first.
        file.sync_all().map_err(|e| Error::io(&path, e))?;
        #[cfg(any(target_os = "linux", target_os = "android", target_os = "freebsd"))]
        rustix::fs::fadvise(&file, 0, None, rustix::fs::Advice::DontNeed)
            .map_err(|e| Error::io(&path, e.into()))?;
        #[cfg(not(any(target_os = "linux", target_os = "android", target_os = "freebsd")))]
        return Ok(false);
    }
    Ok(true)
}

/// The peak resident set size of this process (`VmHWM`), on Linux; `None` elsewhere or when
/// `/proc` cannot be read.
pub fn peak_rss_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status_kib(&status, "VmHWM:").map(|kib| kib * 1024)
}

fn status_kib(status: &str, key: &str) -> Option<u64> {
    let line = status.lines().find(|l| l.starts_with(key))?;
    line[key.len()..].split_whitespace().next()?.parse().ok()
}

/// Bytes of the archive file and its write-ahead log.
pub fn disk_bytes(db: &Path) -> (u64, u64) {
    let size = |p: &Path| std::fs::metadata(p).map_or(0, |m| m.len());
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    (size(db), size(&PathBuf::from(wal)))
}

/// The `p`-th percentile (0..=100) of `sorted` by nearest rank; 0 when empty.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted
        .get(rank.clamp(1, sorted.len()) - 1)
        .copied()
        .unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let v: Vec<f64> = (1..=20).map(f64::from).collect();
        assert_eq!(percentile(&v, 50.0), 10.0);
        assert_eq!(percentile(&v, 95.0), 19.0);
        assert_eq!(percentile(&v, 100.0), 20.0);
        assert_eq!(percentile(&[3.0], 95.0), 3.0);
        assert_eq!(percentile(&[], 50.0), 0.0, "no samples, no panic");
    }

    #[test]
    fn reads_cpu_time_from_proc_stat() {
        let stat = "4242 (my (odd) name) S 1 2 3 4 5 6 7 8 9 10 250 125 0 0 20 0 3 0";
        assert_eq!(
            stat_cpu_seconds(stat),
            Some(3.75),
            "utime 250 + stime 125 ticks"
        );
        assert_eq!(stat_cpu_seconds("garbage"), None);
        if cfg!(target_os = "linux") {
            assert!(cpu_seconds().is_some());
        }
    }

    #[test]
    fn reads_the_high_water_mark() {
        let status = "Name:\tx\nVmPeak:\t  9000 kB\nVmHWM:\t    1234 kB\nVmRSS:\t 1000 kB\n";
        assert_eq!(status_kib(status, "VmHWM:"), Some(1234));
        assert_eq!(status_kib("garbage", "VmHWM:"), None);
        if cfg!(target_os = "linux") {
            assert!(peak_rss_bytes().is_some_and(|b| b > 0));
        }
    }
}
