/**
 * What the report form keeps on the device between visits that localStorage cannot hold: reports waiting for the
 * network with their photos, and the draft's photos not uploaded yet, as Blobs. IndexedDB in the browser (it stores
 * Blobs as they are); tests use the in-memory store, which behaves the same through the same interface.
 */
export interface DeviceStore {
  /** The value under the key, or undefined. */
  get(key: string): Promise<unknown>;
  /** Stores a value (plain data and Blobs); rejects when the device refuses (full, blocked). */
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  /** The keys that start with the prefix. */
  keys(prefix: string): Promise<string[]>;
}

/** A store kept in memory only (tests, and the shape every store follows). */
export function createMemoryStore(): DeviceStore {
  const values = new Map<string, unknown>();
  return {
    get: async (key) => values.get(key),
    set: async (key, value) => {
      values.set(key, value);
    },
    delete: async (key) => {
      values.delete(key);
    },
    keys: async (prefix) => [...values.keys()].filter((key) => key.startsWith(prefix)),
  };
}

const DATABASE_NAME = 'onecity';
const DATABASE_VERSION = 1;
const STORE_NAME = 'reports-offline';

const asPromise = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });

/** A store in the browser's IndexedDB (one object store, keys are strings); undefined where there is none. */
export function openIndexedDbStore(factory: IDBFactory | undefined = globalThis.indexedDB): DeviceStore | undefined {
  if (factory === undefined) return undefined;
  let opened: Promise<IDBDatabase> | undefined;
  const database = () => {
    opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(DATABASE_NAME, DATABASE_VERSION);
      request.onupgradeneeded = () => {
        if (!request.result.objectStoreNames.contains(STORE_NAME)) request.result.createObjectStore(STORE_NAME);
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB cannot be opened'));
      // Another tab holds an older version open: fail now rather than wait, the caller copes without the store.
      request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
    });
    // A failed opening (private mode, a blocked upgrade) is tried again on the next use.
    opened.catch(() => {
      opened = undefined;
    });
    return opened;
  };
  const run = async <T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const transaction = (await database()).transaction(STORE_NAME, mode);
    // A write counts once its transaction has committed, not when the request succeeded.
    const committed = new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
    });
    const [result] = await Promise.all([asPromise(work(transaction.objectStore(STORE_NAME))), committed]);
    return result;
  };
  return {
    get: (key) => run('readonly', (store) => store.get(key)),
    set: async (key, value) => {
      await run('readwrite', (store) => store.put(value, key));
    },
    delete: async (key) => {
      await run('readwrite', (store) => store.delete(key));
    },
    // Keys in [prefix, prefix + U+FFFF): every string that starts with the prefix.
    keys: async (prefix) => (await run('readonly', (store) => store.getAllKeys(IDBKeyRange.bound(prefix, `${prefix}\uffff`)))).map(String),
  };
}

let deviceStore: DeviceStore | undefined | null = null;

/** The device's store for the report form, or undefined where the browser has none (the form then needs the network). */
export function findDeviceStore(): DeviceStore | undefined {
  if (deviceStore === null) {
    try {
      deviceStore = openIndexedDbStore();
    } catch {
      deviceStore = undefined;
    }
  }
  return deviceStore;
}
