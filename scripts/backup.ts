// npm run db:backup [-- --to <folder>] — a consistent copy of the live database and the data
// directory, safe while the app serves. See "Sao lưu và khôi phục" in README.md.
import path from "node:path";
import { parseArgs } from "node:util";
import { createBackup } from "#app/database/backup/backup.server.ts";
import { storageLocations } from "#app/database/backup/locations.server.ts";
import { formatBytes } from "#app/database/backup/manifest.server.ts";
import { progressPrinter } from "#scripts/lib/progress.ts";

const USAGE = "Cách dùng: npm run db:backup [-- --to <thư mục chứa các bản sao lưu>]";

/** parseArgs answers in English; the operator gets the usage line instead. */
function args<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    console.error(`Tham số không hợp lệ: ${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

async function main() {
  const { values } = args(() =>
    parseArgs({ options: { to: { type: "string" }, help: { type: "boolean", short: "h" } } }),
  );
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const where = storageLocations();
  const backupRoot = values.to ? path.resolve(values.to) : where.backupRoot;
  console.log(`Sao lưu ${where.databaseFile} và ${where.dataDir} vào ${backupRoot} …`);
  const print = progressPrinter();
  const { folder, manifest } = await createBackup({
    ...where,
    backupRoot,
    onProgress: (p) => {
      if (p.stage === "database") {
        print(p.stage, "Cơ sở dữ liệu", p.copiedPages, p.totalPages, {
          done: p.copiedPages * p.pageSize,
          total: p.totalPages * p.pageSize,
        });
      } else if (p.stage === "integrity") console.log("  Kiểm tra toàn vẹn bản sao (PRAGMA integrity_check) …");
      else print(p.stage, "Tệp dữ liệu", p.copiedFiles, p.totalFiles, { done: p.copiedBytes, total: p.totalBytes });
    },
  });
  console.log(
    `Đã sao lưu xong: ${folder}\n` +
      `  cơ sở dữ liệu ${formatBytes(manifest.database.bytes)} (integrity_check: ok, ${manifest.migrations.length} migration), ` +
      `${manifest.files.length} tệp dữ liệu (${formatBytes(manifest.totals.bytes - manifest.database.bytes)}), ` +
      `${(manifest.durationMs / 1000).toFixed(1).replace(".", ",")} giây.`,
  );
  for (const s of manifest.skipped) console.log(`  bỏ qua: ${s}`);
}

main().catch((error: unknown) => {
  console.error(`Sao lưu thất bại: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
