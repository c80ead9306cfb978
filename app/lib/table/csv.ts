// CSV files (UTF-8; comma, semicolon or tab separated) read into a Table. Plain TypeScript.
import { checkImportCells, checkImportRow } from "#app/lib/table/limits.ts";
import { tableFromRecords, type Table } from "#app/lib/table/table.ts";

const utf8 = new TextDecoder("utf-8", { fatal: true }); // strips a BOM

export function readCsvTable(data: Uint8Array): Table {
  let text: string;
  try {
    text = utf8.decode(data);
  } catch {
    throw new Error("Tệp CSV không được lưu bằng mã UTF-8; hãy lưu lại với kiểu “CSV UTF-8 (Comma delimited)”");
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const records = parseCsv(text, detectSeparator(text));
  return tableFromRecords(records);
}

/** The separator of the first non-empty line outside quotes: the most frequent of ; , and tab (comma on a tie). */
export function detectSeparator(text: string): string {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let inQuotes = false;
  let seenContent = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === "\n" || ch === "\r")) {
      if (seenContent) break;
    } else if (!inQuotes && (ch === "," || ch === ";" || ch === "\t")) {
      counts[ch]++;
      seenContent = true;
    } else if (ch.trim()) seenContent = true;
  }
  if (counts[";"] > counts[","] && counts[";"] >= counts["\t"]) return ";";
  if (counts["\t"] > counts[","]) return "\t";
  return ",";
}

/**
 * RFC 4180 records: quoted fields may hold separators, doubled quotes and
 * line breaks; CRLF, LF and CR end records. Lenient about a quote inside an
 * unquoted field (kept as is); an unterminated quote is an error.
 */
export function parseCsv(text: string, separator: string): string[][] {
  const records: string[][] = [];
  const sep = separator.charCodeAt(0);
  const QUOTE = 34;
  const LF = 10;
  const CR = 13;
  const len = text.length;
  let record: string[] = [];
  let i = 0;
  let recordNumber = 1;
  let fields = 0;
  while (i < len) {
    // one field
    let field: string;
    if (text.charCodeAt(i) === QUOTE) {
      const start = i;
      let value = "";
      i++;
      let chunk = i;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q === -1) {
          throw new Error(`Tệp CSV có dấu ngoặc kép chưa đóng, mở ở dòng ${recordNumber} (ký tự thứ ${start + 1})`);
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += text.slice(chunk, q + 1);
          i = q + 2;
          chunk = i;
          continue;
        }
        value += text.slice(chunk, q);
        i = q + 1;
        break;
      }
      // anything after the closing quote up to the separator is kept as is
      const rest = i;
      while (i < len) {
        const c = text.charCodeAt(i);
        if (c === sep || c === LF || c === CR) break;
        i++;
      }
      field = rest === i ? value : value + text.slice(rest, i);
    } else {
      const start = i;
      while (i < len) {
        const c = text.charCodeAt(i);
        if (c === sep || c === LF || c === CR) break;
        i++;
      }
      field = text.slice(start, i);
    }
    record.push(field);
    // Bounded before a hostile file (millions of empty lines or separators) can fill the heap.
    if (++fields % 1024 === 0) checkImportCells(fields);
    if (i >= len) break;
    const c = text.charCodeAt(i);
    if (c === sep) {
      i++;
      if (i >= len) record.push("");
      continue;
    }
    // end of record
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    records.push(record);
    checkImportRow(records.length);
    record = [];
    recordNumber++;
  }
  if (record.length) records.push(record);
  return records;
}
