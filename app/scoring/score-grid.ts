import type { CompiledFramework } from "#app/scoring/index.ts";

// The per-unit score form: one row per scored criterion, fields named by the
// node's position so that codes with dots never clash with form paths.

export interface GridValues {
  final: Float64Array;
  self: Float64Array;
  notApplicable: Uint8Array;
}

export function parseNumber(raw: string): number | null {
  const t = raw.trim().replace(/\s/g, "");
  if (!t) return null;
  const n = Number(/^-?\d+,\d+$/.test(t) ? t.replace(",", ".") : t);
  return Number.isFinite(n) ? n : Number.NaN;
}

/** Reads and checks the grid; errors are keyed by field name, in Vietnamese. */
export function parseScoreGrid(
  compiled: CompiledFramework,
  form: FormData,
): { values: GridValues; errors: Record<string, string> } {
  const n = compiled.nodes.length;
  const values: GridValues = {
    final: new Float64Array(n).fill(Number.NaN),
    self: new Float64Array(n).fill(Number.NaN),
    notApplicable: new Uint8Array(n),
  };
  const errors: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    if (form.get(`na-${i}`) === "on") values.notApplicable[i] = 1;
    if (!compiled.isLeaf[i]) continue;
    const node = compiled.nodes[i]!;
    for (const [prefix, target, label] of [
      ["final", values.final, "Điểm thẩm định"],
      ["self", values.self, "Điểm tự chấm"],
    ] as const) {
      const name = `${prefix}-${i}`;
      const p = parseNumber(String(form.get(name) ?? ""));
      if (p === null) continue;
      if (Number.isNaN(p)) errors[name] = `${label} của ${node.code} không phải là số`;
      else if (p < 0) errors[name] = `${label} của ${node.code} không được âm`;
      else if (p > node.maxPoints + 1e-9)
        errors[name] = `${label} của ${node.code} vượt điểm tối đa ${node.maxPoints.toLocaleString("vi-VN")}`;
      else target[i] = p;
    }
  }
  return { values, errors };
}
