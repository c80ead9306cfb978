// A session secret generated once and kept in DATA_DIR/session-secret, for the two cases that run
// without SESSION_SECRET: development, and `npm run demo` (ALLOW_DEMO_CREDENTIALS=true). Kept in a
// file rather than made up per process so that sessions survive a restart and the invitation tokens
// signed by the seed (which runs in its own process) stay valid for the server.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const SECRET_FILE_NAME = "session-secret";

export interface StoredSecret {
  secret: string;
  file: string;
  /** True when this call generated the secret. */
  created: boolean;
}

/** Reads DATA_DIR/session-secret, creating it (64 random hex characters, mode 0600) on first use. */
export function storedSessionSecret(dataDir: string): StoredSecret {
  const dir = path.resolve(process.cwd(), dataDir);
  const file = path.join(dir, SECRET_FILE_NAME);
  let created = false;
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    // Written to a private temporary file, then linked into place: link() fails if the file
    // appeared meanwhile (the seed and the server starting together), so nobody ever reads a
    // half-written secret and the first one written wins.
    const temporary = path.join(dir, `.${SECRET_FILE_NAME}-${process.pid}-${crypto.randomBytes(6).toString("hex")}`);
    fs.writeFileSync(temporary, `${crypto.randomBytes(32).toString("hex")}\n`, { mode: 0o600, flag: "wx" });
    try {
      fs.linkSync(temporary, file);
      created = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      fs.rmSync(temporary, { force: true });
    }
  }
  const secret = fs.readFileSync(file, "utf8").trim();
  if (secret.length < 32) {
    throw new Error(
      `Tệp khóa phiên ${file} không hợp lệ (ít hơn 32 ký tự). Xóa tệp này để tạo khóa mới, hoặc đặt SESSION_SECRET.`,
    );
  }
  return { secret, file, created };
}
