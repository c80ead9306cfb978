// The part of the packet's fingerprint that the year-on-year sections read (issue 16): both rounds'
// detailed scores (every leaf's points and not-applicable flag, as raw bytes: cheap for 3,300 units),
// the frameworks' codes, titles and maxima, the mapping (its source and groups), the units' predecessors,
// and the remediation actions with their outcomes; or the reason there is no analysis.
import type { Hash } from "node:crypto";
import type { AnalysisRound } from "#app/scoring/analysis/types.ts";
import { isDetailed } from "#app/scoring/types.ts";
import type { PacketAnalysis } from "#app/documents/packet/types.ts";

const F = "\u001f"; // between fields
const R = "\u001e"; // after a record

const bytes = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

function putRound(h: Hash, label: string, round: AnalysisRound) {
  const { compiled, units } = round;
  h.update(`${label}${F}${compiled.nodes.length}${F}${units.length}${R}`);
  h.update(compiled.nodes.map((n) => `${n.code}${F}${n.title}${F}${n.maxPoints}${F}${n.source}`).join(R));
  h.update(bytes(compiled.parent));
  h.update(R);
  // By id: the database returns a round's units in no fixed order.
  for (const u of [...units].sort((x, y) => (x.unitId < y.unitId ? -1 : x.unitId > y.unitId ? 1 : 0))) {
    h.update(`${u.unitId}${F}${u.unitName}${F}${(u.predecessorIds ?? []).join(",")}${R}`);
    if (isDetailed(u)) {
      h.update(bytes(u.points));
      h.update(bytes(u.notApplicable));
    } else h.update(`summary${F}${u.points}${F}${u.maxPoints}`);
    h.update(R);
  }
}

/** Feeds the analysis basis into the packet's hash (nothing when the round has no previous round). */
export function putAnalysis(h: Hash, analysis: PacketAnalysis | null | undefined): void {
  if (!analysis) {
    h.update(`analysis${F}none${R}`);
    return;
  }
  if (analysis.state === "refused") {
    h.update(`analysis${F}refused${F}${analysis.message}${R}`);
    return;
  }
  const a = analysis;
  h.update(`analysis${F}${a.year}${F}${a.previousYear}${F}${a.previousTitle}${F}${a.mappingSource}${R}`);
  putRound(h, "current", a.input.current);
  putRound(h, "previous", a.input.previous);
  const groups = a.input.mapping;
  h.update(`mapping${F}${groups ? groups.length : "identity"}${R}`);
  for (const g of groups ?? []) h.update(`${g.current.join(",")}${F}${g.previous.join(",")}${R}`);
  const preds = a.input.predecessors;
  h.update(`predecessors${F}${preds ? preds.size : "-"}${R}`);
  if (preds)
    for (const [id, list] of [...preds].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      h.update(`${id}${F}${list.join(",")}${R}`);
  const r = a.remediation;
  h.update(`remediation${F}${r ? r.actions.length : "-"}${F}${r ? r.plans.length : "-"}${R}`);
  if (!r) return;
  for (const p of r.plans) h.update(`${p.planId}${F}${p.title}${F}${p.unitName}${R}`);
  for (const x of r.actions) {
    const o = x.outcome;
    const fig = (f: typeof o.before) => (f ? `${f.points}/${f.maxPoints}/${f.pct}` : "-");
    h.update(
      [
        x.planId,
        x.unitName,
        x.code,
        x.title,
        x.pointsLost,
        o.status,
        o.reason ?? "-",
        o.currentCodes.join(","),
        fig(o.before),
        fig(o.after),
      ].join(F),
    );
    h.update(R);
  }
}
