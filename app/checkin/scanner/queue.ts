// The scanner's offline store (IndexedDB "hoinghi-checkin"):
//   queue       scans not yet answered by the server (keyed by nonce); removed only after an HTTP 200
//   admitted    invitations this device has admitted, for "already checked in" while offline
//   credentials the scanner credential of each list, so a sync after reconnecting needs no reload

const DB_NAME = "hoinghi-checkin";
const DB_VERSION = 1;

export interface QueuedScan {
  nonce: string;
  token?: string;
  attendeeId?: string;
  deviceId: string;
  scannedAt: string;
  listId: string;
  conferenceId: string;
}

export interface AdmittedRecord {
  key: string; // conferenceId + ":" + invitationKey
  at: string;
  listName: string;
  /** The device that admitted them ("" when unknown). */
  deviceId: string;
}

let dbPromise: Promise<IDBDatabase> | null = null;
// Set when logging out deleted the store: the page's timers must not create it again before it unloads.
let deleted = false;

function open(): Promise<IDBDatabase> {
  if (deleted) return Promise.reject(new Error("scanner store deleted at logout"));
  dbPromise ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains("queue")) db.createObjectStore("queue", { keyPath: "nonce" });
      if (!db.objectStoreNames.contains("admitted")) db.createObjectStore("admitted", { keyPath: "key" });
      if (!db.objectStoreNames.contains("credentials")) db.createObjectStore("credentials", { keyPath: "listId" });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => {
      dbPromise = null;
      reject(request.error);
    };
  });
  return dbPromise;
}

async function run<T>(store: string, mode: IDBTransactionMode, body: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  return new Promise<T>((resolve, reject) => {
    const tx = db.transaction(store, mode);
    const request = body(tx.objectStore(store));
    tx.oncomplete = () => resolve(request.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export async function enqueue(scan: QueuedScan): Promise<void> {
  await run("queue", "readwrite", (s) => s.put(scan));
}

export async function queuedScans(listId?: string): Promise<QueuedScan[]> {
  const all = await run<QueuedScan[]>("queue", "readonly", (s) => s.getAll() as IDBRequest<QueuedScan[]>);
  return (listId ? all.filter((q) => q.listId === listId) : all).sort((a, b) => a.scannedAt.localeCompare(b.scannedAt));
}

export async function dequeue(nonce: string): Promise<void> {
  await run("queue", "readwrite", (s) => s.delete(nonce));
}

export async function rememberAdmitted(record: AdmittedRecord): Promise<void> {
  const existing = await admitted(record.key);
  if (!existing) await run("admitted", "readwrite", (s) => s.put(record));
}

export async function admitted(key: string): Promise<AdmittedRecord | undefined> {
  return run<AdmittedRecord | undefined>(
    "admitted",
    "readonly",
    (s) => s.get(key) as IDBRequest<AdmittedRecord | undefined>,
  );
}

export async function saveCredential(listId: string, credential: string): Promise<void> {
  await run("credentials", "readwrite", (s) => s.put({ listId, credential, savedAt: new Date().toISOString() }));
}

export async function loadCredential(listId: string): Promise<string | null> {
  const row = await run<{ credential: string } | undefined>(
    "credentials",
    "readonly",
    (s) => s.get(listId) as IDBRequest<{ credential: string } | undefined>,
  );
  return row?.credential ?? null;
}

/** Forgets the stored scanner credentials (they stopped working: logout, expiry, role change). The queue stays. */
export async function forgetCredentials(): Promise<void> {
  await run("credentials", "readwrite", (s) => s.clear());
}

/** Deletes everything this device stored for scanning (at logout): queue, admitted list, credentials. */
export async function deleteScannerStore(): Promise<void> {
  deleted = true;
  const db = await dbPromise?.catch(() => null);
  db?.close();
  dbPromise = null;
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

// The open scanner page registers how to send its queue now, so that logging out can try before warning.
let syncNow: (() => Promise<void>) | null = null;

export function registerSyncNow(fn: (() => Promise<void>) | null): void {
  syncNow = fn;
}

export function registeredSyncNow(): (() => Promise<void>) | null {
  return syncNow;
}
