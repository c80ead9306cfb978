-- Issue 12: nothing that matters stays in one process. Outbox claims carry their owner and a lease
-- (a dead instance's claims return to the queue when it runs out); long work is a Job row any instance
-- can run; files live in the database (StoredFile) so instances with different data directories see them.
ALTER TABLE "OutboxMessage" ADD COLUMN "claimedBy" TEXT;
ALTER TABLE "OutboxMessage" ADD COLUMN "leaseUntil" DATETIME;
CREATE INDEX "OutboxMessage_status_leaseUntil_idx" ON "OutboxMessage"("status", "leaseUntil");

-- CreateTable
CREATE TABLE "StoredFile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "key" TEXT,
    "name" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "bytes" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "scope" TEXT,
    "params" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'QUEUED',
    "done" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 1,
    "stage" TEXT NOT NULL DEFAULT '',
    "error" TEXT,
    "resultFileId" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "claimedBy" TEXT,
    "leaseUntil" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME
);


CREATE UNIQUE INDEX "StoredFile_kind_key_key" ON "StoredFile"("kind", "key");
CREATE UNIQUE INDEX "Job_kind_key_key" ON "Job"("kind", "key");
CREATE INDEX "Job_status_leaseUntil_idx" ON "Job"("status", "leaseUntil");
CREATE INDEX "Job_kind_scope_createdAt_idx" ON "Job"("kind", "scope", "createdAt");
