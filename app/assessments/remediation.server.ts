import { prisma } from "../db.server.ts";
import type { UnitAppendices } from "../scoring/index.ts";

/** A remediation plan whose actions are the criteria the unit lost points on (Phụ lục 2). */
export async function createRemediationPlan(input: {
  roundUnitId: string;
  title: string;
  createdById: string;
  ownerOrganizationId: string;
  appendices: UnitAppendices;
  nodeIds: Map<string, string>;
}): Promise<string> {
  const plan = await prisma.remediationPlan.create({
    data: {
      roundUnitId: input.roundUnitId,
      title: input.title,
      createdById: input.createdById,
      actions: {
        create: input.appendices.lostPoints.map((item, position) => ({
          position,
          nodeId: input.nodeIds.get(item.code) ?? null,
          code: item.code,
          title: item.title,
          pointsLost: item.pointsLost,
          ownerOrganizationId: input.ownerOrganizationId,
        })),
      },
    },
    select: { id: true },
  });
  return plan.id;
}
