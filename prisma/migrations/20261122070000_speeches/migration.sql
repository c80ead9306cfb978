-- CreateTable
CREATE TABLE "Speech" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "conferenceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'DISCUSSION',
    "status" TEXT NOT NULL DEFAULT 'REGISTERED',
    "title" TEXT NOT NULL,
    "speakerName" TEXT NOT NULL,
    "speakerPosition" TEXT NOT NULL DEFAULT '',
    "organizationName" TEXT NOT NULL DEFAULT '',
    "durationMinutes" INTEGER NOT NULL,
    "speakingOrder" INTEGER,
    "fileName" TEXT,
    "fileMime" TEXT,
    "filePath" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Speech_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "Conference" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SpeechVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "speechId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "content" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SpeechVersion_speechId_fkey" FOREIGN KEY ("speechId") REFERENCES "Speech" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Speech_conferenceId_status_idx" ON "Speech"("conferenceId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "SpeechVersion_speechId_version_key" ON "SpeechVersion"("speechId", "version");
