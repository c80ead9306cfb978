-- Issue 14: the meeting regime of Decision 45/2018/QĐ-TTg. Meeting documents with their audience and
-- who opened them, the conclusion notice (items, tasks, recipients), reminders scheduled ahead.
ALTER TABLE "Conference" ADD COLUMN "documentRound" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "OutboxMessage" ADD COLUMN "noticeRecipientId" TEXT REFERENCES "NoticeRecipient" ("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "MeetingDocument" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "conferenceId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "classified" BOOLEAN NOT NULL DEFAULT false,
    "phase" TEXT NOT NULL DEFAULT 'BEFORE',
    "audience" TEXT NOT NULL DEFAULT 'EVERYONE',
    "fileId" TEXT,
    "fileName" TEXT,
    "contentType" TEXT,
    "size" INTEGER,
    "publishedAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MeetingDocument_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "Conference" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MeetingDocument_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

CREATE TABLE "MeetingDocumentTarget" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "documentId" TEXT NOT NULL,
    "groupId" TEXT,
    "bridgePointId" TEXT,
    "attendeeId" TEXT,
    CONSTRAINT "MeetingDocumentTarget_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "MeetingDocument" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MeetingDocumentTarget_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "AttendeeGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MeetingDocumentTarget_bridgePointId_fkey" FOREIGN KEY ("bridgePointId") REFERENCES "BridgePoint" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MeetingDocumentTarget_attendeeId_fkey" FOREIGN KEY ("attendeeId") REFERENCES "Attendee" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "DocumentView" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "documentId" TEXT NOT NULL,
    "attendeeId" TEXT,
    "bridgePointId" TEXT,
    "firstAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "count" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "DocumentView_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "MeetingDocument" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DocumentView_attendeeId_fkey" FOREIGN KEY ("attendeeId") REFERENCES "Attendee" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DocumentView_bridgePointId_fkey" FOREIGN KEY ("bridgePointId") REFERENCES "BridgePoint" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "ConclusionNotice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "conferenceId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "documentNumber" TEXT,
    "documentSymbol" TEXT NOT NULL DEFAULT 'TB-UBND',
    "issuePlace" TEXT NOT NULL,
    "issuedOn" DATETIME,
    "title" TEXT NOT NULL,
    "opening" TEXT NOT NULL DEFAULT '',
    "chairText" TEXT NOT NULL DEFAULT '',
    "attendanceSummary" TEXT NOT NULL DEFAULT '',
    "closingText" TEXT NOT NULL DEFAULT '',
    "signAuthority" TEXT NOT NULL DEFAULT 'TL. CHỦ TỊCH',
    "signDelegation" TEXT NOT NULL DEFAULT '',
    "signerTitle" TEXT NOT NULL DEFAULT 'CHÁNH VĂN PHÒNG',
    "signerName" TEXT NOT NULL DEFAULT '',
    "issuedAt" DATETIME,
    "issuedById" TEXT,
    "pdfFileId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ConclusionNotice_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "Conference" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ConclusionNotice_pdfFileId_fkey" FOREIGN KEY ("pdfFileId") REFERENCES "StoredFile" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

CREATE TABLE "ConclusionItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "noticeId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "agendaItemId" TEXT,
    "heading" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    CONSTRAINT "ConclusionItem_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "ConclusionNotice" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ConclusionItem_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

CREATE TABLE "ConclusionTask" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "noticeId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "assignee" TEXT NOT NULL,
    "organizationId" TEXT,
    "duties" TEXT NOT NULL,
    "dueDate" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'NOT_STARTED',
    "planTaskId" TEXT,
    CONSTRAINT "ConclusionTask_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "ConclusionNotice" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ConclusionTask_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ConclusionTask_planTaskId_fkey" FOREIGN KEY ("planTaskId") REFERENCES "TaskAssignment" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

CREATE TABLE "NoticeRecipient" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "noticeId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "email" TEXT,
    CONSTRAINT "NoticeRecipient_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "ConclusionNotice" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "ScheduledReminder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "conferenceId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "sendAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'SCHEDULED',
    "queuedAt" DATETIME,
    "queuedCount" INTEGER NOT NULL DEFAULT 0,
    "statusNote" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ScheduledReminder_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "Conference" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "ReminderRecipient" (
    "reminderId" TEXT NOT NULL,
    "attendeeId" TEXT NOT NULL,

    PRIMARY KEY ("reminderId", "attendeeId"),
    CONSTRAINT "ReminderRecipient_reminderId_fkey" FOREIGN KEY ("reminderId") REFERENCES "ScheduledReminder" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReminderRecipient_attendeeId_fkey" FOREIGN KEY ("attendeeId") REFERENCES "Attendee" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE UNIQUE INDEX "OutboxMessage_noticeRecipientId_kind_version_key" ON "OutboxMessage"("noticeRecipientId", "kind", "version");

CREATE UNIQUE INDEX "MeetingDocument_fileId_key" ON "MeetingDocument"("fileId");

CREATE INDEX "MeetingDocument_conferenceId_position_idx" ON "MeetingDocument"("conferenceId", "position");

CREATE INDEX "MeetingDocumentTarget_documentId_idx" ON "MeetingDocumentTarget"("documentId");

CREATE UNIQUE INDEX "DocumentView_documentId_attendeeId_key" ON "DocumentView"("documentId", "attendeeId");

CREATE UNIQUE INDEX "DocumentView_documentId_bridgePointId_key" ON "DocumentView"("documentId", "bridgePointId");

CREATE UNIQUE INDEX "ConclusionNotice_conferenceId_key" ON "ConclusionNotice"("conferenceId");

CREATE UNIQUE INDEX "ConclusionNotice_pdfFileId_key" ON "ConclusionNotice"("pdfFileId");

CREATE UNIQUE INDEX "ConclusionItem_noticeId_position_key" ON "ConclusionItem"("noticeId", "position");

CREATE UNIQUE INDEX "ConclusionTask_noticeId_position_key" ON "ConclusionTask"("noticeId", "position");

CREATE UNIQUE INDEX "NoticeRecipient_noticeId_position_key" ON "NoticeRecipient"("noticeId", "position");

CREATE INDEX "ScheduledReminder_status_sendAt_idx" ON "ScheduledReminder"("status", "sendAt");

CREATE UNIQUE INDEX "ScheduledReminder_conferenceId_number_key" ON "ScheduledReminder"("conferenceId", "number");
