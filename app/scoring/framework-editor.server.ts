import { recordAudit, type AuditActor } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import type { z } from "zod";
import type { addNodeSchema, bandsSchema, updateNodeSchema } from "#app/scoring/framework-forms.ts";

/** Rewrites node positions in pre-order after a structural change, so one ordered read rebuilds the tree. */
async function renumber(tx: Parameters<Parameters<typeof prisma.$transaction>[0]>[0], frameworkId: string) {
  const nodes = await tx.frameworkNode.findMany({
    where: { frameworkId },
    select: { id: true, parentId: true, code: true },
  });
  const children = new Map<string | null, typeof nodes>();
  for (const n of nodes) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n]);
  const byCode = (a: { code: string }, b: { code: string }) => {
    const pa = a.code.split(".").map(Number);
    const pb = b.code.split(".").map(Number);
    for (let i = 0; i < Math.max(pa.length, pb.length); i++)
      if ((pa[i] ?? -1) !== (pb[i] ?? -1)) return (pa[i] ?? -1) - (pb[i] ?? -1);
    return 0;
  };
  let position = 0;
  const updates: Array<{ id: string; position: number }> = [];
  const visit = (parentId: string | null) => {
    for (const n of (children.get(parentId) ?? []).sort(byCode)) {
      updates.push({ id: n.id, position: position++ });
      visit(n.id);
    }
  };
  visit(null);
  for (const u of updates) await tx.frameworkNode.update({ where: { id: u.id }, data: { position: u.position } });
}

type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0];

/** Records a change to a framework; it shows on the admin log of the framework's organisation. */
async function recordFramework(
  tx: Tx,
  actor: AuditActor,
  frameworkId: string,
  entry: {
    action: string;
    entity: "FrameworkNode" | "IndexFramework";
    entityId: string;
    summary: (frameworkName: string) => string;
    before?: Record<string, unknown> | null;
    after?: Record<string, unknown> | null;
  },
) {
  const f = await tx.indexFramework.findUniqueOrThrow({
    where: { id: frameworkId },
    select: { name: true, organizationId: true },
  });
  await recordAudit(tx, actor, { ...entry, summary: entry.summary(f.name), organizationId: f.organizationId });
}

const nodeFields = { code: true, title: true, maxPoints: true, source: true } as const;

export async function updateNode(actor: AuditActor, frameworkId: string, v: z.infer<typeof updateNodeSchema>) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.frameworkNode.findFirst({ where: { id: v.nodeId, frameworkId }, select: nodeFields });
    if (!before) return false;
    const after = await tx.frameworkNode.update({
      where: { id: v.nodeId },
      data: { title: v.title, maxPoints: v.maxPoints, source: v.source },
      select: nodeFields,
    });
    await recordFramework(tx, actor, frameworkId, {
      action: "framework.node-update",
      entity: "FrameworkNode",
      entityId: v.nodeId,
      summary: (name) => `Sửa tiêu chí ${before.code} của bộ chỉ số “${name}”`,
      before,
      after,
    });
    return true;
  });
}

/** Adds a node; returns a Vietnamese error for the code field, or null. */
export async function addNode(
  actor: AuditActor,
  frameworkId: string,
  v: z.infer<typeof addNodeSchema>,
): Promise<string | null> {
  const parent = v.parentId
    ? await prisma.frameworkNode.findFirst({ where: { id: v.parentId, frameworkId }, select: { id: true, code: true } })
    : null;
  if (v.parentId && !parent) return "Không tìm thấy tiêu chí cha";
  if (parent && !v.code.startsWith(`${parent.code}.`)) return `Mã phải bắt đầu bằng ${parent.code}.`;
  if (!parent && v.code.includes(".")) return "Mã lĩnh vực là một số, ví dụ 9";
  if (await prisma.frameworkNode.findFirst({ where: { frameworkId, code: v.code }, select: { id: true } }))
    return `Mã ${v.code} đã có`;
  await prisma.$transaction(async (tx) => {
    const node = await tx.frameworkNode.create({
      data: {
        frameworkId,
        parentId: parent?.id ?? null,
        position: 0,
        code: v.code,
        title: v.title,
        maxPoints: v.maxPoints,
        source: v.source,
      },
      select: { id: true, ...nodeFields },
    });
    await renumber(tx, frameworkId);
    const { id, ...after } = node;
    await recordFramework(tx, actor, frameworkId, {
      action: "framework.node-create",
      entity: "FrameworkNode",
      entityId: id,
      summary: (name) => `Thêm tiêu chí ${v.code} vào bộ chỉ số “${name}”`,
      after: { ...after, parentCode: parent?.code ?? "" },
    });
  });
  return null;
}

/** Deletes a node and its subtree unless scores were entered for it. */
export async function deleteNode(actor: AuditActor, frameworkId: string, nodeId: string): Promise<string | null> {
  const node = await prisma.frameworkNode.findFirst({
    where: { id: nodeId, frameworkId },
    select: { id: true, code: true },
  });
  if (!node) return "Không tìm thấy tiêu chí";
  const scored = await prisma.nodeScore.count({
    where: { node: { frameworkId, OR: [{ id: nodeId }, { code: { startsWith: `${node.code}.` } }] } },
  });
  if (scored) return `Tiêu chí ${node.code} đã có điểm trong đợt đánh giá nên không xóa được`;
  await prisma.$transaction(async (tx) => {
    const subtree = { frameworkId, OR: [{ id: nodeId }, { code: { startsWith: `${node.code}.` } }] };
    const removed = await tx.frameworkNode.findMany({
      where: subtree,
      orderBy: { position: "asc" },
      select: nodeFields,
    });
    await tx.frameworkNode.deleteMany({ where: subtree });
    await renumber(tx, frameworkId);
    const self = removed.find((n) => n.code === node.code);
    await recordFramework(tx, actor, frameworkId, {
      action: "framework.node-delete",
      entity: "FrameworkNode",
      entityId: nodeId,
      summary: (name) =>
        `Xóa tiêu chí ${node.code}${removed.length > 1 ? ` cùng ${removed.length - 1} tiêu chí con` : ""} khỏi bộ chỉ số “${name}”`,
      before: {
        ...self,
        ...(removed.length > 1
          ? { children: removed.filter((n) => n !== self).map((n) => `${n.code} ${n.title}`) }
          : {}),
      },
    });
  });
  return null;
}

export async function replaceBands(actor: AuditActor, frameworkId: string, v: z.infer<typeof bandsSchema>) {
  const text = (bands: Array<{ name: string; minPct: number; minAreaPct?: number | null }>) =>
    bands
      .map((b) =>
        b.minAreaPct === null || b.minAreaPct === undefined
          ? `${b.name} ≥ ${b.minPct}%`
          : `${b.name} ≥ ${b.minPct}% (mỗi lĩnh vực ≥ ${b.minAreaPct}%)`,
      )
      .join("; ");
  await prisma.$transaction(async (tx) => {
    const before = await tx.classBand.findMany({
      where: { frameworkId },
      orderBy: { position: "asc" },
      select: { name: true, minPct: true, minAreaPct: true },
    });
    await tx.classBand.deleteMany({ where: { frameworkId } });
    await tx.classBand.createMany({
      data: v.bands.map((b, position) => ({
        frameworkId,
        position,
        name: b.name,
        minPct: b.minPct,
        minAreaPct: b.minAreaPct ?? null,
      })),
    });
    await recordFramework(tx, actor, frameworkId, {
      action: "framework.bands",
      entity: "IndexFramework",
      entityId: frameworkId,
      summary: (name) => `Sửa thang xếp loại của bộ chỉ số “${name}”`,
      before: { bands: text(before) },
      after: { bands: text(v.bands) },
    });
  });
}
