// Evidence documents (tài liệu kiểm chứng): which files are accepted, checked
// by extension, declared type and the file's first bytes.

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

const KINDS: Array<{ ext: string[]; mime: string; magic: number[] | null; label: string }> = [
  { ext: ["pdf"], mime: "application/pdf", magic: [0x25, 0x50, 0x44, 0x46], label: "PDF" },
  { ext: ["png"], mime: "image/png", magic: [0x89, 0x50, 0x4e, 0x47], label: "PNG" },
  { ext: ["jpg", "jpeg"], mime: "image/jpeg", magic: [0xff, 0xd8, 0xff], label: "JPEG" },
  {
    ext: ["docx"],
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    magic: [0x50, 0x4b, 0x03, 0x04],
    label: "Word",
  },
  {
    ext: ["xlsx"],
    mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    magic: [0x50, 0x4b, 0x03, 0x04],
    label: "Excel",
  },
];

export const ACCEPTED_EVIDENCE = KINDS.flatMap((k) => k.ext.map((e) => `.${e}`)).join(",");

/** The stored MIME type, or a Vietnamese reason the file is refused. */
export function checkEvidence(
  fileName: string,
  data: Uint8Array,
): { ok: true; mime: string } | { ok: false; error: string } {
  if (data.length === 0) return { ok: false, error: "Tệp rỗng" };
  if (data.length > MAX_EVIDENCE_BYTES)
    return { ok: false, error: `Tệp lớn hơn ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB` };
  const ext = fileName.toLowerCase().split(".").pop() ?? "";
  const kind = KINDS.find((k) => k.ext.includes(ext));
  if (!kind) return { ok: false, error: "Chỉ nhận tệp PDF, Word (.docx), Excel (.xlsx), ảnh PNG hoặc JPEG" };
  if (kind.magic && !kind.magic.every((b, i) => data[i] === b)) {
    return { ok: false, error: `Nội dung tệp không phải ${kind.label} như phần mở rộng .${ext}` };
  }
  return { ok: true, mime: kind.mime };
}

/** "2024-05" for monthly reports, "2024-Q2" for quarterly ones, for the year after the assessment. */
export function reportingPeriods(kind: "MONTHLY" | "QUARTERLY", year: number): Array<{ value: string; label: string }> {
  if (kind === "MONTHLY") {
    return Array.from({ length: 12 }, (_, i) => ({
      value: `${year}-${String(i + 1).padStart(2, "0")}`,
      label: `Tháng ${i + 1}/${year}`,
    }));
  }
  return [1, 2, 3, 4].map((q) => ({ value: `${year}-Q${q}`, label: `Quý ${["I", "II", "III", "IV"][q - 1]}/${year}` }));
}
