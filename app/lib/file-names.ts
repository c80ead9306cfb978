export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A download name without diacritics or unsafe characters ("Bộ chỉ số CCHC" → "bo-chi-so-cchc"). */
export function asciiFileName(name: string): string {
  return (
    name
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d")
      .replace(/Đ/g, "D")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80) || "tai-lieu"
  );
}

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The response of a Word file download: an attachment under an ASCII name, never cached. */
export function docxResponse(bytes: Uint8Array, baseName: string): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": DOCX_TYPE,
      "Content-Disposition": `attachment; filename="${asciiFileName(baseName)}.docx"`,
      "Content-Length": String(bytes.length),
      "Cache-Control": "private, no-store",
    },
  });
}
