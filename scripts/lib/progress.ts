import { formatBytes } from "#app/database/backup/manifest.server.ts";

// Progress lines for the backup and restore commands: one line when a stage ends, and one a
// second while it runs, so a large copy shows it is alive without flooding a cron log.

export function progressPrinter(write: (line: string) => void = (line) => console.log(line)) {
  let stage = "";
  let lastAt = 0;
  return (current: string, label: string, done: number, total: number, bytes?: { done: number; total: number }) => {
    const now = Date.now();
    if (current !== stage) {
      stage = current;
      lastAt = now;
    }
    const finished = done >= total;
    if (!finished && now - lastAt < 1000) return;
    if (finished && lastAt === -1) return;
    // By bytes when known: one large database file next to many small ones skews a file count.
    const [part, whole] = bytes && bytes.total > 0 ? [bytes.done, bytes.total] : [done, total];
    const percent = whole > 0 ? Math.floor((part / whole) * 100) : 100;
    const size = bytes ? ` — ${formatBytes(bytes.done)} / ${formatBytes(bytes.total)}` : "";
    write(`  ${label}: ${percent}% (${done}/${total})${size}`);
    lastAt = finished ? -1 : now;
  };
}
