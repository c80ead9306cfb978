-- Issue 10: the check-in replay cache is keyed per conference and credential.
-- CheckinScan.conferenceId becomes required (every scan is decided for one conference; a NULL would
-- also make the unique key below useless in SQLite), credentialKey is added, and the unique key
-- (deviceId, nonce) becomes (conferenceId, credentialKey, deviceId, nonce).
-- RedefineTable (rows without a conference never existed: the check-in code always sets it).
CREATE TABLE "new_CheckinScan" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "deviceId" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "conferenceId" TEXT NOT NULL,
    "credentialKey" TEXT NOT NULL DEFAULT '',
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
INSERT INTO "new_CheckinScan" ("id", "deviceId", "nonce", "conferenceId", "attendeeId", "checkinListId", "userId", "method", "scannedAt", "receivedAt", "result", "reason", "response")
SELECT "id", "deviceId", "nonce", "conferenceId", "attendeeId", "checkinListId", "userId", "method", "scannedAt", "receivedAt", "result", "reason", "response" FROM "CheckinScan" WHERE "conferenceId" IS NOT NULL;
DROP TABLE "CheckinScan";
ALTER TABLE "new_CheckinScan" RENAME TO "CheckinScan";
CREATE INDEX "CheckinScan_conferenceId_attendeeId_idx" ON "CheckinScan"("conferenceId", "attendeeId");
CREATE UNIQUE INDEX "CheckinScan_conferenceId_credentialKey_deviceId_nonce_key" ON "CheckinScan"("conferenceId", "credentialKey", "deviceId", "nonce");
