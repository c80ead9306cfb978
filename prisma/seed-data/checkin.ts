// Demo check-in lists: the entrances of seed 001's provincial hall (Quảng Nam) and of the 2026 Đà Nẵng
// conference, and one list per bridge point (attendance there is online); the main bridge point is the
// hall itself, whose entrances have their own lists. Attendance itself and the scan
// history are seeded with roll call.

import type { Prisma } from "#app/generated/prisma/client.ts";

export const checkinLists: Array<{ planKey: string; entrances: string[] }> = [
  { planKey: "quang-nam-2024-tong-ket-cchc-2023", entrances: ["Cổng chính Hội trường tỉnh", "Cổng phụ"] },
  { planKey: "da-nang-2026-tong-ket-cchc", entrances: ["Cổng chính Trung tâm Hành chính", "Cổng phụ"] },
];

/** Creates the lists: entrances first, then one per bridge point named after it. */
export async function seedCheckinLists(tx: Prisma.TransactionClient, conferenceIdByPlanKey: Map<string, string>) {
  let created = 0;
  for (const seed of checkinLists) {
    const conferenceId = conferenceIdByPlanKey.get(seed.planKey);
    if (!conferenceId) throw new Error(`Seed: unknown plan ${seed.planKey}`);
    const bridges = await tx.bridgePoint.findMany({
      where: { conferenceId, isMain: false },
      orderBy: { position: "asc" },
      select: { id: true, name: true },
    });
    const rows = [
      ...seed.entrances.map((name) => ({ name, bridgePointId: null as string | null })),
      ...bridges.map((b) => ({ name: b.name, bridgePointId: b.id as string | null })),
    ];
    await tx.checkinList.createMany({ data: rows.map((r, position) => ({ conferenceId, position, ...r })) });
    created += rows.length;
  }
  return created;
}
