/**
 * The backend's one long write. A write normally runs in one synchronous better-sqlite3
 * transaction, so no other request can run inside it. The import's write instead yields between
 * chunks (so a cancel and a status poll are answered while it runs), and a transaction that spans
 * awaits lets any other statement on the same connection slip into it — into its rollback, too
 * (Actual's `asyncTransaction` warning, architecture § 3.3). While such a write holds this lock,
 * dispatch makes every other request wait until it has committed or rolled back.
 */
export type WriteLock = Readonly<{
  /** True while a long write holds the lock. */
  held: () => boolean;
  /**
   * Resolves when the current holder lets go (at once when none holds it). Another write may take
   * the lock before the waiter runs, so wait in a loop and act in the same tick the loop ends:
   * `while (lock.held()) await lock.released();`.
   */
  released: () => Promise<void>;
  /** Run `work` holding the lock, after any write that holds it now. */
  exclusive: <T>(work: () => Promise<T>) => Promise<T>;
}>;

export function createWriteLock(): WriteLock {
  let holder: Promise<void> | null = null;

  return {
    held: () => holder !== null,
    released: () => holder ?? Promise.resolve(),
    async exclusive(work) {
      // The check and the taking of the lock run in one tick: nothing can slip in between.
      while (holder !== null) await holder;
      let release: () => void = () => {};
      holder = new Promise<void>((resolve) => {
        release = resolve;
      });
      try {
        return await work();
      } finally {
        holder = null;
        release();
      }
    },
  };
}
