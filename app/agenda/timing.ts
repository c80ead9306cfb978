// The programme of a conference: items timed one after another from the start.
// Plain functions, no Remix or Prisma.

export const AGENDA_KINDS = [
  "OPENING",
  "REPORT",
  "DISCUSSION",
  "DIRECTION",
  "AWARDS",
  "BREAK",
  "CLOSING",
  "OTHER",
] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

export const AGENDA_KIND_LABEL: Record<AgendaKind, string> = {
  OPENING: "Khai mạc",
  REPORT: "Báo cáo",
  DISCUSSION: "Tham luận",
  DIRECTION: "Phát biểu chỉ đạo",
  AWARDS: "Trao thưởng",
  BREAK: "Giải lao",
  CLOSING: "Bế mạc",
  OTHER: "Nội dung khác",
};

export interface TimedItem<T> {
  item: T;
  startsAt: Date;
  endsAt: Date;
}

/** Each item starts when the previous one ends. */
export function timeAgenda<T extends { durationMinutes: number }>(startsAt: Date, items: T[]): Array<TimedItem<T>> {
  let t = startsAt.getTime();
  return items.map((item) => {
    const start = new Date(t);
    t += item.durationMinutes * 60_000;
    return { item, startsAt: start, endsAt: new Date(t) };
  });
}

/** Minutes by which the programme runs past the planned end (0 when it fits). */
export function overrunMinutes(startsAt: Date, endsAt: Date, items: Array<{ durationMinutes: number }>): number {
  const total = items.reduce((s, i) => s + i.durationMinutes, 0);
  return Math.max(0, Math.round((startsAt.getTime() + total * 60_000 - endsAt.getTime()) / 60_000));
}

/** The order after moving the item at `from` to `to`. */
export function moveItem<T>(items: T[], from: number, to: number): T[] {
  if (from < 0 || from >= items.length || to < 0 || to >= items.length) return items;
  const next = [...items];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved!);
  return next;
}
