-- CreateTable
CREATE TABLE "FrameworkMapping" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "frameworkId" TEXT NOT NULL,
    "previousFrameworkId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "FrameworkMapping_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "IndexFramework" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FrameworkMapping_previousFrameworkId_fkey" FOREIGN KEY ("previousFrameworkId") REFERENCES "IndexFramework" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FrameworkMappingCode" (
    "mappingId" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "group" INTEGER NOT NULL,

    PRIMARY KEY ("mappingId", "side", "code"),
    CONSTRAINT "FrameworkMappingCode_mappingId_fkey" FOREIGN KEY ("mappingId") REFERENCES "FrameworkMapping" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "FrameworkMapping_previousFrameworkId_idx" ON "FrameworkMapping"("previousFrameworkId");

-- CreateIndex
CREATE UNIQUE INDEX "FrameworkMapping_frameworkId_previousFrameworkId_key" ON "FrameworkMapping"("frameworkId", "previousFrameworkId");

-- CreateIndex
CREATE INDEX "FrameworkMappingCode_mappingId_group_idx" ON "FrameworkMappingCode"("mappingId", "group");

