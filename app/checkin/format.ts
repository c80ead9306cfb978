// Times as check-in staff read them, on the scanner and in the API's answers: "lúc 08:12 ngày 18/01/2024",
// always in Vietnam time.

const parts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Ho_Chi_Minh",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

export function formatScanTime(iso: string | Date): string {
  const date = typeof iso === "string" ? new Date(iso) : iso;
  if (Number.isNaN(date.getTime())) return "";
  const p = Object.fromEntries(parts.formatToParts(date).map((x) => [x.type, x.value]));
  return `lúc ${p.hour}:${p.minute} ngày ${p.day}/${p.month}/${p.year}`;
}
