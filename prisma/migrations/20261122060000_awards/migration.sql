-- CreateTable
CREATE TABLE "Award" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "conferenceId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PROPOSED',
    "recipientKind" TEXT NOT NULL,
    "recipientName" TEXT NOT NULL,
    "organizationName" TEXT NOT NULL DEFAULT '',
    "achievement" TEXT NOT NULL DEFAULT '',
    "form" TEXT NOT NULL,
    "decisionNumber" TEXT NOT NULL DEFAULT '',
    "decisionDate" DATETIME,
    "attendeeId" TEXT,
    CONSTRAINT "Award_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "Conference" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Award_attendeeId_fkey" FOREIGN KEY ("attendeeId") REFERENCES "Attendee" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Award_conferenceId_position_key" ON "Award"("conferenceId", "position");
