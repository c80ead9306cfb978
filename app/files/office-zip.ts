// Which Office Open XML package a ZIP file is, read from its central directory (the list of entries at the
// end of the file), not from its name: a .docx, .xlsx or .pptx holds "[Content_Types].xml" and a "word/",
// "xl/" or "ppt/" part. A plain .zip renamed .docx has neither and is told apart here. Pure; no inflating.

export type OfficeKind = "word" | "xl" | "ppt";

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
/** The end-of-central-directory record is 22 bytes plus a comment of at most 65535. */
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;
/** A real package has a few dozen entries; reading stops here to bound the work on a crafted file. */
const MAX_ENTRIES = 5000;

function u16(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16)) + b[at + 3]! * 0x1000000;
}

/** The entry names of a ZIP file, or null when it has no readable central directory. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  if (bytes.length < EOCD_MIN) return null;
  const stop = Math.max(0, bytes.length - EOCD_MIN - MAX_COMMENT);
  let eocd = -1;
  for (let i = bytes.length - EOCD_MIN; i >= stop; i--) {
    if (u32(bytes, i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = u16(bytes, eocd + 10);
  const size = u32(bytes, eocd + 12);
  const offset = u32(bytes, eocd + 16);
  if (count > MAX_ENTRIES || offset + size > eocd) return null;
  const names: string[] = [];
  const decoder = new TextDecoder("utf-8", { fatal: false });
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > eocd || u32(bytes, at) !== CENTRAL_SIGNATURE) return null;
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    if (at + 46 + nameLength > eocd) return null;
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** "word", "xl" or "ppt" for an Office Open XML package, else null (a plain ZIP, a damaged file). */
export function officeKind(bytes: Uint8Array): OfficeKind | null {
  const names = zipEntryNames(bytes);
  if (!names || !names.includes("[Content_Types].xml")) return null;
  for (const kind of ["word", "xl", "ppt"] as const) {
    if (names.some((n) => n.startsWith(`${kind}/`))) return kind;
  }
  return null;
}
