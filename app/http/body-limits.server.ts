// How many bytes of request body each kind of request may send. The production server
// (scripts/serve.js, through ./edge.server.ts) enforces these before any handler reads a byte:
// a declared Content-Length over the limit is refused at once, a chunked body is counted as it
// streams and cut off at the limit. Without this, a single 400 MB POST was read whole into memory.
import { CHECKIN_PATH } from "#app/http/api-paths.ts";

export const KB = 1024;
export const MB = 1024 * 1024;

/** Largest uploaded file (imports, speeches, remediation evidence). */
export const UPLOAD_FILE_MAX_BYTES = 10 * MB;

/**
 * A multipart body carries the file plus the form's other fields and the multipart framing:
 * this much room on top of the file keeps a file of exactly UPLOAD_FILE_MAX_BYTES accepted.
 */
export const MULTIPART_OVERHEAD_BYTES = 256 * KB;

export type BodyClass = "checkin" | "upload" | "form";

export interface BodyLimit {
  kind: BodyClass;
  bytes: number;
  /** Vietnamese, for the 413 answer. */
  message: string;
}

export const CHECKIN_LIMIT: BodyLimit = {
  kind: "checkin",
  bytes: 16 * KB,
  // Same text as the check-in API's own check (app/checkin/api.server.ts): scanners show it.
  message: "Nội dung yêu cầu quá lớn (tối đa 16 KB).",
};

export const UPLOAD_LIMIT: BodyLimit = {
  kind: "upload",
  bytes: UPLOAD_FILE_MAX_BYTES + MULTIPART_OVERHEAD_BYTES,
  message: `Tệp gửi lên quá lớn (tối đa ${UPLOAD_FILE_MAX_BYTES / MB} MB).`,
};

/** Forms and JSON: the largest real form (a plan, a score grid) is a few tens of KB. */
export const FORM_LIMIT: BodyLimit = {
  kind: "form",
  bytes: 1 * MB,
  message: "Nội dung gửi lên quá lớn (tối đa 1 MB).",
};

/** The bridge connectivity test uploads raw bytes (app/routes/api.connectivity.upload.ts, at most 8 MB). */
const RAW_UPLOAD_PATHS = new Set(["/api/connectivity/upload"]);

/**
 * The limit for a request. Multipart bodies get the upload limit wherever they go: which routes take
 * files is the routes' business, and 10 MB is a bound the server can hold for every request.
 */
export function bodyLimitFor(pathname: string, contentType: string | undefined): BodyLimit {
  if (pathname === CHECKIN_PATH) return CHECKIN_LIMIT;
  if (RAW_UPLOAD_PATHS.has(pathname)) return UPLOAD_LIMIT;
  if (contentType && /^\s*multipart\/form-data\b/i.test(contentType)) return UPLOAD_LIMIT;
  return FORM_LIMIT;
}
