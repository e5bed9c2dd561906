//! The fingerprint index on disk: for each fingerprint, the stories that hold it.
//!
//! The index is log-structured. A write (an import's batch) adds one *run*: its fingerprints
//! sorted, one row per fingerprint with the ids of its stories packed (delta-coded varints).
//! Rows are keyed by `(run, hash)` and a new run has the highest number, so writing it appends
//! at the end of the table's B-tree instead of touching pages all over it: a B-tree clustered
//! by hash alone takes every story's rows at random places, and once it outgrows the page cache
//! each batch rewrites most of its pages (the limit of import speed at a million stories).
//!
//! Runs are merged by size tier, as in an LSM tree: when [`FANOUT`] runs share a tier they
//! become one run of the next, so every posting is rewritten a few times (log₈ of the archive's
//! size) and the number of runs stays small. A lookup reads one row per run. After a large import
//! [`settle`] merges everything but the largest run, so a check reads at most two.
//!
//! Removing stories ([`remove`]) rewrites the rows of their fingerprints without them; it
//! needs each story's fingerprints, which are recomputed from its stored body.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, Transaction, params};

use crate::index::fingerprint;
use crate::{Error, Result};

/// Runs of one size tier merged into one of the next.
const FANOUT: usize = 8;
/// Rows of a run of the smallest tier; each tier's runs are [`FANOUT`] times larger.
const TIER_ROWS: i64 = 65_536;
/// About this many rows of the runs being merged are held in memory at once.
const MERGE_CHUNK_ROWS: i64 = 200_000;

/// The size tier of a run of `rows` rows.
pub(crate) fn tier(rows: i64) -> i64 {
    let mut tier = 0;
    let mut limit = TIER_ROWS;
    while rows >= limit && tier < 16 {
        tier += 1;
        limit = limit.saturating_mul(FANOUT as i64);
    }
    tier
}

/// Appends `ids` (sorted ascending, distinct, non-negative) to `out`, delta-coded.
pub(crate) fn encode(ids: &[i64], out: &mut Vec<u8>) {
    let mut previous = 0u64;
    for &id in ids {
        let id = id as u64;
        let mut delta = id.wrapping_sub(previous);
        previous = id;
        loop {
            let byte = (delta & 0x7f) as u8;
            delta >>= 7;
            if delta == 0 {
                out.push(byte);
                break;
            }
            out.push(byte | 0x80);
        }
    }
}

/// The ids packed by [`encode`], appended to `out`.
pub(crate) fn decode(bytes: &[u8], out: &mut Vec<i64>) -> Result<()> {
    let mut previous = 0u64;
    let mut delta = 0u64;
    let mut shift = 0u32;
    for &byte in bytes {
        if shift > 63 {
            return Err(corrupt());
        }
        delta |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            previous = previous.wrapping_add(delta);
            out.push(previous as i64);
            delta = 0;
            shift = 0;
        } else {
            shift += 7;
        }
    }
    if shift != 0 {
        return Err(corrupt());
    }
    Ok(())
}

fn corrupt() -> Error {
    Error::Invalid("the fingerprint index is damaged (run `wirecheck repair`)".into())
}

/// The ids of the stories holding `hash`, sorted, or `None` when more than `limit` do (a
/// stock phrase: its rows are not read past their counts).
pub(crate) fn lookup(
    conn: &rusqlite::Connection,
    hash: i64,
    limit: usize,
) -> Result<Option<Vec<i64>>> {
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let mut stmt = conn.prepare_cached(
        // CROSS JOIN keeps the runs as the outer loop: one seek per run. Left to the planner,
        // it may scan the lists instead.
        "SELECT p.n, CASE WHEN p.n <= ?2 THEN p.ids END FROM posting_runs r \
         CROSS JOIN posting_lists p WHERE p.run = r.run AND p.hash = ?1",
    )?;
    let mut rows = stmt.query(params![hash, limit])?;
    let mut total = 0i64;
    let mut ids = Vec::new();
    while let Some(row) = rows.next()? {
        total += row.get::<_, i64>(0)?;
        if total > limit {
            return Ok(None);
        }
        let packed: Vec<u8> = row.get(1)?;
        decode(&packed, &mut ids)?;
    }
    ids.sort_unstable();
    Ok(Some(ids))
}

/// Whether story `id` is listed under `hash`.
pub(crate) fn contains(conn: &rusqlite::Connection, hash: i64, id: i64) -> Result<bool> {
    Ok(lookup(conn, hash, usize::MAX)?.is_some_and(|ids| ids.binary_search(&id).is_ok()))
}

/// Calls `each(hash, story_id)` for every posting, run by run.
pub(crate) fn for_each(conn: &rusqlite::Connection, mut each: impl FnMut(i64, i64)) -> Result<()> {
    let mut stmt = conn.prepare("SELECT hash, ids FROM posting_lists")?;
    let mut rows = stmt.query([])?;
    let mut ids = Vec::new();
    while let Some(row) = rows.next()? {
        let hash: i64 = row.get(0)?;
        let packed: Vec<u8> = row.get(1)?;
        ids.clear();
        decode(&packed, &mut ids)?;
        for &id in &ids {
            each(hash, id);
        }
    }
    Ok(())
}

/// Empties the index.
pub(crate) fn clear(tx: &Transaction) -> Result<()> {
    tx.execute("DELETE FROM posting_lists", [])?;
    tx.execute("DELETE FROM posting_runs", [])?;
    Ok(())
}

fn next_run(tx: &Transaction) -> Result<i64> {
    // Runs are numbered upwards and never reused: a new run's rows sort after every other's.
    Ok(tx.query_row(
        "SELECT max(coalesce((SELECT max(run) FROM posting_runs), 0), \
                    coalesce((SELECT max(run) FROM posting_lists), 0)) + 1",
        [],
        |r| r.get(0),
    )?)
}

/// Adds `pairs` (fingerprint, story id) as a new run, then merges runs whose tier is full.
/// `pairs` is sorted in place.
pub(crate) fn add(tx: &Transaction, pairs: &mut [(i64, i64)]) -> Result<()> {
    if pairs.is_empty() {
        return Ok(());
    }
    pairs.sort_unstable();
    let run = next_run(tx)?;
    let mut rows = 0i64;
    {
        let mut insert = tx.prepare_cached(
            "INSERT INTO posting_lists (run, hash, n, ids) VALUES (?1, ?2, ?3, ?4)",
        )?;
        let mut ids: Vec<i64> = Vec::new();
        let mut packed = Vec::new();
        for group in pairs.chunk_by(|a, b| a.0 == b.0) {
            ids.clear();
            ids.extend(group.iter().map(|&(_, id)| id));
            ids.dedup();
            packed.clear();
            encode(&ids, &mut packed);
            insert.execute(params![run, group[0].0, ids.len() as i64, packed])?;
            rows += 1;
        }
    }
    tx.execute(
        "INSERT INTO posting_runs (run, tier, rows) VALUES (?1, ?2, ?3)",
        params![run, tier(rows), rows],
    )?;
    merge_full_tiers(tx)
}

/// Merges the runs of the lowest tier that holds [`FANOUT`] of them, until none does.
fn merge_full_tiers(tx: &Transaction) -> Result<()> {
    loop {
        let full: Option<i64> = tx
            .query_row(
                "SELECT tier FROM posting_runs GROUP BY tier HAVING count(*) >= ?1 \
                 ORDER BY tier LIMIT 1",
                params![FANOUT as i64],
                |r| r.get(0),
            )
            .optional()?;
        let Some(full) = full else {
            return Ok(());
        };
        let runs = runs_where(tx, "WHERE tier = ?1", params![full])?;
        merge(tx, &runs)?;
    }
}

fn runs_where(
    tx: &Transaction,
    filter: &str,
    values: impl rusqlite::Params,
) -> Result<Vec<(i64, i64)>> {
    let mut stmt = tx.prepare(&format!(
        "SELECT run, rows FROM posting_runs {filter} ORDER BY run"
    ))?;
    let rows = stmt.query_map(values, |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// After a large import: merges every run but the largest, so that a lookup reads at most two rows.
pub(crate) fn settle(tx: &Transaction) -> Result<()> {
    let mut runs = runs_where(tx, "", [])?;
    if runs.len() <= 2 {
        return Ok(());
    }
    let largest = runs
        .iter()
        .enumerate()
        .max_by_key(|(_, (_, rows))| *rows)
        .map_or(0, |(i, _)| i);
    runs.remove(largest);
    merge(tx, &runs)
}

/// Merges all runs into one.
pub(crate) fn compact(tx: &Transaction) -> Result<()> {
    let runs = runs_where(tx, "", [])?;
    if runs.len() > 1 {
        merge(tx, &runs)?;
    }
    Ok(())
}

/// Merges `runs` (run, rows) into one new run. The hash space is cut into ranges of about
/// [`MERGE_CHUNK_ROWS`] rows; each range is read from every run, merged, written and deleted
/// from the old runs before the next, so memory stays bounded and freed pages are reused at
/// once.
fn merge(tx: &Transaction, runs: &[(i64, i64)]) -> Result<()> {
    let total: i64 = runs.iter().map(|&(_, rows)| rows).sum();
    let chunks = (total / MERGE_CHUNK_ROWS).clamp(1, 1 << 16) as i128;
    let run = next_run(tx)?;
    let mut written = 0i64;
    let mut read = tx.prepare_cached(
        "SELECT hash, n, ids FROM posting_lists WHERE run = ?1 AND hash BETWEEN ?2 AND ?3",
    )?;
    let mut delete =
        tx.prepare_cached("DELETE FROM posting_lists WHERE run = ?1 AND hash BETWEEN ?2 AND ?3")?;
    let mut insert =
        tx.prepare_cached("INSERT INTO posting_lists (run, hash, n, ids) VALUES (?1, ?2, ?3, ?4)")?;
    let span = (1i128 << 64) / chunks;
    let mut rows: Vec<(i64, i64, Vec<u8>)> = Vec::new();
    let mut ids = Vec::new();
    let mut packed = Vec::new();
    for chunk in 0..chunks {
        let low = (i128::from(i64::MIN) + chunk * span) as i64;
        let high = if chunk + 1 == chunks {
            i64::MAX
        } else {
            (i128::from(i64::MIN) + (chunk + 1) * span - 1) as i64
        };
        rows.clear();
        for &(old, _) in runs {
            let found = read.query_map(params![old, low, high], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?;
            for row in found {
                rows.push(row?);
            }
        }
        rows.sort_by_key(|row| row.0);
        for group in rows.chunk_by(|a, b| a.0 == b.0) {
            if let [(hash, n, blob)] = group {
                // In one run only: its row is copied as it is.
                insert.execute(params![run, hash, n, blob])?;
            } else {
                ids.clear();
                for (_, _, blob) in group {
                    decode(blob, &mut ids)?;
                }
                ids.sort_unstable();
                ids.dedup();
                packed.clear();
                encode(&ids, &mut packed);
                insert.execute(params![run, group[0].0, ids.len() as i64, packed])?;
            }
            written += 1;
        }
        for &(old, _) in runs {
            delete.execute(params![old, low, high])?;
        }
    }
    let mut forget = tx.prepare_cached("DELETE FROM posting_runs WHERE run = ?1")?;
    for &(old, _) in runs {
        forget.execute(params![old])?;
    }
    tx.execute(
        "INSERT INTO posting_runs (run, tier, rows) VALUES (?1, ?2, ?3)",
        params![run, tier(written), written],
    )?;
    Ok(())
}

/// Removes stories from the index: each `(story id, its fingerprints)`. Every row of a
/// fingerprint is rewritten once, however many of the stories hold it (a prune of thousands of
/// stories rewrites a stock phrase's long row once, not once per story). Returns how many
/// (fingerprint, story) postings were removed.
pub(crate) fn remove(tx: &Transaction, stories: &[(i64, Vec<i64>)]) -> Result<u64> {
    let mut by_hash: HashMap<i64, Vec<i64>> = HashMap::new();
    for (id, hashes) in stories {
        for &hash in hashes {
            by_hash.entry(hash).or_default().push(*id);
        }
    }
    let mut hashes: Vec<i64> = by_hash.keys().copied().collect();
    hashes.sort_unstable();
    let mut select = tx.prepare_cached(
        "SELECT p.run, p.ids FROM posting_runs r \
         CROSS JOIN posting_lists p WHERE p.run = r.run AND p.hash = ?1",
    )?;
    let mut update = tx
        .prepare_cached("UPDATE posting_lists SET n = ?3, ids = ?4 WHERE run = ?1 AND hash = ?2")?;
    let mut delete = tx.prepare_cached("DELETE FROM posting_lists WHERE run = ?1 AND hash = ?2")?;
    let mut shrink = tx.prepare_cached("UPDATE posting_runs SET rows = rows - 1 WHERE run = ?1")?;
    let mut ids = Vec::new();
    let mut packed = Vec::new();
    let mut removed = 0u64;
    for hash in hashes {
        let mut gone = by_hash.remove(&hash).unwrap_or_default();
        gone.sort_unstable();
        let found: Vec<(i64, Vec<u8>)> = select
            .query_map(params![hash], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (run, blob) in found {
            ids.clear();
            decode(&blob, &mut ids)?;
            let before = ids.len();
            ids.retain(|id| gone.binary_search(id).is_err());
            if ids.len() == before {
                continue;
            }
            removed += (before - ids.len()) as u64;
            if ids.is_empty() {
                delete.execute(params![run, hash])?;
                shrink.execute(params![run])?;
            } else {
                packed.clear();
                encode(&ids, &mut packed);
                update.execute(params![run, hash, ids.len() as i64, packed])?;
            }
        }
    }
    tx.execute("DELETE FROM posting_runs WHERE rows <= 0", [])?;
    Ok(removed)
}

/// Remakes the index from the stored stories' bodies (a changed fingerprint scheme, a
/// repair), in the caller's transaction. Returns the postings written.
pub(crate) fn rebuild(tx: &Transaction) -> Result<u64> {
    /// Postings collected before they are written as a run.
    const RUN_PAIRS: usize = 1 << 20;
    clear(tx)?;
    let mut written = 0u64;
    let mut pairs: Vec<(i64, i64)> = Vec::new();
    let mut select = tx.prepare("SELECT id, body, language FROM stories ORDER BY id")?;
    let mut rows = select.query([])?;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let body: String = row.get(1)?;
        let language: Option<String> = row.get(2)?;
        let tokens = super::store::story_tokens(&body, language.as_deref());
        pairs.extend(
            fingerprint::fingerprints(&tokens)
                .into_iter()
                .map(|h| (h, id)),
        );
        if pairs.len() >= RUN_PAIRS {
            written += pairs.len() as u64;
            add(tx, &mut pairs)?;
            pairs.clear();
        }
    }
    written += pairs.len() as u64;
    add(tx, &mut pairs)?;
    compact(tx)?;
    Ok(written)
}

/// Number of (fingerprint, story) postings.
#[cfg(test)]
pub(crate) fn count(conn: &rusqlite::Connection) -> i64 {
    conn.query_row("SELECT coalesce(sum(n), 0) FROM posting_lists", [], |r| {
        r.get(0)
    })
    .unwrap_or(-1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> rusqlite::Connection {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        super::super::migrations::migrations()
            .to_latest(&mut conn)
            .unwrap();
        conn
    }

    fn all(conn: &rusqlite::Connection) -> Vec<(i64, i64)> {
        let mut pairs = Vec::new();
        for_each(conn, |h, id| pairs.push((h, id))).unwrap();
        pairs.sort_unstable();
        pairs
    }

    fn runs(conn: &rusqlite::Connection) -> i64 {
        conn.query_row("SELECT count(*) FROM posting_runs", [], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn a_lookup_seeks_each_run_and_never_scans_the_lists() {
        let conn = index();
        let plan: Vec<String> = conn
            .prepare(
                "EXPLAIN QUERY PLAN SELECT p.n, CASE WHEN p.n <= ?2 THEN p.ids END \
                 FROM posting_runs r CROSS JOIN posting_lists p \
                 WHERE p.run = r.run AND p.hash = ?1",
            )
            .unwrap()
            .query_map([1, 2], |r| r.get(3))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert!(
            plan.iter()
                .any(|step| step.contains("SEARCH p USING PRIMARY KEY (run=? AND hash=?)")),
            "regression: the planner scanned posting_lists once per lookup: {plan:?}"
        );
    }

    #[test]
    fn ids_round_trip_through_the_packed_form() {
        let ids = [0, 1, 2, 127, 128, 300, 16_384, 1 << 40, i64::MAX];
        let mut packed = Vec::new();
        encode(&ids, &mut packed);
        assert!(packed.len() < ids.len() * 8, "small gaps take few bytes");
        let mut back = Vec::new();
        decode(&packed, &mut back).unwrap();
        assert_eq!(back, ids);
        assert!(
            decode(&[0x80], &mut back).is_err(),
            "a varint cut short is damage, not a number"
        );
    }

    #[test]
    fn lookups_see_every_run_and_stock_phrases_are_not_read() {
        let mut conn = index();
        let tx = conn.transaction().unwrap();
        add(&tx, &mut [(5, 1), (7, 1), (9, 2)]).unwrap();
        add(&tx, &mut [(5, 3), (7, 3)]).unwrap();
        tx.commit().unwrap();
        assert_eq!(runs(&conn), 2);
        assert_eq!(
            lookup(&conn, 5, 10).unwrap(),
            Some(vec![1, 3]),
            "both runs are read"
        );
        assert_eq!(lookup(&conn, 9, 10).unwrap(), Some(vec![2]));
        assert_eq!(lookup(&conn, 4, 10).unwrap(), Some(vec![]));
        assert_eq!(
            lookup(&conn, 5, 1).unwrap(),
            None,
            "held by more stories than the limit: a stock phrase"
        );
        assert!(contains(&conn, 7, 3).unwrap());
        assert!(!contains(&conn, 9, 3).unwrap());
    }

    #[test]
    fn full_tiers_merge_and_settle_leaves_at_most_two_runs() {
        let mut conn = index();
        let tx = conn.transaction().unwrap();
        let mut expected = Vec::new();
        for story in 1..=(FANOUT as i64 * 2 + 3) {
            let mut pairs: Vec<(i64, i64)> = (0..20).map(|h| (h * 7 - 50, story)).collect();
            pairs.push((1_000 + story, story));
            expected.extend(pairs.iter().copied());
            add(&tx, &mut pairs).unwrap();
        }
        assert!(
            runs(&tx) < FANOUT as i64,
            "runs of a full tier were merged: {}",
            runs(&tx)
        );
        settle(&tx).unwrap();
        assert!(runs(&tx) <= 2);
        compact(&tx).unwrap();
        tx.commit().unwrap();
        assert_eq!(runs(&conn), 1);
        expected.sort_unstable();
        assert_eq!(all(&conn), expected, "merging keeps every posting, once");
        assert_eq!(
            lookup(&conn, -50, 100).unwrap().map(|ids| ids.len()),
            Some(FANOUT * 2 + 3)
        );
    }

    #[test]
    fn merges_cut_the_hash_space_into_ranges_without_losing_rows() {
        let mut conn = index();
        let tx = conn.transaction().unwrap();
        // Hashes over the whole signed range, including both ends, in two runs.
        let spread = |i: i64| (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) as i64;
        let mut first: Vec<(i64, i64)> = (0..300_000).map(|i| (spread(i), 1)).collect();
        first.push((i64::MIN, 1));
        first.push((i64::MAX, 1));
        add(&tx, &mut first).unwrap();
        add(&tx, &mut [(i64::MIN, 2), (i64::MAX, 2), (spread(5), 2)]).unwrap();
        compact(&tx).unwrap();
        tx.commit().unwrap();
        assert_eq!(runs(&conn), 1);
        assert_eq!(count(&conn), 300_002 + 3);
        assert_eq!(lookup(&conn, i64::MIN, 10).unwrap(), Some(vec![1, 2]));
        assert_eq!(lookup(&conn, i64::MAX, 10).unwrap(), Some(vec![1, 2]));
        assert_eq!(lookup(&conn, spread(5), 10).unwrap(), Some(vec![1, 2]));
    }

    #[test]
    fn removing_stories_rewrites_their_rows_in_every_run() {
        let mut conn = index();
        let tx = conn.transaction().unwrap();
        add(&tx, &mut [(5, 1), (6, 1), (5, 2)]).unwrap();
        add(&tx, &mut [(5, 3), (6, 3), (8, 3)]).unwrap();
        remove(&tx, &[(1, vec![5, 6]), (3, vec![5, 6, 8])]).unwrap();
        tx.commit().unwrap();
        assert_eq!(
            all(&conn),
            [(5, 2)],
            "only the kept story's posting is left"
        );
        assert_eq!(runs(&conn), 1, "a run left empty is dropped");
    }
}
