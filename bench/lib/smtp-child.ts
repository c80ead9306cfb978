// The counting SMTP server of bench/invitations.ts in a process of its own, so the bench process's CPU
// time and peak memory are the sending side's alone (the app's outbox, Prisma, composing, nodemailer's
// transport), not the receiving server's. Run as a script it starts startCountingSmtp and answers the
// parent over IPC; imported, startCountingSmtpChild forks it and returns the same handle, asynchronous.
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startCountingSmtp, type SmtpCounts } from "#bench/lib/invitation-data.ts";

type Request = { id: number; cmd: "reset" | "usage" | "close" };
type Reply =
  | { ready: string }
  | {
      id: number;
      counts?: Omit<SmtpCounts, "ids"> & { ids: string[] };
      usage?: { cpuMs: number; maxRssMiB: number };
    };

/** What the child's own process used so far: CPU (user + system) and peak RSS. */
export interface ChildUsage {
  cpuMs: number;
  maxRssMiB: number;
}

export async function startCountingSmtpChild() {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const waiting = new Map<number, (reply: Reply) => void>();
  let next = 0;
  const url = await new Promise<string>((resolve, reject) => {
    child.once("error", reject);
    child.on("message", (m: Reply) => {
      if ("ready" in m) resolve(m.ready);
      else waiting.get(m.id)?.(m);
    });
  });
  const ask = (cmd: Request["cmd"]) =>
    new Promise<Reply>((resolve) => {
      const id = ++next;
      waiting.set(id, (r) => {
        waiting.delete(id);
        resolve(r);
      });
      child.send({ id, cmd } satisfies Request);
    });
  return {
    url,
    /** Starts counting afresh and returns what was counted so far. */
    async reset(): Promise<SmtpCounts> {
      const r = await ask("reset");
      const c = "id" in r && r.counts ? r.counts : { messages: 0, bytes: 0, ids: [], duplicates: 0, withoutId: 0 };
      return { ...c, ids: new Set(c.ids) };
    },
    async usage(): Promise<ChildUsage> {
      const r = await ask("usage");
      return "id" in r && r.usage ? r.usage : { cpuMs: 0, maxRssMiB: 0 };
    },
    async close(): Promise<void> {
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      await ask("close").catch(() => undefined);
      await exited;
    },
  };
}

async function serve() {
  const server = await startCountingSmtp();
  process.on("message", (m: Request) => {
    const reply = (r: Reply) => process.send?.(r);
    if (m.cmd === "reset") {
      const c = server.reset();
      reply({ id: m.id, counts: { ...c, ids: [...c.ids] } });
    } else if (m.cmd === "usage") {
      const u = process.cpuUsage();
      reply({
        id: m.id,
        usage: { cpuMs: (u.user + u.system) / 1000, maxRssMiB: process.resourceUsage().maxRSS / 1024 },
      });
    } else {
      reply({ id: m.id });
      void server.close().then(() => process.exit(0));
    }
  });
  process.on("disconnect", () => process.exit(0));
  process.send?.({ ready: server.url } satisfies Reply);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) void serve();
