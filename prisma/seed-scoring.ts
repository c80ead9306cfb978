import fs from "node:fs";
import path from "node:path";
import { createFramework, loadFramework } from "#app/scoring/frameworks.server.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { blockKey, cleanBlockName } from "#app/scoring/blocks.ts";
import { compileFramework, emptyScores, unitAppendices, type Framework } from "#app/scoring/index.ts";
import { confirmedMapping, seedMappings } from "#prisma/seed-data/binh-thuan-2024.ts";
import { frameworks, rounds } from "#prisma/seed-data/scoring.ts";

const FRAMEWORK_DIR = path.join(import.meta.dirname, "seed-data", "frameworks");

/** Demo frameworks and assessment rounds (with scores and SIPAS) for the seeded organisations. */
export async function seedScoring(
  tx: Prisma.TransactionClient,
  orgId: (key: string) => string,
  levelId: (code: string) => string,
) {
  const frameworkIds = new Map<string, string>();
  const compiledFrameworks = new Map<string, ReturnType<typeof compileFramework>>();
  for (const f of frameworks) {
    const framework = JSON.parse(fs.readFileSync(path.join(FRAMEWORK_DIR, f.file), "utf8")) as Framework;
    const id = await createFramework(tx, {
      organizationId: orgId(f.organizationKey),
      unitLevelId: levelId(framework.unitLevel),
      version: f.version,
      framework,
    });
    frameworkIds.set(f.key, id);
    compiledFrameworks.set(f.key, compileFramework(framework));
  }
  // The code mappings between framework versions, as Nội vụ confirmed them.
  for (const m of seedMappings) {
    const groups = confirmedMapping(
      compiledFrameworks.get(m.frameworkKey)!,
      compiledFrameworks.get(m.previousFrameworkKey)!,
      m.edits,
    );
    await tx.frameworkMapping.create({
      data: {
        frameworkId: frameworkIds.get(m.frameworkKey)!,
        previousFrameworkId: frameworkIds.get(m.previousFrameworkKey)!,
        codes: {
          create: groups.flatMap((g, group) => [
            ...g.current.map((code) => ({ side: "CURRENT" as const, code, group })),
            ...g.previous.map((code) => ({ side: "PREVIOUS" as const, code, group })),
          ]),
        },
      },
    });
  }
  const roundIds = new Map<string, string>();
  for (const r of rounds) {
    const frameworkId = r.frameworkKey ? frameworkIds.get(r.frameworkKey)! : null;
    const nodes = frameworkId
      ? await tx.frameworkNode.findMany({ where: { frameworkId }, select: { id: true, code: true } })
      : [];
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
    const blockIds = new Map<string, string>();
    for (const [position, name] of (r.blocks ?? []).entries()) {
      const block = await tx.roundBlock.create({
        data: { roundId: round.id, name: cleanBlockName(name), nameKey: blockKey(name), position },
        select: { id: true },
      });
      blockIds.set(blockKey(name), block.id);
    }
    // The previous round's units by organisation, for the predecessors of merged units.
    const previousUnits = r.previousRoundKey
      ? new Map(
          (
            await tx.roundUnit.findMany({
              where: { roundId: roundIds.get(r.previousRoundKey)! },
              select: { id: true, organizationId: true },
            })
          ).map((u) => [u.organizationId, u.id]),
        )
      : new Map<string, string>();
    for (const u of r.units) {
      const blockId = u.block ? blockIds.get(blockKey(u.block)) : undefined;
      if (u.block && !blockId) throw new Error(`${r.key}: ${u.organizationKey} is in an undeclared block ${u.block}`);
      const unit = await tx.roundUnit.create({
        data: {
          roundId: round.id,
          organizationId: orgId(u.organizationKey),
          blockId: blockId ?? null,
          ranked: u.ranked ?? true,
          notRankedReason: u.notRankedReason ?? null,
          publishedRank: u.publishedRank ?? null,
          predecessors: u.predecessors?.length
            ? {
                create: u.predecessors.map((key) => {
                  const previousRoundUnitId = previousUnits.get(orgId(key));
                  if (!previousRoundUnitId) throw new Error(`${r.key}: ${key} is not a unit of the previous round`);
                  return { previousRoundUnitId };
                }),
              }
            : undefined,
          summaryPoints: u.points ?? null,
          summaryMaxPoints: u.maxPoints ?? null,
          surveyPoints: u.surveyPoints ?? null,
          surveyMaxPoints: u.surveyMaxPoints ?? null,
          sipasAccess: u.sipas?.access ?? null,
          sipasProcedures: u.sipas?.procedures ?? null,
          sipasCivilServants: u.sipas?.civilServants ?? null,
          sipasResults: u.sipas?.results ?? null,
          sipasFeedback: u.sipas?.feedback ?? null,
        },
        select: { id: true },
      });
      const codes = new Set([
        ...Object.keys(u.scores ?? {}),
        ...Object.keys(u.selfScores ?? {}),
        ...(u.notApplicable ?? []),
      ]);
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
  await seedRemediation(tx, orgId, roundIds, frameworkIds);
  return { frameworks: frameworks.length, rounds: rounds.length, roundIds };
}

/**
 * Seed 003 as data: Tánh Linh's plan to fix the criteria that lost points in
 * 2023, with owners, deadlines (one overdue), evidence-free actions at every
 * status and a quarterly progress report.
 */
async function seedRemediation(
  tx: Prisma.TransactionClient,
  orgId: (key: string) => string,
  roundIds: Map<string, string>,
  frameworkIds: Map<string, string>,
) {
  const roundId = roundIds.get("binh-thuan-huyen-2023");
  const frameworkId = frameworkIds.get("par-index-huyen-binh-thuan");
  if (!roundId || !frameworkId) return;
  const stored = await loadFramework(frameworkId, tx);
  if (!stored) return;
  const compiled = compileFramework(stored.framework);
  const unit = await tx.roundUnit.findUniqueOrThrow({
    where: { roundId_organizationId: { roundId, organizationId: orgId("tanh-linh") } },
    select: {
      id: true,
      scores: {
        select: { finalPoints: true, selfPoints: true, notApplicable: true, node: { select: { code: true } } },
      },
    },
  });
  const scores = emptyScores(compiled, "tanh-linh", "UBND huyện Tánh Linh");
  for (const s of unit.scores) {
    const i = compiled.indexByCode.get(s.node.code)!;
    const p = s.finalPoints ?? s.selfPoints;
    if (p !== null) scores.points[i] = p;
    if (s.notApplicable) scores.notApplicable[i] = 1;
  }
  const { lostPoints } = unitAppendices(compiled, scores);
  const owner = orgId("tanh-linh-phong-noi-vu");
  const statuses = ["DONE", "IN_PROGRESS", "IN_PROGRESS", "NOT_STARTED"] as const;
  const deadlines = ["2024-06-30", "2024-09-30", "2026-12-31", "2027-03-31"];
  await tx.remediationPlan.create({
    data: {
      roundUnitId: unit.id,
      title:
        "Khắc phục những tồn tại, hạn chế năm 2023 và nâng cao chỉ số cải cách hành chính (Par Index) năm 2024 của UBND huyện Tánh Linh",
      reportingPeriod: "QUARTERLY",
      actions: {
        create: lostPoints.map((item, position) => ({
          position,
          nodeId: stored.nodeIds.get(item.code) ?? null,
          code: item.code,
          title: item.title,
          pointsLost: item.pointsLost,
          ownerOrganizationId: owner,
          solution:
            position % 2 === 0
              ? "Rà soát hồ sơ, bổ sung tài liệu kiểm chứng đầy đủ, đúng thời hạn; giao công chức theo dõi từng nội dung."
              : "Tham mưu UBND huyện ban hành văn bản chỉ đạo; kiểm tra, đôn đốc các cơ quan, đơn vị thực hiện hằng tháng.",
          deadline: new Date(`${deadlines[position % deadlines.length]}T00:00:00+07:00`),
          status: statuses[position % statuses.length],
        })),
      },
      reports: {
        create: [
          {
            period: "2024-Q1",
            content:
              "Đã quán triệt kết quả Chỉ số CCHC năm 2023 đến toàn thể cán bộ, công chức; giao nhiệm vụ khắc phục cho từng cơ quan chuyên môn; 1/4 nhóm nhiệm vụ đã hoàn thành.",
          },
        ],
      },
    },
  });
}
