// Escaping for e-mails: HTML text and attributes, header values, link targets.

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Safe in HTML text and in quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? "").replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** Escaped HTML with line breaks kept as <br>. */
export function escapeHtmlLines(value: unknown): string {
  return escapeHtml(String(value ?? "").replace(/\r\n?/g, "\n"))
    .split("\n")
    .join("<br>\n");
}

/**
 * One line for a mail header (subject, display name): CR, LF and every other control character
 * become a space, runs of white space collapse. A name with line breaks cannot add a header.
 */
export function headerText(value: unknown): string {
  return (
    String(value ?? "")
      // eslint-disable-next-line no-control-regex -- control characters are what this removes
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ")
      .replace(/\s+/g, " ")
      .trim()
  );
}

/** Only http(s) and mailto links reach an href; anything else (javascript:, data:) becomes "#". */
export function safeHref(url: string | null | undefined): string {
  const value = String(url ?? "").trim();
  return /^(https?:\/\/|mailto:)/i.test(value) && !/[\s<>"']/.test(value) ? value : "#";
}

const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+$/;

/** A bare e-mail address (no display name, no white space, one "@"), else throws. */
export function checkedAddress(address: string): string {
  const value = String(address ?? "").trim();
  if (!ADDRESS.test(value)) throw new Error(`Địa chỉ e-mail không hợp lệ: ${JSON.stringify(address)}`);
  return value;
}
