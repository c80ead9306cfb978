// The presentation packet (issue 5, §5): a PDF and an xlsx built from a
// conference, a scoring round's summary, the programme, the award list and the
// speeches. Plain TypeScript (server side: pdfkit, exceljs, node:crypto).
//
//   const input: PacketInput = { conference, round, summary: summarizeRound(…), programme, awards, speeches };
//   const key = packetFingerprint(input);          // reuse a stored packet while the key is unchanged
//   const pdf = await renderPacketPdf(input, (done, total, stage) => …);
//   const xlsx = await renderPacketXlsx(input);
export type {
  PacketAnalysis,
  PacketAward,
  PacketCriteria,
  PacketConference,
  PacketInput,
  PacketProgrammeItem,
  PacketProgress,
  PacketRemediation,
  PacketRound,
  PacketSpeech,
} from "#app/documents/packet/types.ts";
export { renderPacketPdf } from "#app/documents/packet/packet-pdf.server.ts";
export { renderPacketXlsx, PACKET_SHEETS } from "#app/documents/packet/packet-xlsx.server.ts";
export { packetFingerprint, PACKET_FORMAT_VERSION } from "#app/documents/packet/fingerprint.server.ts";
export { DEFAULT_APPENDIX_UNITS } from "#app/documents/packet/data.ts";
