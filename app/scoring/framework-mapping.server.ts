// The code mapping between two framework versions as Nội vụ confirmed it (FrameworkMapping), and the one
// rule for which mapping an analysis uses: none needed within one framework, the stored one when there
// is one, else the automatic suggestion (shown as such). Saving checks the mapping first and writes it
// with its audit row in one transaction; a bad mapping writes nothing.
import { recordAudit, type AuditActor } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";
import type { MappingSource } from "#app/scoring/analysis-labels.ts";
import { checkMapping, suggestMapping } from "#app/scoring/analysis/mapping.ts";
import type { CodeMapping, MappingProblem, MappingSuggestion } from "#app/scoring/analysis/types.ts";
import type { CompiledFramework } from "#app/scoring/framework.ts";

type Db = typeof prisma | Prisma.TransactionClient;

export interface StoredMapping {
  id: string;
  groups: CodeMapping;
  updatedAt: Date;
}

export interface ResolvedMapping {
  source: MappingSource;
  /** Undefined within one framework (identity by code). */
  mapping: CodeMapping | undefined;
  /** The stored row (source "stored"). */
  stored: StoredMapping | null;
  /** The suggestion (source "suggested"): its reasons and the codes left without a counterpart. */
  suggestion: MappingSuggestion | null;
}

/** Groups in order, each side's codes in the order they were saved. */
export async function loadStoredMapping(
  frameworkId: string,
  previousFrameworkId: string,
  db: Db = prisma,
): Promise<StoredMapping | null> {
  const row = await db.frameworkMapping.findUnique({
    where: { frameworkId_previousFrameworkId: { frameworkId, previousFrameworkId } },
    select: {
      id: true,
      updatedAt: true,
      codes: { select: { side: true, code: true, group: true }, orderBy: [{ group: "asc" }, { code: "asc" }] },
    },
  });
  if (!row) return null;
  const byGroup = new Map<number, { current: string[]; previous: string[] }>();
  for (const c of row.codes) {
    let g = byGroup.get(c.group);
    if (!g) byGroup.set(c.group, (g = { current: [], previous: [] }));
    (c.side === "CURRENT" ? g.current : g.previous).push(c.code);
  }
  return { id: row.id, updatedAt: row.updatedAt, groups: [...byGroup.values()] };
}

/** The mapping an analysis between these two frameworks uses (see the file comment). */
export async function resolveMapping(
  current: { id: string; compiled: CompiledFramework },
  previous: { id: string; compiled: CompiledFramework },
): Promise<ResolvedMapping> {
  if (current.id === previous.id)
    return { source: "same-framework", mapping: undefined, stored: null, suggestion: null };
  const stored = await loadStoredMapping(current.id, previous.id);
  if (stored) return { source: "stored", mapping: stored.groups, stored, suggestion: null };
  const suggestion = suggestMapping(current.compiled, previous.compiled);
  return {
    source: "suggested",
    mapping: suggestion.groups.map((g) => ({ current: g.current, previous: g.previous })),
    stored: null,
    suggestion,
  };
}

const groupsText = (groups: CodeMapping) =>
  groups.map((g) => `${g.current.join("+")} ← ${g.previous.join("+")}`).join("; ");

/** Codes trimmed, empty codes dropped, groups with nothing on either side dropped. */
export function cleanGroups(groups: CodeMapping): CodeMapping {
  return groups
    .map((g) => ({
      current: g.current.map((c) => c.trim()).filter(Boolean),
      previous: g.previous.map((c) => c.trim()).filter(Boolean),
    }))
    .filter((g) => g.current.length || g.previous.length);
}

export type SaveMappingResult = { ok: true; mappingId: string } | { ok: false; problems: MappingProblem[] };

/**
 * Stores the mapping from `current` to `previous` (replacing a stored one), audited under the current
 * framework's organisation. Checked with checkMapping first: any problem and nothing is written.
 */
export async function saveMapping(
  actor: AuditActor,
  current: { id: string; organizationId: string; compiled: CompiledFramework },
  previous: { id: string; compiled: CompiledFramework },
  rawGroups: CodeMapping,
): Promise<SaveMappingResult> {
  const groups = cleanGroups(rawGroups);
  const problems = checkMapping(groups, current.compiled, previous.compiled);
  if (problems.length) return { ok: false, problems };
  const mappingId = await prisma.$transaction(async (tx) => {
    const before = await loadStoredMapping(current.id, previous.id, tx);
    const row = await tx.frameworkMapping.upsert({
      where: { frameworkId_previousFrameworkId: { frameworkId: current.id, previousFrameworkId: previous.id } },
      create: { frameworkId: current.id, previousFrameworkId: previous.id },
      update: { updatedAt: new Date() },
      select: { id: true },
    });
    await tx.frameworkMappingCode.deleteMany({ where: { mappingId: row.id } });
    await tx.frameworkMappingCode.createMany({
      data: groups.flatMap((g, group) => [
        ...g.current.map((code) => ({ mappingId: row.id, side: "CURRENT" as const, code, group })),
        ...g.previous.map((code) => ({ mappingId: row.id, side: "PREVIOUS" as const, code, group })),
      ]),
    });
    await recordAudit(tx, actor, {
      action: before ? "framework.mapping-update" : "framework.mapping-create",
      entity: "FrameworkMapping",
      entityId: row.id,
      summary: `Ánh xạ mã ${current.compiled.framework.name} (${current.compiled.framework.year}) với ${previous.compiled.framework.name} (${previous.compiled.framework.year}): ${groups.length} cặp`,
      before: before ? { groups: groupsText(before.groups) } : null,
      after: { groups: groupsText(groups) },
      organizationId: current.organizationId,
    });
    return row.id;
  });
  return { ok: true, mappingId };
}

/** Removes the stored mapping (the analysis goes back to the suggestion); false when there was none. */
export async function deleteMapping(
  actor: AuditActor,
  current: { id: string; organizationId: string; compiled: CompiledFramework },
  previous: { id: string; compiled: CompiledFramework },
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const before = await loadStoredMapping(current.id, previous.id, tx);
    if (!before) return false;
    await tx.frameworkMapping.delete({ where: { id: before.id } });
    await recordAudit(tx, actor, {
      action: "framework.mapping-delete",
      entity: "FrameworkMapping",
      entityId: before.id,
      summary: `Xóa ánh xạ mã ${current.compiled.framework.name} (${current.compiled.framework.year}) với ${previous.compiled.framework.name} (${previous.compiled.framework.year})`,
      before: { groups: groupsText(before.groups) },
      after: null,
      organizationId: current.organizationId,
    });
    return true;
  });
}
