// npm run db:restore -- <backup folder> [--force] — checks a backup and puts it back, keeping
// whatever it replaces aside. See "Sao lưu và khôi phục" in README.md.
import path from "node:path";
import { parseArgs } from "node:util";
import { storageLocations } from "#app/database/backup/locations.server.ts";
import { formatBytes } from "#app/database/backup/manifest.server.ts";
import { restoreBackup } from "#app/database/backup/restore.server.ts";
import { progressPrinter } from "#scripts/lib/progress.ts";

const USAGE = "Cách dùng: npm run db:restore -- <thư mục bản sao lưu> [--force]";

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
  const { values, positionals } = args(() =>
    parseArgs({
      allowPositionals: true,
      options: { force: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    }),
  );
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (positionals.length !== 1) {
    console.error(
      `${positionals.length ? "Chỉ nhận một thư mục bản sao lưu." : "Thiếu thư mục bản sao lưu."}\n${USAGE}`,
    );
    process.exit(2);
  }
  const backupFolder = path.resolve(positionals[0]!);
  const where = storageLocations();
  console.log(`Khôi phục ${backupFolder} vào ${where.databaseFile} và ${where.dataDir} …`);
  const print = progressPrinter();
  const result = await restoreBackup({
    ...where,
    backupFolder,
    force: values.force === true,
    onProgress: (p) => {
      if (p.stage === "verify")
        print(p.stage, "Kiểm tra mã SHA-256", p.checkedFiles, p.totalFiles, {
          done: p.checkedBytes,
          total: p.totalBytes,
        });
      else if (p.stage === "integrity") console.log("  Kiểm tra toàn vẹn cơ sở dữ liệu (PRAGMA integrity_check) …");
      else if (p.stage === "copy")
        print(p.stage, "Chép vào chỗ", p.copiedFiles, p.totalFiles, { done: p.copiedBytes, total: p.totalBytes });
      else console.log("  Áp dụng migration còn thiếu …");
    },
  });
  const { manifest } = result;
  console.log(
    `Đã khôi phục bản sao lưu lúc ${manifest.createdAt}: cơ sở dữ liệu ${formatBytes(manifest.database.bytes)}, ${manifest.files.length} tệp dữ liệu.`,
  );
  console.log(
    result.appliedMigrations.length
      ? `  Đã áp dụng ${result.appliedMigrations.length} migration mới: ${result.appliedMigrations.join(", ")}`
      : "  Không có migration nào cần áp dụng.",
  );
  for (const file of result.keptAside) console.log(`  Bản cũ giữ lại: ${file}`);
  console.log("Khởi động lại ứng dụng (npm start) để dùng dữ liệu vừa khôi phục.");
}

main().catch((error: unknown) => {
  console.error(`Khôi phục thất bại: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
