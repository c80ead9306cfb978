import crypto from "node:crypto";

// Run as a separate process (another "instance") with its own DATA_DIR and the test's DATABASE_URL:
// prints the SHA-256 of each file it can read through the app's own readers, as JSON.
//   read-shared-files.ts evidence:<storagePath> eml:<messageId> packet:<conferenceId>/<fingerprint>
const { readEvidence } = await import("#app/files/file-store.server.ts");
const { sentMessageCopy } = await import("#app/mailing/transport.server.ts");
const { outboxFolder } = await import("#app/mailing/worker.server.ts");
const { readPacketPdf } = await import("#app/documents/packet-jobs.server.ts");
const { prisma } = await import("#app/database/db.server.ts");

const sha = (b: Buffer | null) => (b ? crypto.createHash("sha256").update(b).digest("hex") : null);
const out: Record<string, string | null> = {};
for (const arg of process.argv.slice(2)) {
  const [kind, ...rest] = arg.split(":");
  const ref = rest.join(":");
  if (kind === "evidence") out[arg] = sha(await readEvidence(ref).catch(() => null));
  else if (kind === "eml") out[arg] = sha(await sentMessageCopy(outboxFolder(), ref));
  else if (kind === "packet") {
    const [conferenceId, fingerprint] = ref.split("/");
    out[arg] = sha(await readPacketPdf(conferenceId!, fingerprint!));
  }
}
out.dataDir = process.env.DATA_DIR ?? null;
console.log(JSON.stringify(out));
await prisma.$disconnect();
process.exit(0);
