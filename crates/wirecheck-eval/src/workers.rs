//! Checks on several threads, each with its own read-only connection to one archive file.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use wirecheck_core::{Archive, Error, Result};

/// `work(archive, item)` for every item, on `threads` threads (at least one, at most one per
/// item), each with its own connection to the archive at `db`; results in the items' order.
pub fn on_threads<T: Sync, R: Send>(
    db: &Path,
    items: &[T],
    threads: usize,
    work: impl Fn(&Archive, &T) -> R + Sync,
) -> Result<Vec<R>> {
    let next = AtomicUsize::new(0);
    let threads = threads.clamp(1, items.len().max(1));
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| -> Result<Vec<(usize, R)>> {
                    let archive = Archive::open(db)?;
                    let mut out = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else {
                            break;
                        };
                        out.push((i, work(&archive, item)));
                    }
                    Ok(out)
                })
            })
            .collect();
        let mut all = Vec::with_capacity(items.len());
        for worker in workers {
            match worker.join() {
                Ok(result) => all.extend(result?),
                Err(_) => return Err(Error::Invalid("an evaluation thread failed".into())),
            }
        }
        Ok(all)
    })?;
    done.sort_by_key(|(i, _)| *i);
    Ok(done.into_iter().map(|(_, r)| r).collect())
}
