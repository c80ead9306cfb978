import crypto from "node:crypto";
import { recordAudit, type AuditActor } from "#app/database/audit.server.ts";
import type { CurrentUser } from "#app/auth/session.server.ts";
import { prisma } from "#app/database/db.server.ts";
import type { Prisma, PrismaClient } from "#app/generated/prisma/client.ts";
import type { Framework, FrameworkNode } from "#app/scoring/index.ts";
import { parseFrameworkJson } from "#app/scoring/framework-json.ts";
import { frameworkFromXlsx } from "#app/scoring/framework-xlsx-read.server.ts";

type Db = PrismaClient | Prisma.TransactionClient;

export function listFrameworks(user: CurrentUser) {
  return prisma.indexFramework.findMany({
    where: { organizationId: { in: user.visibleOrganizationIds } },
    orderBy: [{ year: "desc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      year: true,
      version: true,
      organizationId: true,
      organization: { select: { name: true } },
      unitLevel: { select: { name: true } },
      _count: { select: { nodes: true, rounds: true } },
    },
  });
}

export interface StoredFramework {
  id: string;
  organizationId: string;
  organizationName: string;
  unitLevelId: string;
  version: number;
  framework: Framework;
  /** Database id of each node, by code. */
  nodeIds: Map<string, string>;
}

/** Rebuilds the framework tree from its nodes (stored in pre-order). */
export async function loadFramework(id: string, db: Db = prisma): Promise<StoredFramework | null> {
  const row = await db.indexFramework.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      year: true,
      version: true,
      organizationId: true,
      unitLevelId: true,
      organization: { select: { name: true } },
      unitLevel: { select: { code: true } },
      bands: { orderBy: { position: "asc" }, select: { name: true, minPct: true, minAreaPct: true } },
      nodes: {
        orderBy: { position: "asc" },
        select: { id: true, parentId: true, code: true, title: true, maxPoints: true, source: true },
      },
    },
  });
  if (!row) return null;
  const byId = new Map<string, FrameworkNode>();
  const areas: FrameworkNode[] = [];
  for (const n of row.nodes) {
    const node: FrameworkNode = {
      code: n.code,
      title: n.title,
      maxPoints: n.maxPoints,
      source: n.source,
      children: [],
    };
    byId.set(n.id, node);
    const parent = n.parentId ? byId.get(n.parentId) : undefined;
    if (parent) parent.children.push(node);
    else areas.push(node);
  }
  return {
    id: row.id,
    organizationId: row.organizationId,
    organizationName: row.organization.name,
    unitLevelId: row.unitLevelId,
    version: row.version,
    framework: { name: row.name, year: row.year, unitLevel: row.unitLevel.code, bands: row.bands, areas },
    nodeIds: new Map(row.nodes.map((n) => [n.code, n.id])),
  };
}

/** Node rows in pre-order with fresh ids, ready for createMany. */
function nodeRows(frameworkId: string, areas: FrameworkNode[]) {
  const rows: Prisma.FrameworkNodeCreateManyInput[] = [];
  const visit = (node: FrameworkNode, parentId: string | null) => {
    const id = crypto.randomUUID();
    rows.push({
      id,
      frameworkId,
      parentId,
      position: rows.length,
      code: node.code,
      title: node.title,
      maxPoints: node.maxPoints,
      source: node.source,
    });
    for (const child of node.children) visit(child, id);
  };
  for (const a of areas) visit(a, null);
  return rows;
}

export async function createFramework(
  db: Db,
  input: { organizationId: string; unitLevelId: string; version: number; framework: Framework },
): Promise<string> {
  const { framework } = input;
  const created = await db.indexFramework.create({
    data: {
      organizationId: input.organizationId,
      unitLevelId: input.unitLevelId,
      version: input.version,
      name: framework.name,
      year: framework.year,
      bands: {
        create: framework.bands.map((b, position) => ({
          position,
          name: b.name,
          minPct: b.minPct,
          minAreaPct: b.minAreaPct ?? null,
        })),
      },
    },
    select: { id: true },
  });
  await db.frameworkNode.createMany({ data: nodeRows(created.id, framework.areas) });
  return created.id;
}

/** The next free version number for this organisation, level and year. */
export async function nextVersion(db: Db, organizationId: string, unitLevelId: string, year: number): Promise<number> {
  const last = await db.indexFramework.findFirst({
    where: { organizationId, unitLevelId, year },
    orderBy: { version: "desc" },
    select: { version: true },
  });
  return (last?.version ?? 0) + 1;
}

/** Counts the criteria of a framework tree. */
function nodeCount(areas: FrameworkNode[]): number {
  return areas.reduce((n, a) => n + 1 + nodeCount(a.children), 0);
}

/** Stores an uploaded framework as the next version for its organisation, level and year. */
export async function importFramework(
  actor: AuditActor,
  input: { organizationId: string; unitLevelId: string; framework: Framework },
  fileName: string,
): Promise<string> {
  return prisma.$transaction(async (tx) => {
    const version = await nextVersion(tx, input.organizationId, input.unitLevelId, input.framework.year);
    const id = await createFramework(tx, { ...input, version });
    const f = input.framework;
    await recordAudit(tx, actor, {
      action: "framework.create",
      entity: "IndexFramework",
      entityId: id,
      summary: `Nhập bộ chỉ số “${f.name}” (năm ${f.year}, phiên bản ${version}) từ tệp “${fileName}”`,
      after: {
        name: f.name,
        year: f.year,
        version,
        unitLevel: f.unitLevel,
        nodes: nodeCount(f.areas),
        maxPoints: f.areas.reduce((n, a) => n + a.maxPoints, 0),
        bands: f.bands.map((b) => `${b.name} ≥ ${b.minPct}%`).join("; "),
      },
      organizationId: input.organizationId,
    });
    return id;
  });
}

/**
 * An uploaded framework file (.json or .xlsx) into a new framework of the organisation: every problem
 * of the file, or an assessed-unit level the system lacks, comes back as Vietnamese messages.
 */
export async function importFrameworkFile(
  actor: AuditActor,
  organizationId: string,
  file: { name: string; data: Uint8Array },
): Promise<{ ok: true; id: string } | { ok: false; errors: string[] }> {
  const lower = file.name.toLowerCase();
  const parsed = lower.endsWith(".json")
    ? parseFrameworkJson(new TextDecoder().decode(file.data))
    : lower.endsWith(".xlsx")
      ? await frameworkFromXlsx(file.data)
      : ({ ok: false, errors: ["Chỉ nhận tệp .json hoặc .xlsx"] } as const);
  if (!parsed.ok) return { ok: false, errors: [...parsed.errors] };
  const level = await prisma.organizationLevel.findUnique({
    where: { code: parsed.framework.unitLevel },
    select: { id: true },
  });
  if (!level) return { ok: false, errors: [`Cấp đơn vị “${parsed.framework.unitLevel}” không có trong hệ thống`] };
  const id = await importFramework(
    actor,
    { organizationId, unitLevelId: level.id, framework: parsed.framework },
    file.name,
  );
  return { ok: true, id };
}
