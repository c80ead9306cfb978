// The giấy mời PDF read back with Debian's poppler-utils: text with its
// diacritics, embedded fonts, word positions against the Decree 30 margins.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fontFileReads } from "#app/documents/fonts.server.ts";
import {
  addresseeLine,
  invitationNumberLine,
  invitationPlaceAndDate,
  issuerInSentence,
  renderInvitationLetter,
  vietnameseWeekday,
  type InvitationLetterInput,
} from "#app/documents/invitation-letter.server.ts";
import type { InvitationAttendee, InvitationConference } from "#app/conferences/invitation.ts";

const MM = 72 / 25.4;
/** Decree 30 margins used by app/documents/pdf.server.ts, in pt. */
const LIMITS = { left: 30 * MM, right: (210 - 15) * MM, top: 20 * MM, bottom: (297 - 20) * MM };

let dir: string | null = null;
let n = 0;

/** Writes the PDF to a temporary file (removed with `cleanUp`) and returns its path. */
function writeTemp(pdf: Buffer): string {
  dir ??= fs.mkdtempSync(path.join(os.tmpdir(), "hoinghi-pdf-"));
  const file = path.join(dir, `doc-${++n}.pdf`);
  fs.writeFileSync(file, pdf);
  return file;
}

function cleanUp(): void {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = null;
}

const run = (cmd: string, args: string[]) =>
  execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

/** `pdftotext -layout`, NFC, whitespace collapsed (pdftotext breaks and pads lines). */
function pdfText(file: string, pages?: { first: number; last: number }): string {
  const range = pages ? ["-f", String(pages.first), "-l", String(pages.last)] : [];
  return collapse(run("pdftotext", ["-layout", "-enc", "UTF-8", ...range, file, "-"]));
}

/** `pdftotext` in reading order: side-by-side blocks (header, Nơi nhận / signature) come out one after the other. */
function readingText(file: string): string {
  return collapse(run("pdftotext", ["-enc", "UTF-8", file, "-"]));
}

const collapse = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim();

interface FontRow {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

/** The rows of `pdffonts`. */
function pdfFonts(file: string): FontRow[] {
  const lines = run("pdffonts", [file])
    .split("\n")
    .slice(2)
    .filter((l) => l.trim());
  return lines.map((l) => {
    // name, type (may contain spaces), encoding, emb, sub, uni, object, id
    const m = l.match(/^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
    if (!m) throw new Error(`unexpected pdffonts line: ${l}`);
    return { name: m[1]!, type: m[2]!, embedded: m[4] === "yes", subset: m[5] === "yes", unicode: m[6] === "yes" };
  });
}

interface WordBox {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Word boxes of one page from `pdftotext -bbox` (pt, origin at the top left). */
function wordBoxes(file: string, page: number): WordBox[] {
  const html = run("pdftotext", ["-bbox", "-enc", "UTF-8", "-f", String(page), "-l", String(page), file, "-"]);
  const words: WordBox[] = [];
  const re = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    words.push({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: m[5]! });
  }
  return words;
}

/** `pdfinfo` as key → value. */
function pdfInfo(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of run("pdfinfo", ["-enc", "UTF-8", file]).split("\n")) {
    const m = line.match(/^([^:]+):\s*(.*)$/);
    if (m) out[m[1]!.trim()] = m[2]!.trim();
  }
  return out;
}

/** Words of the page outside the Decree 30 margins (1 pt tolerance). */
function outsideMargins(words: WordBox[]): WordBox[] {
  return words.filter(
    (w) =>
      w.xMin < LIMITS.left - 1 || w.xMax > LIMITS.right + 1 || w.yMin < LIMITS.top - 1 || w.yMax > LIMITS.bottom + 1,
  );
}

const conference: InvitationConference = {
  id: "conf-1",
  title:
    "Hội nghị công bố Chỉ số cải cách hành chính năm 2023 của các sở, ban, ngành và UBND các huyện, thị xã, thành phố",
  issuingBody: "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM",
  parentBody: null,
  organizerName: "UBND tỉnh Quảng Nam",
  invitationNumber: "12",
  issuePlace: "Quảng Nam",
  issuedOn: new Date("2024-01-03T17:30:00Z"), // 00:30 on 4 January in Vietnam
  chair: "Đồng chí Phó Chủ tịch UBND tỉnh",
  content: "Công bố Chỉ số CCHC và Chỉ số SIPAS năm 2023 của tỉnh",
  startsAt: new Date("2024-01-12T01:00:00Z"), // 08:00 Friday in Vietnam
  endsAt: new Date("2024-01-12T04:30:00Z"),
  venue: "Hội trường UBND tỉnh",
  preparationNote: "Nghiên cứu tài liệu gửi kèm",
  contact: { name: "Bà Trần Thị Hoa, Sở Nội vụ", phone: "0235 3810 123", email: "hoa.tt@quangnam.gov.vn" },
  sequence: 0,
  signAuthority: "TM. ỦY BAN NHÂN DÂN",
  signDelegation: "KT. CHỦ TỊCH",
  signerTitle: "PHÓ CHỦ TỊCH",
  signerName: "Hồ Quang Bửu",
  recipients: ["Thường trực Tỉnh ủy (b/c)", "CT, các PCT UBND tỉnh", "Sở Thông tin và Truyền thông"],
};

const attendee = (name: string): InvitationAttendee => ({
  id: "att-1",
  name,
  position: "Trưởng phòng Cải cách hành chính",
  organization: "Sở Nội vụ tỉnh Quảng Nam",
  email: "a@example.vn",
});

const hall = { kind: "MAIN_HALL", name: "Hội trường UBND tỉnh", address: "62 Hùng Vương, thành phố Tam Kỳ" } as const;
const bridge = {
  kind: "BRIDGE",
  name: "Điểm cầu UBND huyện Duy Xuyên",
  address: "Thị trấn Nam Phước, huyện Duy Xuyên",
} as const;

async function render(input: Partial<InvitationLetterInput> = {}): Promise<string> {
  const pdf = await renderInvitationLetter({
    conference,
    attendee: attendee("Nguyễn Thị Ánh Tuyết"),
    site: hall,
    videoLink: null,
    ...input,
  });
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  return writeTemp(pdf);
}

afterAll(cleanUp);

// Names with the hardest diacritics: stacked marks (Ánh, Tuyết), hook above on a
// capital (Ỷ), horn with dot below (ự), circumflex with tilde (ẫ), breve with
// tilde (ẵ), circumflex with dot below (ậ).
const HARD_NAMES = ["Nguyễn Thị Ánh Tuyết", "Hồ Quang Bửu", "Trần Ỷ Lực Mẫn Hẵng Thuận"];

describe("giấy mời PDF", () => {
  it.each(HARD_NAMES)("gives back the name %s with its diacritics", async (name) => {
    const text = pdfText(await render({ attendee: attendee(name) }));
    expect(text).toContain(`Kính gửi: Đồng chí ${name} – Trưởng phòng Cải cách hành chính, Sở Nội vụ tỉnh Quảng Nam`);
    expect(text).toContain("Hồ Quang Bửu"); // the signer
  });

  it("composes decomposed (NFD) input before drawing it", async () => {
    const name = "Trần Ỷ Lực Mẫn Hẵng Thuận";
    const text = pdfText(await render({ attendee: attendee(name.normalize("NFD")) }));
    expect(text).toContain(`Đồng chí ${name}`);
  });

  it("holds the parts of a Decree 30 invitation letter", async () => {
    const file = await render();
    const text = pdfText(file);
    for (const part of [
      "Số: 12/GM-UBND",
      "Quảng Nam, ngày 04 tháng 01 năm 2024",
      "GIẤY MỜI",
      "Dự Hội nghị công bố Chỉ số cải cách hành chính năm 2023",
      "Ủy ban nhân dân tỉnh Quảng Nam trân trọng kính mời Đồng chí tham dự Hội nghị công bố Chỉ số cải cách hành chính năm 2023",
      "- Chủ trì: Đồng chí Phó Chủ tịch UBND tỉnh.",
      "- Thời gian: 08 giờ 00, ngày 12 tháng 01 năm 2024 (Thứ Sáu).",
      "- Địa điểm: Hội trường UBND tỉnh, 62 Hùng Vương, thành phố Tam Kỳ.",
      "- Nội dung: Công bố Chỉ số CCHC và Chỉ số SIPAS năm 2023 của tỉnh.",
      "- Đề nghị Đồng chí: Nghiên cứu tài liệu gửi kèm.",
      "Thông tin liên hệ: Bà Trần Thị Hoa, Sở Nội vụ, điện thoại 0235 3810 123, thư điện tử hoa.tt@quangnam.gov.vn.",
      "Rất mong Đồng chí tham dự./.",
      "Lưu: VT",
    ]) {
      expect(text).toContain(part);
    }
    // Blocks that stand side by side, read one after the other.
    const reading = readingText(file);
    for (const part of [
      "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Nơi nhận: - Như trên; - Thường trực Tỉnh ủy (b/c); - CT, các PCT UBND tỉnh; - Sở Thông tin và Truyền thông; - Lưu: VT.",
      "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Hồ Quang Bửu",
    ]) {
      expect(reading).toContain(part);
    }
    // The "Số:" line and the motto come before the title, the title before the body.
    expect(text.indexOf("Số: 12/GM-UBND")).toBeLessThan(text.indexOf("GIẤY MỜI"));
    expect(text.indexOf("GIẤY MỜI")).toBeLessThan(text.indexOf("Kính gửi:"));
  });

  it("keeps the number blank to fill by hand and addresses a generic letter to everyone listed", async () => {
    const text = pdfText(await render({ attendee: null, conference: { ...conference, invitationNumber: "  " } }));
    expect(text).toContain("Số: /GM-UBND");
    expect(text).toContain("Kính gửi: Các đồng chí có tên trong thành phần");
    expect(text).toContain("trân trọng kính mời các đồng chí tham dự");
    expect(text).toContain("Rất mong các đồng chí tham dự./.");
    expect(text).not.toContain("Nguyễn Thị Ánh Tuyết");
  });

  it("names a bridge point as an online one and prints its video link", async () => {
    const videoLink = "https://hop.quangnam.gov.vn/j/cchc-2023-duy-xuyen?room=12";
    const file = await render({ site: bridge, videoLink });
    const text = pdfText(file);
    expect(text).toContain(
      "- Địa điểm: Điểm cầu trực tuyến UBND huyện Duy Xuyên, Thị trấn Nam Phước, huyện Duy Xuyên.",
    );
    expect(text.replace(/\s+/g, "")).toContain(videoLink);
    expect(text).not.toMatch(/passcode|mật khẩu|mã truy cập/i);
    // The main-hall letter has no link at all.
    expect(pdfText(await render({ site: hall, videoLink }))).not.toContain("https://");
  });

  it("moves an existing filing line last and does not repeat 'Như trên'", async () => {
    const text = readingText(
      await render({ conference: { ...conference, recipients: ["- Lưu: VT, NC.", "- Như trên;", "Sở Nội vụ;"] } }),
    );
    expect(text).toContain("- Như trên; - Sở Nội vụ; - Lưu: VT, NC.");
    expect(text.match(/Như trên/g)).toHaveLength(1);
  });

  it("embeds only subsets of the shipped Liberation Serif, with Unicode maps", async () => {
    const fonts = pdfFonts(await render());
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const f of fonts) {
      expect(f.name).toMatch(/^[A-Z]{6}\+LiberationSerif(-Bold|-Italic|-BoldItalic)?$/);
      expect(f).toMatchObject({ embedded: true, subset: true, unicode: true });
      expect(f.type).toBe("CID TrueType");
    }
    expect(fonts.map((f) => f.name).join(" ")).not.toMatch(/Helvetica|Times|Courier|Arial/);
  });

  it("keeps every word of page 1 inside the Decree 30 margins", async () => {
    for (const input of [
      {},
      { site: bridge, videoLink: "https://hop.quangnam.gov.vn/j/" + "x".repeat(120) },
      {
        conference: {
          ...conference,
          parentBody: "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM",
          issuingBody: "SỞ NỘI VỤ TỈNH QUẢNG NAM",
          organizerName: "Sở Nội vụ tỉnh Quảng Nam",
        },
      },
    ]) {
      const words = wordBoxes(await render(input), 1);
      expect(words.length).toBeGreaterThan(100);
      expect(outsideMargins(words)).toEqual([]);
    }
  });

  it("numbers pages from page 2, centred in the top margin", async () => {
    const content = Array.from(
      { length: 30 },
      (_, i) => `Nội dung số ${i + 1}: phân tích các tiêu chí thành phần bị mất điểm và giải pháp khắc phục`,
    ).join("\n");
    const file = await render({ conference: { ...conference, content } });
    expect(Number(pdfInfo(file).Pages)).toBeGreaterThanOrEqual(2);
    const page1 = wordBoxes(file, 1);
    expect(page1.filter((w) => w.yMin < LIMITS.top - 1)).toEqual([]);
    const page2 = wordBoxes(file, 2);
    const inTopMargin = page2.filter((w) => w.yMax < LIMITS.top);
    expect(inTopMargin.map((w) => w.text)).toEqual(["2"]);
    const centre = (inTopMargin[0]!.xMin + inTopMargin[0]!.xMax) / 2;
    expect(Math.abs(centre - (LIMITS.left + LIMITS.right) / 2)).toBeLessThan(3);
    expect(outsideMargins(page2.filter((w) => w.yMax >= LIMITS.top))).toEqual([]);
    const text = pdfText(file);
    expect(text).toContain("Nội dung số 30");
    expect(text).toContain("- Lưu: VT.");
  });

  it("sets the title, author and creator", async () => {
    const info = pdfInfo(await render());
    expect(info.Title).toContain("Giấy mời");
    expect(info.Title).toContain("Nguyễn Thị Ánh Tuyết");
    expect(info.Author).toBe("ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM");
    expect(info.Creator).toBe("Hội nghị CCHC");
    expect(info["Page size"]).toMatch(/^595\.2\d? x 841\.8\d? pts \(A4\)/);
  });

  it("draws a letter the same after many others (shared fonts and caches stay intact)", async () => {
    const png = (file: string) =>
      execFileSync("pdftoppm", ["-png", "-r", "50", "-f", "1", "-l", "1", file], { maxBuffer: 1 << 26 });
    const first = png(await render({ attendee: attendee("Trần Ỷ Lực Mẫn Hẵng Thuận") }));
    for (const name of ["Phạm Ẩn", "Đỗ Ượng", "Vũ Ỵ", "Lê Thị Ửng", "Ngô Ỗ Ữ Ặ Ở", "Bùi Ẵng Ẫy"]) {
      await render({ attendee: attendee(name), site: bridge, videoLink: "https://hop.quangnam.gov.vn/j/1" });
    }
    expect(png(await render({ attendee: attendee("Trần Ỷ Lực Mẫn Hẵng Thuận") })).equals(first)).toBe(true);
  });

  it("reads each font file once per process", async () => {
    await render();
    const reads = fontFileReads();
    expect(reads).toBeLessThanOrEqual(4);
    await Promise.all([render({ attendee: null }), render({ site: bridge, videoLink: "https://x.vn/j/1" })]);
    expect(fontFileReads()).toBe(reads);
  });
});

describe("giấy mời text", () => {
  it("writes the number, the place and date and the weekday as Decree 30 wants", () => {
    expect(invitationNumberLine("12")).toBe("Số: 12/GM-UBND");
    expect(invitationNumberLine(null).replace(/\s+/g, " ")).toBe("Số: /GM-UBND");
    expect(invitationPlaceAndDate("Quảng Nam", new Date("2024-01-03T17:30:00Z"))).toBe(
      "Quảng Nam, ngày 04 tháng 01 năm 2024",
    );
    expect(invitationPlaceAndDate("Cẩm Giàng", new Date("2024-03-29T03:00:00Z"))).toBe(
      "Cẩm Giàng, ngày 29 tháng 3 năm 2024",
    );
    expect(vietnameseWeekday(new Date("2024-01-12T01:00:00Z"))).toBe("Thứ Sáu");
    expect(vietnameseWeekday(new Date("2024-01-13T17:30:00Z"))).toBe("Chủ nhật"); // 00:30 Sunday 14 January in Vietnam
    expect(vietnameseWeekday(new Date("2024-01-15T01:00:00Z"))).toBe("Thứ Hai");
  });

  it("writes the issuing body in sentence case", () => {
    expect(
      issuerInSentence({ organizerName: "UBND tỉnh Quảng Nam", issuingBody: "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM" }),
    ).toBe("Ủy ban nhân dân tỉnh Quảng Nam");
    expect(issuerInSentence({ organizerName: "", issuingBody: "ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG" })).toBe(
      "Ủy ban nhân dân huyện Tam Đường",
    );
    expect(issuerInSentence({ organizerName: "", issuingBody: "PHÒNG NỘI VỤ THÀNH PHỐ ĐÔNG HÀ" })).toBe(
      "Phòng Nội vụ thành phố Đông Hà",
    );
    expect(issuerInSentence({ organizerName: "", issuingBody: "VĂN PHÒNG UBND TỈNH QUẢNG NAM" })).toBe(
      "Văn phòng Ủy ban nhân dân tỉnh Quảng Nam",
    );
  });

  it("addresses a person as Đồng chí, whatever their gender", () => {
    expect(addresseeLine(attendee("Hồ Quang Bửu"))).toBe(
      "Kính gửi: Đồng chí Hồ Quang Bửu – Trưởng phòng Cải cách hành chính, Sở Nội vụ tỉnh Quảng Nam",
    );
    expect(addresseeLine({ ...attendee("Lê Thị Hằng"), position: "", organization: "" })).toBe(
      "Kính gửi: Đồng chí Lê Thị Hằng",
    );
  });
});
