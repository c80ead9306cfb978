// A digest of everything that determines the packet's content, so that a built
// packet (PDF and xlsx) can be kept and served again until its data changes.
import { createHash } from "node:crypto";
import { DEFAULT_APPENDIX_UNITS } from "#app/documents/packet/data.ts";
import type { PreviousResult, RoundStatistics } from "#app/scoring/types.ts";
import type { PacketInput } from "#app/documents/packet/types.ts";
import { putAnalysis } from "#app/documents/packet/fingerprint-analysis.server.ts";

/**
 * Bumped whenever the packet's layout or content changes, so packets cached
 * under an older fingerprint are rebuilt after a deployment.
 */
export const PACKET_FORMAT_VERSION = "packet-3";

const F = "\u001f"; // between fields
const R = "\u001e"; // after a record

const num = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(n));

/**
 * sha256 (hex) over the conference and round fields, the whole round summary
 * (ranking with blocks, ranked flags and reasons, class floors, parts, previous
 * results and predecessors; statistics of the round and of each block; areas,
 * appendices, area averages, SIPAS), the programme, awards, speeches and the appendix limit; and what
 * the criterion analysis and the remediation loop read (fingerprint-analysis.server.ts): both rounds'
 * detailed scores, the frameworks, the stored or suggested mapping, the remediation actions.
 * Independent of the order of the summary's maps (units are taken in ranking
 * order); the same for the PDF and the xlsx.
 */
export function packetFingerprint(input: PacketInput): string {
  const h = createHash("sha256");
  const put = (...fields: Array<string | number | null | undefined>) => {
    h.update(fields.map((f) => (typeof f === "number" ? String(f) : (f ?? ""))).join(F));
    h.update(R);
  };
  const { conference: c, round: r, summary: s } = input;
  put(PACKET_FORMAT_VERSION);
  put(
    "conference",
    c.title,
    c.organizerName,
    c.issuingBody,
    c.placeAndDate,
    c.startsAt ? c.startsAt.toISOString() : "",
  );
  put("round", r.title, r.year, r.frameworkName, r.previousTitle);
  put("appendixUnits", input.appendixUnits ?? DEFAULT_APPENDIX_UNITS);
  put("programme", input.programme.length);
  for (const p of input.programme) put(p.time, p.title, p.presenter);
  put("awards", input.awards.length);
  for (const a of input.awards) put(a.recipient, a.organization, a.form, a.achievement);
  put("speeches", input.speeches.length);
  for (const sp of input.speeches) put(sp.order, sp.title, sp.speaker, sp.organization);

  put("bands", s.bands.length);
  for (const b of s.bands) put(b.name, b.minPct, num(b.minAreaPct));
  const prev = (p: PreviousResult | null) =>
    p ? [p.unitId, p.unitName ?? "", num(p.rank), p.indexPct, p.className, p.block ?? "-"].join(F) : "-";
  put("ranking", s.ranking.length);
  for (const u of s.ranking) {
    const p = u.previous;
    const floor = u.classFloor;
    put(
      u.block ?? "-",
      u.ranked ? 1 : 0,
      u.notRankedReason ?? "-",
      floor
        ? `${floor.className}${F}${floor.minAreaPct}${F}${floor.areas.map((a) => `${a.code}=${a.pct}`).join(",")}`
        : "-",
      u.parts.map((x) => `${x.source}=${x.points}/${x.maxPoints}`).join(","),
      u.previousBasis,
      prev(p),
      u.predecessors.map(prev).join(R),
    );
    put(
      u.unitId,
      u.unitName,
      u.points,
      u.maxPoints,
      u.indexPct,
      u.className,
      u.rank,
      p ? `${p.rank}${F}${p.indexPct}${F}${p.className}` : "-",
      num(u.rankChange),
      num(u.indexChange),
      u.classChange ?? "",
      num(u.surveyPoints),
    );
  }
  const stats = (label: string, st: RoundStatistics) =>
    put(
      label,
      st.units,
      st.ranked,
      st.averagePoints,
      st.averageIndexPct,
      st.averageParts.map((a) => `${a.source}=${a.averagePoints}/${a.averageMaxPoints}/${a.units}`).join(","),
      st.classCounts.map((k) => `${k.className}=${k.count}`).join(","),
    );
  const st = s.statistics;
  stats("statistics", st);
  // Blocks: their names, order and members (the order of units inside a block is their ranking).
  put("blocks", s.blocks.length);
  for (const b of s.blocks) {
    stats(`block${F}${b.name ?? "-"}`, b.statistics);
    put(b.results.map((r) => r.unitId).join(","));
  }
  put("gainers", st.gainers.map((g) => g.unitId).join(","), "losers", st.losers.map((g) => g.unitId).join(","));

  put("areas", s.areas.size, "appendices", s.appendices.size);
  for (const u of s.ranking) {
    const areas = s.areas.get(u.unitId);
    if (areas) {
      put("a", u.unitId, areas.length);
      for (const a of areas) put(a.code, a.title, a.points, a.maxPoints);
    }
    const app = s.appendices.get(u.unitId);
    if (app) {
      put("p", u.unitId, app.fullMarks.length, app.lostPoints.length);
      const parts: string[] = [];
      for (const i of app.fullMarks) parts.push(`${i.code}${F}${i.title}${F}${i.maxPoints}${F}${i.points}`);
      parts.push("|");
      for (const i of app.lostPoints)
        parts.push(`${i.code}${F}${i.title}${F}${i.maxPoints}${F}${i.points}${F}${i.pointsLost}`);
      h.update(parts.join(R));
      h.update(R);
    }
  }
  put("areaAverages", s.areaAverages.length);
  for (const a of s.areaAverages) put(a.code, a.title, a.maxPoints, a.averagePoints, num(a.averagePct));
  put("sipas", s.sipas.length);
  for (const row of s.sipas)
    put(
      row.unitId,
      row.unitName,
      row.block ?? "-",
      num(row.rank),
      row.index,
      ...Object.entries(row.components).map(([k, v]) => `${k}=${v}`),
    );
  putAnalysis(h, input.analysis);
  return h.digest("hex");
}
