// Printed attendance documents: the roll-call sheet with tick boxes (staff tick on paper, then enter the
// ticks on the roll-call page) and the self check-in posters of the bridge points (one A4 page each).
// Plain TypeScript on the OfficialPdf layer (Liberation Serif, A4, Decree 30 margins).
import { qrPngSync } from "#app/invitations/qr.server.ts";
import { MM, OfficialPdf } from "#app/documents/pdf.server.ts";

export interface SheetInput {
  issuingBody: string;
  meeting: string;
  /** "08 giờ 00, ngày 18 tháng 01 năm 2024" or "". */
  when: string;
  /** Per group, read chunk by chunk (a national conference lists 100,000 attendees). */
  groups: Array<{
    label: string;
    count: number;
    chunks: AsyncIterable<Array<{ name: string; position: string; organization: string; site: string }>>;
  }>;
}

const SIZE = 10.5;
const PAD = 3;

/** "DANH SÁCH ĐIỂM DANH ĐẠI BIỂU": STT, họ tên, chức vụ, cơ quan, điểm cầu, □ Có mặt □ Vắng. */
export async function renderRollCallSheet(input: SheetInput): Promise<Buffer> {
  const pdf = new OfficialPdf(
    { title: `Danh sách điểm danh – ${input.meeting}`, author: input.issuingBody },
    { streamPages: true },
  );
  const doc = pdf.doc;
  pdf.centered(input.issuingBody.toUpperCase(), { style: "bold", size: 12, spaceAfter: 8 });
  pdf.centered("DANH SÁCH ĐIỂM DANH ĐẠI BIỂU", { style: "bold", size: 14, spaceAfter: 2 });
  pdf.centered(input.meeting, { style: "bold", size: 12, spaceAfter: 2 });
  if (input.when) pdf.centered(`Thời gian: ${input.when}`, { style: "italic", size: 12, spaceAfter: 8 });
  const w = pdf.width;
  // STT, name, position, organisation, site, ticks.
  const widths = [30, 0.2 * w, 0.19 * w, 0.2 * w, 0.18 * w];
  widths.push(w - widths.reduce((a, b) => a + b, 0));
  const xs = widths.reduce<number[]>((acc, cw, i) => [...acc, i === 0 ? pdf.left : acc[i - 1]! + widths[i - 1]!], []);
  const heads = ["STT", "Họ và tên", "Chức vụ", "Cơ quan", "Điểm cầu", "Điểm danh"];

  const cellHeight = (texts: string[], style: "regular" | "bold") =>
    Math.max(...texts.map((t, i) => pdf.heightOf(t, style, SIZE, widths[i]! - 2 * PAD, 0))) + 2 * PAD;
  const drawRow = (texts: string[], style: "regular" | "bold", ticks: boolean) => {
    const h = Math.max(cellHeight(texts, style), ticks ? 2 * SIZE + 2 * PAD + 2 : 0);
    if (pdf.ensureSpace(h)) drawHeader();
    const y = pdf.y;
    pdf.font(style, SIZE);
    texts.forEach((t, i) => {
      doc.rect(xs[i]!, y, widths[i]!, h).lineWidth(0.5).stroke("#000000");
      if (t)
        doc.text(t.normalize("NFC"), xs[i]! + PAD, y + PAD, {
          width: widths[i]! - 2 * PAD,
          align: i === 0 ? "center" : "left",
        });
    });
    if (ticks) {
      const x = xs[5]!;
      doc.rect(x, y, widths[5]!, h).lineWidth(0.5).stroke("#000000");
      const box = SIZE * 0.8;
      ["Có mặt", "Vắng"].forEach((label, k) => {
        const by = y + PAD + k * (SIZE + 2);
        doc
          .rect(x + PAD, by + 1.5, box, box)
          .lineWidth(0.7)
          .stroke("#000000");
        pdf.font("regular", SIZE);
        doc.text(label, x + PAD + box + 4, by, { width: widths[5]! - box - 2 * PAD - 4, lineBreak: false });
      });
    }
    doc.y = y + h;
  };
  const drawHeader = () => drawRow(heads, "bold", false);
  const drawGroup = (label: string) => {
    const h = pdf.heightOf(label, "bold", SIZE, w - 2 * PAD, 0) + 2 * PAD;
    if (pdf.ensureSpace(h + 2 * SIZE + 2 * PAD + 2)) drawHeader();
    const y = pdf.y;
    doc.rect(pdf.left, y, w, h).fillAndStroke("#eeeeee", "#000000");
    doc.fillColor("#000000");
    pdf.font("bold", SIZE);
    doc.text(label.normalize("NFC"), pdf.left + PAD, y + PAD, { width: w - 2 * PAD });
    doc.y = y + h;
  };

  drawHeader();
  let n = 0;
  for (const g of input.groups) {
    drawGroup(`${g.label} (${g.count})`);
    for await (const rows of g.chunks)
      for (const r of rows) drawRow([String(++n), r.name, r.position, r.organization, r.site, ""], "regular", true);
  }
  pdf.moveDown(10);
  pdf.paragraph(`Tổng số: ${n} đại biểu. Có mặt: ……… Vắng: ………`, { indent: 0, size: 12 });
  pdf.paragraph("Người điểm danh (ký, ghi rõ họ tên): ……………………………………", { indent: 0, size: 12 });
  return pdf.toBuffer();
}

export interface PosterInput {
  meeting: string;
  issuingBody: string;
  when: string;
  bridges: Array<{ name: string; address: string; url: string }>;
}

/** Pages drawn between two reports of progress, each a pause that lets the server answer other requests. */
const POSTERS_PER_STEP = 20;

/**
 * One A4 page per bridge point: "ĐIỂM DANH TRỰC TUYẾN", the conference, the bridge, a big QR code, how to.
 * `progress` hears how many pages are drawn; a nation-wide conference's 3,300 pages take seconds.
 */
export async function renderPosters(
  input: PosterInput,
  progress: (done: number, total: number) => void = () => {},
): Promise<Buffer> {
  const pdf = new OfficialPdf({ title: `Áp phích điểm danh trực tuyến – ${input.meeting}`, author: input.issuingBody });
  const doc = pdf.doc;
  const total = input.bridges.length;
  for (const [i, b] of input.bridges.entries()) {
    if (i > 0 && i % POSTERS_PER_STEP === 0) {
      progress(i, total);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (i > 0) {
      doc.addPage();
      doc.y = pdf.top;
    }
    pdf.moveDown(6 * MM);
    pdf.centered(input.issuingBody.toUpperCase(), { style: "bold", size: 13, spaceAfter: 14 });
    pdf.centered("ĐIỂM DANH TRỰC TUYẾN", { style: "bold", size: 30, spaceAfter: 10 });
    pdf.centered(input.meeting, { style: "bold", size: 15, spaceAfter: 6 });
    if (input.when) pdf.centered(input.when, { style: "italic", size: 13, spaceAfter: 10 });
    pdf.centered(b.name, { style: "bold", size: 20, spaceAfter: 2 });
    if (b.address) pdf.centered(b.address, { size: 12, spaceAfter: 8 });
    const size = Math.min(pdf.width, 75 * MM);
    const png = qrPngSync(b.url, { size: 600 });
    const y = pdf.y + 4;
    doc.image(png, pdf.left + (pdf.width - size) / 2, y, { width: size, height: size });
    doc.y = y + size + 6;
    pdf.centered(b.url, { size: 11, spaceAfter: 12 });
    pdf.paragraph("Cách điểm danh:", { style: "bold", indent: 0, spaceAfter: 2 });
    for (const step of [
      "1. Quét mã QR trên bằng camera điện thoại (hoặc mở đường dẫn in dưới mã).",
      "2. Nhập mã điểm danh gồm 6 ký tự in trên giấy mời (ví dụ K7Q-M3X), hoặc gõ họ tên để tìm.",
      "3. Bấm “Tôi là …” đúng họ tên của mình. Màn hình báo “Đã điểm danh” là hoàn tất.",
    ]) {
      pdf.paragraph(step, { indent: 0, align: "left", spaceAfter: 2, size: 13 });
    }
  }
  progress(total, total);
  return pdf.toBuffer();
}
