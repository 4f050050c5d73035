//! Query deadlines kept by one thread, however many queries run: a server
//! that slept a thread per query for its timeout would hold hundreds of
//! them under load (oxigraph's `serve` did).

use oxigraph::sparql::CancellationToken;
use std::collections::BTreeMap;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// The deadlines of the queries under way, earliest first.
#[derive(Default)]
struct Deadlines {
    pending: BTreeMap<(Instant, u64), CancellationToken>,
    next_id: u64,
    stopped: bool,
}

#[derive(Default)]
struct Shared {
    deadlines: Mutex<Deadlines>,
    changed: Condvar,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Deadlines> {
        // A panic elsewhere cannot leave the map half-changed: every
        // change is one insert or remove.
        self.deadlines.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Cancels each watched query when its time is up, from one thread that
/// sleeps until the earliest deadline. The thread ends when the watcher is
/// dropped.
pub struct Watcher {
    shared: Arc<Shared>,
}

/// A query being watched; dropping it (the query finished) forgets it.
pub struct Watch {
    shared: Arc<Shared>,
    key: (Instant, u64),
}

impl Watcher {
    /// Starts the watching thread.
    pub fn start() -> Self {
        let shared = Arc::new(Shared::default());
        let watching = Arc::clone(&shared);
        std::thread::Builder::new()
            .name("query deadlines".into())
            .spawn(move || watch(&watching))
            .expect("the system can start one thread");
        Watcher { shared }
    }

    /// Cancels `token` after `timeout`, unless the returned `Watch` is
    /// dropped first.
    pub fn watch(&self, token: &CancellationToken, timeout: Duration) -> Watch {
        let mut deadlines = self.shared.lock();
        deadlines.next_id += 1;
        let key = (Instant::now() + timeout, deadlines.next_id);
        deadlines.pending.insert(key, token.clone());
        drop(deadlines);
        self.shared.changed.notify_one();
        Watch {
            shared: Arc::clone(&self.shared),
            key,
        }
    }

    /// How many queries are being watched.
    pub fn len(&self) -> usize {
        self.shared.lock().pending.len()
    }

    /// Is no query being watched?
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        self.shared.lock().stopped = true;
        self.shared.changed.notify_one();
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.shared.lock().pending.remove(&self.key);
    }
}

/// The watching thread: cancel what is due, sleep until the next deadline
/// or a change.
fn watch(shared: &Shared) {
    let mut deadlines = shared.lock();
    while !deadlines.stopped {
        let now = Instant::now();
        while let Some(entry) = deadlines.pending.first_entry() {
            if entry.key().0 > now {
                break;
            }
            entry.remove().cancel();
        }
        let wait = deadlines
            .pending
            .keys()
            .next()
            .map(|(at, _)| at.saturating_duration_since(now));
        deadlines = match wait {
            Some(wait) => {
                shared
                    .changed
                    .wait_timeout(deadlines, wait)
                    .unwrap_or_else(|e| e.into_inner())
                    .0
            }
            None => shared
                .changed
                .wait(deadlines)
                .unwrap_or_else(|e| e.into_inner()),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn due_queries_are_cancelled_and_finished_ones_forgotten() {
        let watcher = Watcher::start();
        let (slow, quick) = (CancellationToken::new(), CancellationToken::new());
        let _slow = watcher.watch(&slow, Duration::from_millis(50));
        let quick_watch = watcher.watch(&quick, Duration::from_millis(60));
        drop(quick_watch);
        assert_eq!(watcher.len(), 1);
        std::thread::sleep(Duration::from_millis(300));
        assert!(slow.is_cancelled());
        assert!(!quick.is_cancelled());
        assert!(watcher.is_empty());
    }
}
