import { unstable_parseMultipartFormData, unstable_createMemoryUploadHandler } from "@remix-run/node";

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** Reads a multipart form with at most one file of `maxBytes`; a larger file is a 413 with a Vietnamese message. */
export async function readUpload(request: Request, maxBytes = MAX_IMPORT_BYTES): Promise<FormData> {
  try {
    return await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: maxBytes }));
  } catch (error) {
    if (error instanceof Error && /exceeded upload limit|maxPartSize|too large/i.test(error.message)) {
      throw new Response(`Tệp quá lớn (tối đa ${Math.round(maxBytes / 1024 / 1024)} MB).`, { status: 413 });
    }
    throw error;
  }
}

export async function fileBytes(value: FormDataEntryValue | null): Promise<{ name: string; data: Uint8Array } | null> {
  if (!value || typeof value === "string" || value.size === 0) return null;
  return { name: value.name, data: new Uint8Array(await value.arrayBuffer()) };
}
