import {
  MaxPartSizeExceededError,
  unstable_parseMultipartFormData,
  unstable_createMemoryUploadHandler,
} from "@remix-run/node";
import { MB, MULTIPART_OVERHEAD_BYTES, UPLOAD_FILE_MAX_BYTES } from "#app/http/body-limits.server.ts";

export const MAX_IMPORT_BYTES = UPLOAD_FILE_MAX_BYTES;

class UploadTooLarge extends Error {}

function tooLarge(maxBytes: number): Response {
  return new Response(`Tệp quá lớn (tối đa ${Math.round(maxBytes / MB)} MB).`, { status: 413 });
}

/** Passes bytes through until `max`, then fails the stream: the parser stops reading there. */
function capped(max: number): TransformStream<Uint8Array, Uint8Array> {
  let seen = 0;
  return new TransformStream({
    transform(chunk, controller) {
      seen += chunk.byteLength;
      if (seen > max) controller.error(new UploadTooLarge());
      else controller.enqueue(chunk);
    },
  });
}

/**
 * Reads a multipart form with at most one file of `maxBytes`; a larger file is a 413 with a Vietnamese
 * message. The production server refuses oversized bodies before they get here (app/http/); this keeps
 * the same bound under the dev server and any other adapter: a declared length over it is refused
 * before reading, and the whole body (file, other fields, framing) is counted as it is parsed, since
 * the parser keeps text fields in memory whatever their size.
 */
export async function readUpload(request: Request, maxBytes = MAX_IMPORT_BYTES): Promise<FormData> {
  const bodyMax = maxBytes + MULTIPART_OVERHEAD_BYTES;
  if (Number(request.headers.get("content-length")) > bodyMax) throw tooLarge(maxBytes);
  const limited = request.body
    ? new Request(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body.pipeThrough(capped(bodyMax)),
        signal: request.signal,
        duplex: "half",
      } as RequestInit & { duplex: "half" })
    : request;
  try {
    return await unstable_parseMultipartFormData(
      limited,
      unstable_createMemoryUploadHandler({ maxPartSize: maxBytes }),
    );
  } catch (error) {
    // (Remix's own refusal says 'Field "file" exceeded upload size of … bytes.')
    if (
      error instanceof UploadTooLarge ||
      error instanceof MaxPartSizeExceededError ||
      (error instanceof Error && /exceeded upload|maxPartSize|too large/i.test(error.message))
    ) {
      throw tooLarge(maxBytes);
    }
    throw error;
  }
}

/**
 * Reads a posted form, multipart (with at most one file of `maxFileBytes`) or URL-encoded, whichever
 * the request declares. A body that cannot be parsed is the client's fault: 400 with a Vietnamese
 * message, never a 500; a file over the limit stays 413.
 */
export async function readForm(request: Request, maxFileBytes = MAX_IMPORT_BYTES): Promise<FormData> {
  try {
    return isMultipart(request) ? await readUpload(request, maxFileBytes) : await request.formData();
  } catch (error) {
    if (error instanceof Response) throw error;
    throw new Response("Dữ liệu gửi lên không hợp lệ.", { status: 400 });
  }
}

export function isMultipart(request: Request): boolean {
  return request.headers.get("Content-Type")?.startsWith("multipart/form-data") ?? false;
}

export async function fileBytes(value: FormDataEntryValue | null): Promise<{ name: string; data: Uint8Array } | null> {
  if (!value || typeof value === "string" || value.size === 0) return null;
  return { name: value.name, data: new Uint8Array(await value.arrayBuffer()) };
}
