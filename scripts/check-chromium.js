// Browser tests need Debian's Chromium; fail with instructions instead of skipping.
import fs from "node:fs";

const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean);
const found = candidates.find((p) => fs.existsSync(p));
if (!found) {
  console.error(
    [
      "Không tìm thấy Chromium để chạy kiểm thử trình duyệt (browser tests).",
      "Cài đặt trên Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium",
      "hoặc đặt CHROMIUM_PATH=/đường/dẫn/tới/chromium.",
    ].join("\n"),
  );
  process.exit(1);
}
