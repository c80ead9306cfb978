import { prisma } from "../db.server.ts";
import type { z } from "zod";
import type { addNodeSchema, bandsSchema, updateNodeSchema } from "./framework-forms.ts";

/** Rewrites node positions in pre-order after a structural change, so one ordered read rebuilds the tree. */
async function renumber(tx: Parameters<Parameters<typeof prisma.$transaction>[0]>[0], frameworkId: string) {
  const nodes = await tx.frameworkNode.findMany({ where: { frameworkId }, select: { id: true, parentId: true, code: true } });
  const children = new Map<string | null, typeof nodes>();
  for (const n of nodes) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n]);
  const byCode = (a: { code: string }, b: { code: string }) => {
    const pa = a.code.split(".").map(Number);
    const pb = b.code.split(".").map(Number);
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) if ((pa[i] ?? -1) !== (pb[i] ?? -1)) return (pa[i] ?? -1) - (pb[i] ?? -1);
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

export async function updateNode(frameworkId: string, v: z.infer<typeof updateNodeSchema>) {
  const { count } = await prisma.frameworkNode.updateMany({
    where: { id: v.nodeId, frameworkId },
    data: { title: v.title, maxPoints: v.maxPoints, source: v.source },
  });
  return count === 1;
}

/** Adds a node; returns a Vietnamese error for the code field, or null. */
export async function addNode(frameworkId: string, v: z.infer<typeof addNodeSchema>): Promise<string | null> {
  const parent = v.parentId ? await prisma.frameworkNode.findFirst({ where: { id: v.parentId, frameworkId }, select: { id: true, code: true } }) : null;
  if (v.parentId && !parent) return "Không tìm thấy tiêu chí cha";
  if (parent && !v.code.startsWith(`${parent.code}.`)) return `Mã phải bắt đầu bằng ${parent.code}.`;
  if (!parent && v.code.includes(".")) return "Mã lĩnh vực là một số, ví dụ 9";
  if (await prisma.frameworkNode.findFirst({ where: { frameworkId, code: v.code }, select: { id: true } })) return `Mã ${v.code} đã có`;
  await prisma.$transaction(async (tx) => {
    await tx.frameworkNode.create({
      data: { frameworkId, parentId: parent?.id ?? null, position: 0, code: v.code, title: v.title, maxPoints: v.maxPoints, source: v.source },
    });
    await renumber(tx, frameworkId);
  });
  return null;
}

/** Deletes a node and its subtree unless scores were entered for it. */
export async function deleteNode(frameworkId: string, nodeId: string): Promise<string | null> {
  const node = await prisma.frameworkNode.findFirst({ where: { id: nodeId, frameworkId }, select: { id: true, code: true } });
  if (!node) return "Không tìm thấy tiêu chí";
  const scored = await prisma.nodeScore.count({ where: { node: { frameworkId, OR: [{ id: nodeId }, { code: { startsWith: `${node.code}.` } }] } } });
  if (scored) return `Tiêu chí ${node.code} đã có điểm trong đợt đánh giá nên không xóa được`;
  await prisma.$transaction(async (tx) => {
    await tx.frameworkNode.deleteMany({ where: { frameworkId, OR: [{ id: nodeId }, { code: { startsWith: `${node.code}.` } }] } });
    await renumber(tx, frameworkId);
  });
  return null;
}

export async function replaceBands(frameworkId: string, v: z.infer<typeof bandsSchema>) {
  await prisma.$transaction([
    prisma.classBand.deleteMany({ where: { frameworkId } }),
    prisma.classBand.createMany({ data: v.bands.map((b, position) => ({ frameworkId, position, name: b.name, minPct: b.minPct })) }),
  ]);
}
