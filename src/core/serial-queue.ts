/**
 * One keyed serial queue: tasks of the same key run one after another, in the order they were queued, so a
 * read-modify-write of stored state cannot interleave with another of the same state. Tasks of different keys do not
 * wait for each other. A task that fails rejects only its own promise; the next task of the key still runs.
 */
export interface KeyedQueue<K> {
  /** Runs `task` after every earlier task of `key` has settled. */
  run<T>(key: K, task: () => T | Promise<T>): Promise<T>;
  /** How many keys have a task queued or running; a key is dropped as soon as its last task settles. */
  readonly size: number;
}

export function createKeyedQueue<K>(): KeyedQueue<K> {
  /** The settled tail of each key's chain: it never rejects, so one failure cannot poison the tasks after it. */
  const tails = new Map<K, Promise<void>>();
  const ignore = () => undefined;

  function run<T>(key: K, task: () => T | Promise<T>): Promise<T> {
    const result = (tails.get(key) ?? Promise.resolve()).then(task);
    const tail = result.then(ignore, ignore);
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return result;
  }

  return {
    run,
    get size() {
      return tails.size;
    },
  };
}
