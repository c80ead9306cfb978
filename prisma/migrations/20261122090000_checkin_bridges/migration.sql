-- Issue 6: bridge point readiness, check-in lists, attendance and the scan log.
ALTER TABLE "Conference" ADD COLUMN "bridgeTestAt" DATETIME;
ALTER TABLE "Conference" ADD COLUMN "bridgeTestNote" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Conference" ADD COLUMN "bridgeTestRound" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "BridgePoint" ADD COLUMN "room" TEXT NOT NULL DEFAULT '';
ALTER TABLE "BridgePoint" ADD COLUMN "contactName" TEXT NOT NULL DEFAULT '';
ALTER TABLE "BridgePoint" ADD COLUMN "contactPhone" TEXT NOT NULL DEFAULT '';
ALTER TABLE "BridgePoint" ADD COLUMN "contactEmail" TEXT NOT NULL DEFAULT '';
ALTER TABLE "BridgePoint" ADD COLUMN "accessKey" TEXT;
ALTER TABLE "BridgePoint" ADD COLUMN "posterKey" TEXT;
ALTER TABLE "BridgePoint" ADD COLUMN "readiness" TEXT NOT NULL DEFAULT 'UNTESTED';
ALTER TABLE "BridgePoint" ADD COLUMN "readinessAt" DATETIME;
ALTER TABLE "BridgePoint" ADD COLUMN "testRequestedAt" DATETIME;
ALTER TABLE "Attendee" ADD COLUMN "walkIn" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ConnectivityTest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bridgePointId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userId" TEXT,
    "operatorName" TEXT NOT NULL DEFAULT '',
    "latencyMs" REAL,
    "jitterMs" REAL,
    "lossPercent" REAL,
    "downloadMbps" REAL,
    "uploadMbps" REAL,
    "camera" BOOLEAN NOT NULL DEFAULT false,
    "microphone" BOOLEAN NOT NULL DEFAULT false,
    "screen" BOOLEAN NOT NULL DEFAULT false,
    "sound" BOOLEAN NOT NULL DEFAULT false,
    "backupConnection" BOOLEAN NOT NULL DEFAULT false,
    "notes" TEXT NOT NULL DEFAULT '',
    "result" TEXT NOT NULL,
    "userAgent" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "ConnectivityTest_bridgePointId_fkey" FOREIGN KEY ("bridgePointId") REFERENCES "BridgePoint" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ConnectivityTest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CheckinList" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "conferenceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "bridgePointId" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CheckinList_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "Conference" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CheckinList_bridgePointId_fkey" FOREIGN KEY ("bridgePointId") REFERENCES "BridgePoint" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Attendance" (
    "attendeeId" TEXT NOT NULL PRIMARY KEY,
    "conferenceId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "bridgePointId" TEXT,
    "checkinListId" TEXT,
    "checkedInAt" DATETIME,
    "deviceId" TEXT NOT NULL DEFAULT '',
    "method" TEXT NOT NULL,
    "absenceReason" TEXT NOT NULL DEFAULT '',
    "substituteName" TEXT NOT NULL DEFAULT '',
    "recordedById" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Attendance_attendeeId_fkey" FOREIGN KEY ("attendeeId") REFERENCES "Attendee" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Attendance_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "Conference" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Attendance_bridgePointId_fkey" FOREIGN KEY ("bridgePointId") REFERENCES "BridgePoint" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Attendance_checkinListId_fkey" FOREIGN KEY ("checkinListId") REFERENCES "CheckinList" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CheckinScan" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "deviceId" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "conferenceId" TEXT,
    "attendeeId" TEXT,
    "checkinListId" TEXT,
    "userId" TEXT,
    "method" TEXT NOT NULL,
    "scannedAt" DATETIME NOT NULL,
    "receivedAt" DATETIME NOT NULL,
    "result" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "response" TEXT NOT NULL,
    CONSTRAINT "CheckinScan_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "Conference" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CheckinScan_attendeeId_fkey" FOREIGN KEY ("attendeeId") REFERENCES "Attendee" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CheckinScan_checkinListId_fkey" FOREIGN KEY ("checkinListId") REFERENCES "CheckinList" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTable: attendeeId becomes optional, bridgePointId is added.
CREATE TABLE "new_OutboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "conferenceId" TEXT NOT NULL,
    "attendeeId" TEXT,
    "bridgePointId" TEXT,
    "kind" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "messageId" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "attachPdf" BOOLEAN NOT NULL DEFAULT false,
    "changeNote" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedAt" DATETIME,
    "sentAt" DATETIME,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OutboxMessage_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "Conference" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OutboxMessage_attendeeId_fkey" FOREIGN KEY ("attendeeId") REFERENCES "Attendee" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OutboxMessage_bridgePointId_fkey" FOREIGN KEY ("bridgePointId") REFERENCES "BridgePoint" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_OutboxMessage" ("id", "conferenceId", "attendeeId", "kind", "version", "messageId", "toAddress", "subject", "attachPdf", "changeNote", "status", "attempts", "nextAttemptAt", "claimedAt", "sentAt", "lastError", "createdAt") SELECT "id", "conferenceId", "attendeeId", "kind", "version", "messageId", "toAddress", "subject", "attachPdf", "changeNote", "status", "attempts", "nextAttemptAt", "claimedAt", "sentAt", "lastError", "createdAt" FROM "OutboxMessage";
DROP TABLE "OutboxMessage";
ALTER TABLE "new_OutboxMessage" RENAME TO "OutboxMessage";
CREATE UNIQUE INDEX "OutboxMessage_messageId_key" ON "OutboxMessage"("messageId");
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");
CREATE INDEX "OutboxMessage_conferenceId_kind_version_idx" ON "OutboxMessage"("conferenceId", "kind", "version");
CREATE UNIQUE INDEX "OutboxMessage_attendeeId_kind_version_key" ON "OutboxMessage"("attendeeId", "kind", "version");
CREATE UNIQUE INDEX "OutboxMessage_bridgePointId_kind_version_key" ON "OutboxMessage"("bridgePointId", "kind", "version");

CREATE UNIQUE INDEX "BridgePoint_accessKey_key" ON "BridgePoint"("accessKey");
CREATE UNIQUE INDEX "BridgePoint_posterKey_key" ON "BridgePoint"("posterKey");
CREATE INDEX "ConnectivityTest_bridgePointId_createdAt_idx" ON "ConnectivityTest"("bridgePointId", "createdAt");
CREATE UNIQUE INDEX "CheckinList_conferenceId_name_key" ON "CheckinList"("conferenceId", "name");
CREATE INDEX "Attendance_conferenceId_status_idx" ON "Attendance"("conferenceId", "status");
CREATE INDEX "CheckinScan_conferenceId_attendeeId_idx" ON "CheckinScan"("conferenceId", "attendeeId");
CREATE UNIQUE INDEX "CheckinScan_deviceId_nonce_key" ON "CheckinScan"("deviceId", "nonce");
