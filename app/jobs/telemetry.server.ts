// What the job table tells the operator: a JSON log line per finished job (job.done, job.failed: id,
// kind, duration) and, for GET /metrics, the jobs by status, read from the database when scraped.
import { prisma } from "#app/database/db.server.ts";
import { JobStatus } from "#app/generated/prisma/enums.ts";
import { errorText, logger } from "#app/lib/logger.server.ts";
import { sampledGauge } from "#app/lib/metrics.server.ts";

export function logJobOutcome(job: { id: string; kind: string }, startedAt: number, failure: string | null): void {
  const line = {
    event: failure === null ? "job.done" : "job.failed",
    jobId: job.id,
    kind: job.kind,
    ms: Date.now() - startedAt,
  };
  if (failure === null) logger.info(line, "job done");
  else logger.warn({ ...line, error: errorText(failure) }, "job failed");
}

sampledGauge({
  name: "hoinghi_jobs",
  help: "Jobs (packet builds) by status",
  labelNames: ["status"] as const,
  async read() {
    const groups = await prisma.job.groupBy({ by: ["status"], _count: { _all: true } });
    const counts = new Map(groups.map((g) => [g.status, g._count._all]));
    return Object.values(JobStatus).map((status) => ({ labels: { status }, value: counts.get(status) ?? 0 }));
  },
});
