// How a meeting document's file is answered: the stored type, never sniffed, never cached (the page is
// personal); a PDF opens in the browser, an Office file downloads under a name without diacritics.
import { asciiFileName } from "#app/lib/file-names.ts";
import { opensInline } from "#app/meeting-documents/file-check.ts";

export function documentFileResponse(file: { name: string; contentType: string; bytes: Uint8Array }): Response {
  const dot = file.name.lastIndexOf(".");
  const ext =
    dot > 0
      ? file.name
          .slice(dot + 1)
          .toLowerCase()
          .replace(/[^a-z0-9]/g, "")
      : "";
  const name = `${asciiFileName(dot > 0 ? file.name.slice(0, dot) : file.name)}${ext ? `.${ext}` : ""}`;
  const disposition = opensInline(file.contentType) ? "inline" : "attachment";
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.bytes.byteLength),
      "Content-Disposition": `${disposition}; filename="${name}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
