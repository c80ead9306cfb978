import { DateTime } from "luxon";
import { createPrismaClient } from "#app/database/client.server.ts";
import { TIME_ZONE } from "#app/lib/vietnamese-date.ts";

/**
 * The demo's upcoming conference (Đà Nẵng, 18/12/2026) is upcoming only until that day. A test about a
 * conference not yet held moves it on by whole years, to the same day and hour, once today has come
 * within `daysAhead` of it; on earlier days it is left exactly as seeded. Returns its start as the
 * test should then expect it. Reads and writes this test file's own database (DATABASE_URL).
 */
export async function keepUpcoming(title: string, daysAhead = 2): Promise<Date> {
  const prisma = createPrismaClient(process.env.DATABASE_URL!);
  try {
    const c = await prisma.conference.findFirstOrThrow({
      where: { title },
      select: { id: true, startsAt: true, endsAt: true },
    });
    if (!c.startsAt || !c.endsAt) throw new Error(`${title}: no schedule`);
    const horizon = Date.now() + daysAhead * 86_400_000;
    let years = 0;
    const shifted = (d: Date) => DateTime.fromJSDate(d, { zone: TIME_ZONE }).plus({ years }).toJSDate();
    while (shifted(c.startsAt).getTime() < horizon) years++;
    if (years === 0) return c.startsAt;
    const startsAt = shifted(c.startsAt);
    await prisma.conference.update({ where: { id: c.id }, data: { startsAt, endsAt: shifted(c.endsAt) } });
    return startsAt;
  } finally {
    await prisma.$disconnect();
  }
}
