// Where a round's units stand in the ranking: the round's blocks (khối) and each unit's block, ranked
// flag with its reason, predecessors in the previous round and rank as published. Every write carries
// its audit row in the same transaction; a refusal comes back as a Vietnamese message on its field and
// writes nothing.

import { recordAudit, type AuditActor } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { blockKey, cleanBlockName } from "#app/scoring/blocks.ts";

type Tx = Prisma.TransactionClient;

export type PlacementOutcome = { done: string } | { fieldErrors: Record<string, string[]> };

/** Raised inside a transaction to roll it back and answer with a field error. */
class Refusal extends Error {
  constructor(readonly fieldErrors: Record<string, string[]>) {
    super("refused");
  }
}

async function refusable(work: () => Promise<string>): Promise<PlacementOutcome> {
  try {
    return { done: await work() };
  } catch (error) {
    if (error instanceof Refusal) return { fieldErrors: error.fieldErrors };
    throw error;
  }
}

async function roundOf(tx: Tx, roundId: string) {
  return tx.assessmentRound.findUniqueOrThrow({
    where: { id: roundId },
    select: { id: true, title: true, organizationId: true, previousRoundId: true },
  });
}

async function blockOf(tx: Tx, roundId: string, blockId: string) {
  const block = await tx.roundBlock.findFirst({
    where: { id: blockId, roundId },
    select: { id: true, name: true, nameKey: true, position: true },
  });
  if (!block) throw new Refusal({ blockId: ["Không tìm thấy khối này trong đợt đánh giá"] });
  return block;
}

/** The block named like `name` (case and spacing aside) other than `exceptId`, if any. */
async function sameName(tx: Tx, roundId: string, name: string, exceptId?: string) {
  return tx.roundBlock.findFirst({
    where: { roundId, nameKey: blockKey(name), ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { name: true },
  });
}

const taken = (name: string) => new Refusal({ name: [`Khối “${name}” đã có trong đợt đánh giá`] });

/** Adds a block after the round's last one. */
export async function addBlock(actor: AuditActor, roundId: string, rawName: string): Promise<PlacementOutcome> {
  const name = cleanBlockName(rawName);
  if (!name) return { fieldErrors: { name: ["Nhập tên khối"] } };
  return refusable(() =>
    prisma.$transaction(async (tx) => {
      const round = await roundOf(tx, roundId);
      const existing = await sameName(tx, roundId, name);
      if (existing) throw taken(existing.name);
      const last = await tx.roundBlock.aggregate({ where: { roundId }, _max: { position: true } });
      const block = await tx.roundBlock.create({
        data: { roundId, name, nameKey: blockKey(name), position: (last._max.position ?? -1) + 1 },
        select: { id: true, name: true, position: true },
      });
      await recordAudit(tx, actor, {
        action: "round.block-create",
        entity: "RoundBlock",
        entityId: block.id,
        summary: `Thêm khối “${name}” vào “${round.title}”`,
        after: { name: block.name, position: block.position + 1 },
        roundId,
        organizationId: round.organizationId,
      });
      return `Đã thêm khối “${name}”.`;
    }),
  );
}

export async function renameBlock(
  actor: AuditActor,
  roundId: string,
  blockId: string,
  rawName: string,
): Promise<PlacementOutcome> {
  const name = cleanBlockName(rawName);
  if (!name) return { fieldErrors: { name: ["Nhập tên khối"] } };
  return refusable(() =>
    prisma.$transaction(async (tx) => {
      const round = await roundOf(tx, roundId);
      const block = await blockOf(tx, roundId, blockId);
      const existing = await sameName(tx, roundId, name, blockId);
      if (existing) throw taken(existing.name);
      if (block.name === name) return `Khối “${name}” không đổi.`;
      await tx.roundBlock.update({ where: { id: blockId }, data: { name, nameKey: blockKey(name) } });
      await recordAudit(tx, actor, {
        action: "round.block-rename",
        entity: "RoundBlock",
        entityId: blockId,
        summary: `Đổi tên khối “${block.name}” thành “${name}” trong “${round.title}”`,
        before: { name: block.name },
        after: { name },
        roundId,
        organizationId: round.organizationId,
      });
      return `Đã đổi tên khối thành “${name}”.`;
    }),
  );
}

/** Swaps a block with its neighbour above or below; positions are renumbered 0..n-1. */
export async function moveBlock(
  actor: AuditActor,
  roundId: string,
  blockId: string,
  direction: "up" | "down",
): Promise<PlacementOutcome> {
  return refusable(() =>
    prisma.$transaction(async (tx) => {
      const round = await roundOf(tx, roundId);
      await blockOf(tx, roundId, blockId);
      const blocks = await tx.roundBlock.findMany({
        where: { roundId },
        orderBy: [{ position: "asc" }, { name: "asc" }],
        select: { id: true, name: true },
      });
      const before = blocks.map((b) => b.name);
      const i = blocks.findIndex((b) => b.id === blockId);
      const j = direction === "up" ? i - 1 : i + 1;
      if (j < 0 || j >= blocks.length) return "Khối đã ở vị trí đó.";
      [blocks[i], blocks[j]] = [blocks[j]!, blocks[i]!];
      for (const [position, b] of blocks.entries())
        await tx.roundBlock.update({ where: { id: b.id }, data: { position } });
      await recordAudit(tx, actor, {
        action: "round.block-reorder",
        entity: "AssessmentRound",
        entityId: roundId,
        summary: `Đổi thứ tự các khối của “${round.title}”`,
        before: { blocks: before },
        after: { blocks: blocks.map((b) => b.name) },
        roundId,
        organizationId: round.organizationId,
      });
      return "Đã đổi thứ tự các khối.";
    }),
  );
}

/** Deletes a block; its units stay in the round without a block. */
export async function deleteBlock(actor: AuditActor, roundId: string, blockId: string): Promise<PlacementOutcome> {
  return refusable(() =>
    prisma.$transaction(async (tx) => {
      const round = await roundOf(tx, roundId);
      const block = await blockOf(tx, roundId, blockId);
      const units = await tx.roundUnit.findMany({
        where: { blockId },
        select: { organization: { select: { name: true } } },
      });
      await tx.roundBlock.delete({ where: { id: blockId } });
      const rest = await tx.roundBlock.findMany({
        where: { roundId },
        orderBy: { position: "asc" },
        select: { id: true },
      });
      for (const [position, b] of rest.entries())
        await tx.roundBlock.update({ where: { id: b.id }, data: { position } });
      await recordAudit(tx, actor, {
        action: "round.block-delete",
        entity: "RoundBlock",
        entityId: blockId,
        summary: `Xóa khối “${block.name}” của “${round.title}”${units.length ? ` (${units.length} đơn vị không còn thuộc khối nào)` : ""}`,
        before: {
          name: block.name,
          units: units.map((u) => u.organization.name).sort((a, b) => a.localeCompare(b, "vi")),
        },
        after: null,
        roundId,
        organizationId: round.organizationId,
      });
      return `Đã xóa khối “${block.name}”.`;
    }),
  );
}

export interface UnitPlacementInput {
  /** null: no block. */
  blockId: string | null;
  ranked: boolean;
  notRankedReason: string | null;
  /** Round-unit ids of the previous round's units this one replaced; empty: compared with itself. */
  predecessorIds: string[];
  /** The rank as published; null: none (the next round uses the recomputed rank). */
  publishedRank: number | null;
}

/** A unit's placement as the audit trail compares it: names, not ids. */
export async function placementFields(tx: Tx, roundUnitIds: string[]): Promise<Map<string, Record<string, unknown>>> {
  const rows = await tx.roundUnit.findMany({
    where: { id: { in: roundUnitIds } },
    select: {
      id: true,
      block: { select: { name: true } },
      ranked: true,
      notRankedReason: true,
      publishedRank: true,
      predecessors: { select: { previousRoundUnit: { select: { organization: { select: { name: true } } } } } },
    },
  });
  return new Map(
    rows.map((r) => [
      r.id,
      {
        block: r.block?.name ?? null,
        ranked: r.ranked,
        notRankedReason: r.notRankedReason,
        publishedRank: r.publishedRank,
        predecessors: r.predecessors
          .map((p) => p.previousRoundUnit.organization.name)
          .sort((a, b) => a.localeCompare(b, "vi")),
      },
    ]),
  );
}

/**
 * Sets one unit's block, ranked flag (a reason is required when not ranked), predecessors (units of the
 * round's previous round) and published rank (a positive integer), all or nothing.
 */
export async function setUnitPlacement(
  actor: AuditActor,
  roundId: string,
  roundUnitId: string,
  v: UnitPlacementInput,
): Promise<PlacementOutcome> {
  const reason = v.notRankedReason?.replace(/\s+/g, " ").trim() || null;
  if (!v.ranked && !reason) return { fieldErrors: { notRankedReason: ["Nhập lý do không xếp hạng"] } };
  if (v.publishedRank !== null && !(Number.isInteger(v.publishedRank) && v.publishedRank > 0))
    return { fieldErrors: { publishedRank: ["Hạng phải là số nguyên dương"] } };
  return refusable(() =>
    prisma.$transaction(async (tx) => {
      const round = await roundOf(tx, roundId);
      const unit = await tx.roundUnit.findFirst({
        where: { id: roundUnitId, roundId },
        select: { id: true, organizationId: true, organization: { select: { name: true } } },
      });
      if (!unit) throw new Refusal({ roundUnitId: ["Không tìm thấy đơn vị này trong đợt đánh giá"] });
      if (v.blockId) await blockOf(tx, roundId, v.blockId);
      const predecessorIds = [...new Set(v.predecessorIds.filter(Boolean))];
      if (predecessorIds.length) {
        if (!round.previousRoundId)
          throw new Refusal({
            predecessorIds: ["Đợt này không so với đợt nào trước nên không chọn được đơn vị năm trước"],
          });
        const found = await tx.roundUnit.findMany({
          where: { id: { in: predecessorIds }, roundId: round.previousRoundId },
          select: { id: true },
        });
        if (found.length !== predecessorIds.length)
          throw new Refusal({ predecessorIds: ["Có đơn vị năm trước không thuộc đợt được so sánh"] });
      }
      const before = (await placementFields(tx, [unit.id])).get(unit.id);
      await tx.roundUnit.update({
        where: { id: unit.id },
        data: {
          blockId: v.blockId,
          ranked: v.ranked,
          notRankedReason: v.ranked ? null : reason,
          publishedRank: v.publishedRank,
        },
      });
      await tx.roundUnitPredecessor.deleteMany({ where: { roundUnitId: unit.id } });
      if (predecessorIds.length)
        await tx.roundUnitPredecessor.createMany({
          data: predecessorIds.map((previousRoundUnitId) => ({ roundUnitId: unit.id, previousRoundUnitId })),
        });
      const after = (await placementFields(tx, [unit.id])).get(unit.id);
      await recordAudit(tx, actor, {
        action: "roundUnit.placement",
        entity: "RoundUnit",
        entityId: unit.id,
        summary: `Sửa khối, xếp hạng của ${unit.organization.name} trong “${round.title}”`,
        before,
        after,
        roundId,
        organizationId: unit.organizationId,
      });
      return `Đã lưu ${unit.organization.name}.`;
    }),
  );
}

/**
 * The block ids of `names` (by blockKey) in a round, creating those the round lacks after its last
 * block, in the order given; for imports, inside the import's transaction.
 */
export async function ensureBlocks(tx: Tx, roundId: string, names: string[]): Promise<Map<string, string>> {
  const existing = await tx.roundBlock.findMany({
    where: { roundId },
    select: { id: true, nameKey: true, position: true },
  });
  const ids = new Map(existing.map((b) => [b.nameKey, b.id]));
  let position = Math.max(-1, ...existing.map((b) => b.position)) + 1;
  for (const raw of names) {
    const name = cleanBlockName(raw);
    const key = blockKey(name);
    if (!name || ids.has(key)) continue;
    const created = await tx.roundBlock.create({
      data: { roundId, name, nameKey: key, position: position++ },
      select: { id: true },
    });
    ids.set(key, created.id);
  }
  return ids;
}
