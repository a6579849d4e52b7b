//! Work spread over the machine's cores and handed back in order, so that
//! what a run produces is the same whatever the number of threads.

/// `f` of every item, in the items' order. Items are taken one at a time by
/// up to `available_parallelism` threads, so one slow item does not hold
/// the others back; with one core, or one item, it all runs here.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(items.len());
    if threads < 2 {
        return items.iter().map(f).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut done: Vec<(usize, R)> = std::thread::scope(|s| {
        let (f, next) = (&f, &next);
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(move || {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(item) = items.get(i) else {
                            return done;
                        };
                        done.push((i, f(item)));
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                // A panic in `f` is a bug where `f` is: let it surface as one.
                h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))
            })
            .collect()
    });
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

/// `f` of every item, taken by value, in the items' order: as `map`.
pub fn map_owned<T: Send, R: Send>(items: Vec<T>, f: impl Fn(T) -> R + Sync) -> Vec<R> {
    // Each slot is taken once, by the one thread that draws its index.
    let slots: Vec<std::sync::Mutex<Option<T>>> = items
        .into_iter()
        .map(|t| std::sync::Mutex::new(Some(t)))
        .collect();
    map(&slots, |slot| {
        let item = slot.lock().ok().and_then(|mut s| s.take());
        item.map(&f)
    })
    .into_iter()
    .flatten()
    .collect()
}

/// `aside()` on another thread while `here()` runs on this one (which
/// need not be `Send`), both results once both are done. With one core,
/// or where no thread can be started, one after the other.
pub fn beside<A: Send, B>(aside: impl FnOnce() -> A + Send, here: impl FnOnce() -> B) -> (A, B) {
    if std::thread::available_parallelism().map_or(true, |n| n.get() < 2) {
        return (aside(), here());
    }
    // `aside` is taken once, by the thread, or here if none was started.
    let slot = std::sync::Mutex::new(Some(aside));
    let run = || slot.lock().ok().and_then(|mut f| f.take()).map(|f| f());
    std::thread::scope(|s| {
        let handle = std::thread::Builder::new().spawn_scoped(s, run);
        let b = here();
        let a = match handle {
            // A panic in `aside` is a bug where `aside` is: let it surface as one.
            Ok(h) => h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)),
            Err(_) => run(),
        };
        (a.unwrap_or_else(|| unreachable!("`aside` ran once")), b)
    })
}

/// Drops `value` on a thread of its own, where a core is free: freeing a
/// large tree (a vendor's shapes) is then off the path of the work that
/// follows. Where no thread can be started, it is dropped here.
pub fn drop_aside<T: Send + 'static>(value: T) {
    let slot = std::sync::Arc::new(std::sync::Mutex::new(Some(value)));
    let theirs = std::sync::Arc::clone(&slot);
    let spawned = std::thread::Builder::new().spawn(move || {
        let value = theirs.lock().ok().and_then(|mut v| v.take());
        drop(value);
    });
    if spawned.is_err() {
        let value = slot.lock().ok().and_then(|mut v| v.take());
        drop(value);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn beside_gives_both_results_and_here_need_not_be_send() {
        let here_only = std::rc::Rc::new(3);
        let items: Vec<u64> = (0..10_000).collect();
        let (sum, three) = super::beside(|| items.iter().sum::<u64>(), || *here_only);
        assert_eq!((sum, three), (49_995_000, 3));
    }

    #[test]
    fn results_come_back_in_the_items_order() {
        let items: Vec<u64> = (0..1000).collect();
        // Uneven work, so that threads finish out of order.
        let got = super::map(&items, |&n| (0..(n % 7) * 1000).fold(n, |a, b| a ^ b));
        let want: Vec<u64> = items
            .iter()
            .map(|&n| (0..(n % 7) * 1000).fold(n, |a, b| a ^ b))
            .collect();
        assert_eq!(got, want);
        assert!(super::map(&[] as &[u8], |b| *b).is_empty());
        let owned: Vec<String> = items.iter().map(u64::to_string).collect();
        let lengths = super::map_owned(owned, |s| s.len());
        assert_eq!(
            lengths,
            items
                .iter()
                .map(|n| n.to_string().len())
                .collect::<Vec<_>>()
        );
    }
}
