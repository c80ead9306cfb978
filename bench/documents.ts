// node --import tsx bench/documents.ts [letters]
// Times the invitation letter (giấy mời) PDF: `letters` personal letters (500 by
// default), each with its own attendee, against a bare pdfkit document holding one
// line of built-in Helvetica, timed in the same run (alternating rounds, so both
// see the same machine state), and prints ms per letter and the ratio.
import PDFDocument from "pdfkit";
import { renderInvitationLetter, type InvitationLetterInput } from "#app/documents/invitation-letter.server.ts";
import type { InvitationConference } from "#app/conferences/invitation.ts";
import { printEnvironment } from "#bench/lib/report.ts";

const LETTERS = Number(process.argv[2] ?? 500);
const ROUNDS = 3;

const conference: InvitationConference = {
  id: "bench",
  title:
    "Hội nghị công bố Chỉ số cải cách hành chính năm 2023 của các sở, ban, ngành và UBND các huyện, thị xã, thành phố",
  issuingBody: "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM",
  parentBody: null,
  organizerName: "UBND tỉnh Quảng Nam",
  invitationNumber: "71",
  issuePlace: "Quảng Nam",
  issuedOn: new Date("2024-01-03T17:00:00Z"),
  chair: "Đồng chí Phó Chủ tịch UBND tỉnh",
  content: "Công bố Chỉ số CCHC và Chỉ số SIPAS năm 2023; triển khai nhiệm vụ cải cách hành chính năm 2024",
  startsAt: new Date("2024-01-12T01:00:00Z"),
  endsAt: new Date("2024-01-12T04:30:00Z"),
  venue: "Hội trường UBND tỉnh",
  preparationNote: "Nghiên cứu tài liệu gửi kèm và chuẩn bị ý kiến tham luận (nếu có)",
  contact: { name: "Bà Trần Thị Hoa, Sở Nội vụ", phone: "0235 3810 123", email: "hoa.tt@quangnam.gov.vn" },
  sequence: 0,
  signAuthority: "TM. ỦY BAN NHÂN DÂN",
  signDelegation: "KT. CHỦ TỊCH",
  signerTitle: "PHÓ CHỦ TỊCH",
  signerName: "Trần Anh Tuấn",
  recipients: ["Thường trực Tỉnh ủy (b/c)", "CT, các PCT UBND tỉnh", "Sở Thông tin và Truyền thông", "CPVP"],
};

const FAMILY = [
  "Nguyễn",
  "Trần",
  "Lê",
  "Phạm",
  "Hoàng",
  "Huỳnh",
  "Phan",
  "Vũ",
  "Võ",
  "Đặng",
  "Bùi",
  "Đỗ",
  "Hồ",
  "Ngô",
  "Dương",
  "Lý",
];
const MIDDLE = ["Thị", "Văn", "Hữu", "Đức", "Ngọc", "Quang", "Minh", "Thanh"];
const GIVEN = ["Ánh Tuyết", "Bửu", "Kỷ", "Dũng", "Hằng", "Tuấn", "Phượng", "Nguyệt", "Ẩn", "Lực", "Tiến", "Quyết"];

function letterInput(i: number): InvitationLetterInput {
  const bridge = i % 3 === 0;
  return {
    conference,
    attendee: {
      id: `a${i}`,
      name: `${FAMILY[i % FAMILY.length]} ${MIDDLE[i % MIDDLE.length]} ${GIVEN[i % GIVEN.length]}`,
      position: i % 2 ? "Chủ tịch UBND" : "Giám đốc",
      organization: i % 2 ? `UBND xã số ${i}` : `Sở số ${i}`,
      email: `a${i}@example.vn`,
    },
    site: bridge
      ? { kind: "BRIDGE", name: `Điểm cầu UBND xã số ${i}`, address: `Trụ sở UBND xã số ${i}` }
      : { kind: "MAIN_HALL", name: "Hội trường UBND tỉnh", address: "62 Hùng Vương, Tam Kỳ" },
    videoLink: bridge ? `https://hop.quangnam.gov.vn/j/cchc2023-${i}` : null,
  };
}

function barePdf(i: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: "A4" });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.font("Helvetica").fontSize(12).text(`Invitation ${i}`);
    doc.end();
  });
}

async function timeBatch(n: number, make: (i: number) => Promise<Buffer>): Promise<{ ms: number; bytes: number }> {
  let bytes = 0;
  const start = performance.now();
  for (let i = 0; i < n; i++) bytes += (await make(i)).length;
  return { ms: performance.now() - start, bytes };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function main(): Promise<void> {
  printEnvironment(`node --import tsx bench/documents.ts ${LETTERS}`);
  console.log(
    `load:     ${LETTERS} personal letters vs ${LETTERS} one-line Helvetica PDFs, ${ROUNDS} alternating rounds, median`,
  );

  const coldStart = performance.now();
  await renderInvitationLetter(letterInput(0)); // reads and parses the fonts
  const cold = performance.now() - coldStart;
  await timeBatch(20, barePdf); // warm-up
  await timeBatch(20, (i) => renderInvitationLetter(letterInput(i)));

  const letters: number[] = [];
  const bare: number[] = [];
  let letterBytes = 0;
  let peakRss = process.memoryUsage().rss;
  for (let r = 0; r < ROUNDS; r++) {
    const l = await timeBatch(LETTERS, (i) => renderInvitationLetter(letterInput(i)));
    letters.push(l.ms / LETTERS);
    letterBytes = l.bytes / LETTERS;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    bare.push((await timeBatch(LETTERS, barePdf)).ms / LETTERS);
  }
  const perLetter = median(letters);
  const perBare = median(bare);
  console.log();
  console.log(`first letter (fonts read and parsed): ${cold.toFixed(1)} ms`);
  console.log(
    `giấy mời:        ${perLetter.toFixed(2)} ms/letter (rounds: ${letters.map((x) => x.toFixed(2)).join(", ")}), ${(letterBytes / 1024).toFixed(1)} KiB/letter`,
  );
  console.log(
    `bare pdfkit:     ${perBare.toFixed(2)} ms/document (rounds: ${bare.map((x) => x.toFixed(2)).join(", ")})`,
  );
  console.log(`ratio:           ${(perLetter / perBare).toFixed(1)}×`);
  console.log(`10,000 letters:  ≈ ${((perLetter * 10_000) / 1000).toFixed(1)} s on one core`);
  console.log(`peak RSS:        ${(peakRss / 1024 / 1024).toFixed(0)} MiB`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
