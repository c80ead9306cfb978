// A small MIME writer for bulk messages: the outbox hands nodemailer the finished message (`raw`) and
// nodemailer only transports it. nodemailer's own composer (streams, quoted-printable, a header object
// per part) took about 1.8 ms of every invitation's CPU; writing the same tree as one string takes a
// fraction of that. Bodies are base64 (76-character lines, CRLF); text is put in canonical CRLF form
// first, as RFC 2045 asks of text before encoding. Headers with non-ASCII text are RFC 2047 encoded
// words (UTF-8, B encoding) of at most 42 bytes each, folded one to a line.

export interface MimeAddress {
  name: string;
  address: string;
}

/** A part whose body is already encoded (`body`, base64 lines) under the given header lines. */
export interface MimeLeaf {
  headers: string[];
  body: string;
}

export interface MimeMultipart {
  subtype: "mixed" | "related" | "alternative";
  /** Extra Content-Type parameters, e.g. `type="text/html"` for multipart/related. */
  params?: string;
  parts: MimePart[];
}

export type MimePart = MimeLeaf | MimeMultipart;

const CRLF = "\r\n";

/** Base64 in lines of 76 characters joined by CRLF (no trailing line break). */
export function base64Lines(bytes: Buffer): string {
  const b64 = bytes.toString("base64");
  if (b64.length <= 76) return b64;
  const lines: string[] = [];
  for (let at = 0; at < b64.length; at += 76) lines.push(b64.slice(at, at + 76));
  return lines.join(CRLF);
}

/**
 * A text part (plain, html, calendar …) in UTF-8, base64-encoded after its line breaks become CRLF;
 * `params` are more Content-Type parameters (`method=REQUEST`).
 */
export function textPart(contentType: string, text: string, params?: string): MimeLeaf {
  const canonical = text.replace(/\r?\n/g, CRLF);
  return {
    headers: [
      `Content-Type: ${contentType}; charset=utf-8${params ? `; ${params}` : ""}`,
      "Content-Transfer-Encoding: base64",
    ],
    body: base64Lines(Buffer.from(canonical, "utf8")),
  };
}

/**
 * A file part: inline with a Content-ID (an image the HTML shows by `cid:`) or an attachment. `base64`
 * is the body already encoded by `base64Lines` (a caller may cache it).
 */
export function filePart(file: {
  filename: string;
  contentType: string;
  base64: string;
  cid?: string;
  inline?: boolean;
}): MimeLeaf {
  const name = parameterValue(file.filename);
  const headers = [`Content-Type: ${file.contentType}; name=${name}`];
  if (file.cid) headers.push(`Content-ID: <${file.cid}>`);
  headers.push("Content-Transfer-Encoding: base64");
  headers.push(`Content-Disposition: ${file.inline ? "inline" : "attachment"}; filename=${name}`);
  return { headers, body: file.base64 };
}

/** A parameter value, quoted unless it is a plain token (file names here are ASCII). */
function parameterValue(value: string): string {
  return /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(value) ? value : `"${value.replace(/["\\\r\n]/g, "_")}"`;
}

const MAX_WORD_BYTES = 42;

/** RFC 2047 encoded words for `text`, never splitting a character, each at most 42 bytes of UTF-8. */
function encodedWords(text: string): string[] {
  const words: string[] = [];
  let chunk = "";
  let bytes = 0;
  for (const ch of text) {
    const size = Buffer.byteLength(ch, "utf8");
    if (bytes + size > MAX_WORD_BYTES && chunk) {
      words.push(chunk);
      chunk = "";
      bytes = 0;
    }
    chunk += ch;
    bytes += size;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, "utf8").toString("base64")}?=`);
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** An unstructured header value (subject, X- headers): as is when short printable ASCII, else encoded words. */
export function unstructuredValue(value: string): string {
  const oneLine = value.replace(/[\r\n]+/g, " ");
  if (PRINTABLE_ASCII.test(oneLine) && oneLine.length <= 76) return oneLine;
  return encodedWords(oneLine).join(`${CRLF} `);
}

/** "Name <address>" with the name as an atom, a quoted string or encoded words, as it needs. */
export function addressValue(a: MimeAddress): string {
  const name = a.name.replace(/[\r\n]+/g, " ").trim();
  if (!name) return a.address;
  if (/^[A-Za-z0-9 ]+$/.test(name)) return `${name} <${a.address}>`;
  if (PRINTABLE_ASCII.test(name) && name.length <= 60) return `"${name.replace(/(["\\])/g, "\\$1")}" <${a.address}>`;
  return `${encodedWords(name).join(`${CRLF} `)}${CRLF} <${a.address}>`;
}

/** The Date header's value: "Sun, 06 Dec 2026 01:43:59 +0000". */
export function dateValue(date: Date): string {
  return date.toUTCString().replace(/GMT$/, "+0000");
}

// Every body is base64 and every part header is written here, so no content line can start with "--_HnM-":
// the boundary needs to be unique within the message only. A per-process counter with the time and the
// process id spares a random draw per message.
let boundaryCounter = 0;
function nextBoundaryBase(): string {
  boundaryCounter = (boundaryCounter + 1) % 0x100000000;
  return `${Date.now().toString(36)}${process.pid.toString(36)}${boundaryCounter.toString(36)}`;
}

function isLeaf(part: MimePart): part is MimeLeaf {
  return "body" in part;
}

function writePart(out: string[], part: MimePart, boundaryBase: string, counter: { n: number }): void {
  if (isLeaf(part)) {
    out.push(part.headers.join(CRLF), CRLF, CRLF, part.body);
    return;
  }
  const boundary = `--_HnM-${boundaryBase}-Part_${++counter.n}`;
  out.push(
    `Content-Type: multipart/${part.subtype};${part.params ? ` ${part.params};` : ""}${CRLF} boundary="${boundary}"`,
    CRLF,
    CRLF,
  );
  for (const child of part.parts) {
    out.push(`--${boundary}`, CRLF);
    writePart(out, child, boundaryBase, counter);
    out.push(CRLF);
  }
  out.push(`--${boundary}--`, CRLF);
}

export interface MimeMessage {
  from: MimeAddress;
  to: MimeAddress;
  subject: string;
  messageId: string;
  date?: Date;
  /** Extra headers, written first (values are header text: one line, no CR or LF). */
  headers?: Record<string, string>;
  body: MimePart;
}

/** The whole message, headers and body, with CRLF line breaks. */
export function buildMime(message: MimeMessage): string {
  const out: string[] = [];
  for (const [key, value] of Object.entries(message.headers ?? {}))
    out.push(`${key}: ${unstructuredValue(value)}`, CRLF);
  out.push(
    `From: ${addressValue(message.from)}`,
    CRLF,
    `To: ${addressValue(message.to)}`,
    CRLF,
    `Subject: ${unstructuredValue(message.subject)}`,
    CRLF,
    `Message-ID: ${message.messageId}`,
    CRLF,
    `Date: ${dateValue(message.date ?? new Date())}`,
    CRLF,
    "MIME-Version: 1.0",
    CRLF,
  );
  writePart(out, message.body, nextBoundaryBase(), { n: 0 });
  return out.join("");
}
