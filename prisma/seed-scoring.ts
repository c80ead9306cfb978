import fs from "node:fs";
import path from "node:path";
import { createFramework } from "../app/assessments/frameworks.server.ts";
import type { Prisma } from "../app/generated/prisma/client.ts";
import type { Framework } from "../app/scoring/index.ts";
import { frameworks, rounds } from "./seed-data/scoring.ts";

const FRAMEWORK_DIR = path.join(import.meta.dirname, "seed-data", "frameworks");

/** Demo frameworks and assessment rounds (with scores and SIPAS) for the seeded organisations. */
export async function seedScoring(tx: Prisma.TransactionClient, orgId: (key: string) => string, levelId: (code: string) => string) {
  const frameworkIds = new Map<string, string>();
  for (const f of frameworks) {
    const framework = JSON.parse(fs.readFileSync(path.join(FRAMEWORK_DIR, f.file), "utf8")) as Framework;
    const id = await createFramework(tx, {
      organizationId: orgId(f.organizationKey),
      unitLevelId: levelId(framework.unitLevel),
      version: f.version,
      framework,
    });
    frameworkIds.set(f.key, id);
  }
  const roundIds = new Map<string, string>();
  for (const r of rounds) {
    const frameworkId = r.frameworkKey ? frameworkIds.get(r.frameworkKey)! : null;
    const nodes = frameworkId ? await tx.frameworkNode.findMany({ where: { frameworkId }, select: { id: true, code: true } }) : [];
    const nodeId = new Map(nodes.map((n) => [n.code, n.id]));
    const round = await tx.assessmentRound.create({
      data: {
        organizationId: orgId(r.organizationKey),
        frameworkId,
        year: r.year,
        title: r.title,
        shape: r.shape,
        status: r.published ? "PUBLISHED" : "DRAFT",
        previousRoundId: r.previousRoundKey ? roundIds.get(r.previousRoundKey)! : null,
      },
      select: { id: true },
    });
    roundIds.set(r.key, round.id);
    for (const u of r.units) {
      const unit = await tx.roundUnit.create({
        data: {
          roundId: round.id,
          organizationId: orgId(u.organizationKey),
          summaryPoints: u.points ?? null,
          summaryMaxPoints: u.maxPoints ?? null,
          surveyPoints: u.surveyPoints ?? null,
          sipasAccess: u.sipas?.access ?? null,
          sipasProcedures: u.sipas?.procedures ?? null,
          sipasCivilServants: u.sipas?.civilServants ?? null,
          sipasResults: u.sipas?.results ?? null,
          sipasFeedback: u.sipas?.feedback ?? null,
        },
        select: { id: true },
      });
      const codes = new Set([...Object.keys(u.scores ?? {}), ...Object.keys(u.selfScores ?? {}), ...(u.notApplicable ?? [])]);
      if (codes.size) {
        await tx.nodeScore.createMany({
          data: [...codes].map((code) => ({
            roundUnitId: unit.id,
            nodeId: nodeId.get(code)!,
            finalPoints: u.scores?.[code] ?? null,
            selfPoints: u.selfScores?.[code] ?? null,
            notApplicable: u.notApplicable?.includes(code) ?? false,
          })),
        });
      }
    }
  }
  return { frameworks: frameworks.length, rounds: rounds.length };
}
