import { readFileSync } from "node:fs";
import { SYSTEM_ACTOR } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { createFramework, nextVersion } from "#app/scoring/frameworks.server.ts";
import { createRound } from "#app/scoring/round-writes.server.ts";
import type { Framework, FrameworkNode } from "#app/scoring/types.ts";

// A next year's version of a seed framework with codes renumbered, and a round scored on it that
// follows a seed round (its units' scores copied code by code): two framework versions to map.

/** Same title, new code: the suggestion pairs them ("Cùng tên, khác mã"). */
export const RENUMBERED = { from: "1.3.1", to: "1.3.5" } as const;
/** New code and new title: the suggestion leaves it alone, a stored mapping pairs it. */
export const RENAMED = {
  from: "1.1.2",
  to: "1.1.9",
  title: "Kết quả triển khai các nhiệm vụ được giao trong năm",
} as const;

const RENAMES: Record<string, { code: string; title?: string }> = {
  [RENUMBERED.from]: { code: RENUMBERED.to },
  [RENAMED.from]: { code: RENAMED.to, title: RENAMED.title },
};

function renumber(node: FrameworkNode): FrameworkNode {
  const r = RENAMES[node.code];
  return { ...node, code: r?.code ?? node.code, title: r?.title ?? node.title, children: node.children.map(renumber) };
}

/** The seed's commune framework (prisma/seed-data/frameworks/par-index-xa-2023.json) as a next year's version. */
export function nextYearFramework(year: number, file = "par-index-xa-2023.json"): Framework {
  const url = new URL(`../../prisma/seed-data/frameworks/${file}`, import.meta.url);
  const f = JSON.parse(readFileSync(url, "utf8")) as Framework;
  return {
    ...f,
    name: `${f.name.replace(/năm \d{4}/, "")} năm ${year} (thử ánh xạ)`.trim(),
    year,
    areas: f.areas.map(renumber),
  };
}

/**
 * A new framework version (next year, codes renumbered) kept by the organisation of `previousRoundId`'s
 * framework, and a round on it following that round, with the same units and their scores carried over
 * code by code (renumbered codes followed).
 */
export async function nextYearRound(previousRoundId: string): Promise<{ roundId: string; frameworkId: string }> {
  const previous = await prisma.assessmentRound.findUniqueOrThrow({
    where: { id: previousRoundId },
    select: {
      year: true,
      title: true,
      organizationId: true,
      framework: { select: { id: true, organizationId: true, unitLevelId: true } },
      units: {
        select: {
          organizationId: true,
          scores: {
            select: {
              node: { select: { code: true } },
              finalPoints: true,
              selfPoints: true,
              notApplicable: true,
            },
          },
        },
      },
    },
  });
  const year = previous.year + 1;
  const fw = previous.framework!;
  const frameworkId = await createFramework(prisma, {
    organizationId: fw.organizationId,
    unitLevelId: fw.unitLevelId,
    version: await nextVersion(prisma, fw.organizationId, fw.unitLevelId, year),
    framework: nextYearFramework(year),
  });
  const roundId = await createRound(SYSTEM_ACTOR, {
    title: `${previous.title.replace(/năm \d{4}/, "")} năm ${year} (thử ánh xạ)`,
    year,
    organizationId: previous.organizationId,
    frameworkId,
    previousRoundId,
    unitIds: previous.units.map((u) => u.organizationId),
  });
  const nodes = new Map(
    (await prisma.frameworkNode.findMany({ where: { frameworkId }, select: { id: true, code: true } })).map((n) => [
      n.code,
      n.id,
    ]),
  );
  const units = new Map(
    (await prisma.roundUnit.findMany({ where: { roundId }, select: { id: true, organizationId: true } })).map((u) => [
      u.organizationId,
      u.id,
    ]),
  );
  await prisma.nodeScore.createMany({
    data: previous.units.flatMap((u) =>
      u.scores.map((s) => ({
        roundUnitId: units.get(u.organizationId)!,
        nodeId: nodes.get(RENAMES[s.node.code]?.code ?? s.node.code)!,
        finalPoints: s.finalPoints,
        selfPoints: s.selfPoints,
        notApplicable: s.notApplicable,
      })),
    ),
  });
  return { roundId, frameworkId };
}
