-- AlterTable
ALTER TABLE "Conference" ADD COLUMN "invitationNumber" TEXT;
ALTER TABLE "Conference" ADD COLUMN "preparationNote" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Conference" ADD COLUMN "contactName" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Conference" ADD COLUMN "contactPhone" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Conference" ADD COLUMN "contactEmail" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Conference" ADD COLUMN "calendarSequence" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Conference" ADD COLUMN "reminderRound" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "BridgePoint" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "conferenceId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "hostOrganizationId" TEXT,
    "address" TEXT NOT NULL DEFAULT '',
    "isMain" BOOLEAN NOT NULL DEFAULT false,
    "videoLink" TEXT NOT NULL DEFAULT '',
    "videoPasscode" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "BridgePoint_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "Conference" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BridgePoint_hostOrganizationId_fkey" FOREIGN KEY ("hostOrganizationId") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Attendee" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "conferenceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" TEXT NOT NULL DEFAULT '',
    "organizationName" TEXT NOT NULL DEFAULT '',
    "organizationId" TEXT,
    "groupId" TEXT,
    "email" TEXT NOT NULL,
    "phone" TEXT NOT NULL DEFAULT '',
    "bridgePointId" TEXT,
    "token" TEXT NOT NULL,
    "invitationKey" TEXT NOT NULL,
    "rsvp" TEXT NOT NULL DEFAULT 'NO_ANSWER',
    "declineReason" TEXT NOT NULL DEFAULT '',
    "respondedAt" DATETIME,
    "revokedAt" DATETIME,
    "substituteForId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Attendee_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "Conference" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Attendee_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Attendee_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "AttendeeGroup" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Attendee_bridgePointId_fkey" FOREIGN KEY ("bridgePointId") REFERENCES "BridgePoint" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Attendee_substituteForId_fkey" FOREIGN KEY ("substituteForId") REFERENCES "Attendee" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "conferenceId" TEXT NOT NULL,
    "attendeeId" TEXT NOT NULL,
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
    CONSTRAINT "OutboxMessage_attendeeId_fkey" FOREIGN KEY ("attendeeId") REFERENCES "Attendee" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "BridgePoint_conferenceId_position_key" ON "BridgePoint"("conferenceId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Attendee_token_key" ON "Attendee"("token");

-- CreateIndex
CREATE UNIQUE INDEX "Attendee_invitationKey_key" ON "Attendee"("invitationKey");

-- CreateIndex
CREATE INDEX "Attendee_conferenceId_rsvp_idx" ON "Attendee"("conferenceId", "rsvp");

-- CreateIndex
CREATE UNIQUE INDEX "Attendee_conferenceId_email_key" ON "Attendee"("conferenceId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_messageId_key" ON "OutboxMessage"("messageId");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_conferenceId_kind_version_idx" ON "OutboxMessage"("conferenceId", "kind", "version");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_attendeeId_kind_version_key" ON "OutboxMessage"("attendeeId", "kind", "version");
