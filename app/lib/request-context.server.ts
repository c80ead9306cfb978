// What the request log learns from inside Remix. The edge (app/http/access-log.server.ts) opens a note
// for each request and names it in an internal header, which it sets on every incoming request (so a
// client cannot choose it); Remix copies headers into each loader's Request, so code that only has the
// Request (the session reader) can add to the note. A Map lookup per request: no AsyncLocalStorage,
// whose promise hooks would tax every await of the process.

export const REQUEST_NOTE_HEADER = "x-hoinghi-request-note";
export const REQUEST_ID_HEADER = "x-request-id";

export interface RequestNote {
  requestId: string;
  userId?: string;
}

const open = new Map<string, RequestNote>();
let serial = 0;

/** Opens a note; the key goes into the request's REQUEST_NOTE_HEADER, closeNote(key) when the answer is out. */
export function openNote(note: RequestNote): string {
  serial = (serial + 1) % Number.MAX_SAFE_INTEGER;
  const key = serial.toString(36);
  open.set(key, note);
  return key;
}

export function closeNote(key: string): void {
  open.delete(key);
}

function noteOf(request: Request): RequestNote | undefined {
  const key = request.headers.get(REQUEST_NOTE_HEADER);
  return key ? open.get(key) : undefined;
}

/** The user of a request the edge answers itself (the check-in API), by its note's key. */
export function noteUserOfKey(key: string, userId: string): void {
  const note = open.get(key);
  if (note) note.userId = userId;
}

/** The signed-in user of this request, for its log line. */
export function noteUser(request: Request, userId: string): void {
  const note = noteOf(request);
  if (note) note.userId = userId;
}

/** The request id the edge gave this request (echoed to the client as X-Request-Id), if it came through the edge. */
export function requestIdOf(request: Request): string | null {
  return noteOf(request)?.requestId ?? null;
}
