-- CreateTable
CREATE TABLE "IndexFramework" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unitLevelId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "IndexFramework_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "IndexFramework_unitLevelId_fkey" FOREIGN KEY ("unitLevelId") REFERENCES "OrganizationLevel" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FrameworkNode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "frameworkId" TEXT NOT NULL,
    "parentId" TEXT,
    "position" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "maxPoints" REAL NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'APPRAISAL',
    CONSTRAINT "FrameworkNode_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "IndexFramework" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FrameworkNode_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "FrameworkNode" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ClassBand" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "frameworkId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "minPct" REAL NOT NULL,
    CONSTRAINT "ClassBand_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "IndexFramework" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AssessmentRound" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "frameworkId" TEXT,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "shape" TEXT NOT NULL DEFAULT 'DETAILED',
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "previousRoundId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AssessmentRound_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "AssessmentRound_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "IndexFramework" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "AssessmentRound_previousRoundId_fkey" FOREIGN KEY ("previousRoundId") REFERENCES "AssessmentRound" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RoundUnit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "summaryPoints" REAL,
    "summaryMaxPoints" REAL,
    "surveyPoints" REAL,
    "sipasAccess" REAL,
    "sipasProcedures" REAL,
    "sipasCivilServants" REAL,
    "sipasResults" REAL,
    "sipasFeedback" REAL,
    CONSTRAINT "RoundUnit_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "AssessmentRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RoundUnit_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "NodeScore" (
    "roundUnitId" TEXT NOT NULL,
    "nodeId" TEXT NOT NULL,
    "selfPoints" REAL,
    "finalPoints" REAL,
    "notApplicable" BOOLEAN NOT NULL DEFAULT false,

    PRIMARY KEY ("roundUnitId", "nodeId"),
    CONSTRAINT "NodeScore_roundUnitId_fkey" FOREIGN KEY ("roundUnitId") REFERENCES "RoundUnit" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "NodeScore_nodeId_fkey" FOREIGN KEY ("nodeId") REFERENCES "FrameworkNode" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RemediationPlan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundUnitId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "reportingPeriod" TEXT NOT NULL DEFAULT 'QUARTERLY',
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RemediationPlan_roundUnitId_fkey" FOREIGN KEY ("roundUnitId") REFERENCES "RoundUnit" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RemediationAction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "nodeId" TEXT,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "pointsLost" REAL NOT NULL,
    "ownerOrganizationId" TEXT,
    "ownerUserId" TEXT,
    "solution" TEXT NOT NULL DEFAULT '',
    "deadline" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'NOT_STARTED',
    CONSTRAINT "RemediationAction_planId_fkey" FOREIGN KEY ("planId") REFERENCES "RemediationPlan" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RemediationAction_nodeId_fkey" FOREIGN KEY ("nodeId") REFERENCES "FrameworkNode" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "RemediationAction_ownerOrganizationId_fkey" FOREIGN KEY ("ownerOrganizationId") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "RemediationAction_ownerUserId_fkey" FOREIGN KEY ("ownerUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EvidenceFile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "actionId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "storagePath" TEXT NOT NULL,
    "uploadedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EvidenceFile_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "RemediationAction" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProgressReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ProgressReport_planId_fkey" FOREIGN KEY ("planId") REFERENCES "RemediationPlan" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "IndexFramework_organizationId_unitLevelId_year_version_key" ON "IndexFramework"("organizationId", "unitLevelId", "year", "version");

-- CreateIndex
CREATE INDEX "FrameworkNode_frameworkId_position_idx" ON "FrameworkNode"("frameworkId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "FrameworkNode_frameworkId_code_key" ON "FrameworkNode"("frameworkId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "ClassBand_frameworkId_position_key" ON "ClassBand"("frameworkId", "position");

-- CreateIndex
CREATE INDEX "AssessmentRound_organizationId_year_idx" ON "AssessmentRound"("organizationId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "RoundUnit_roundId_organizationId_key" ON "RoundUnit"("roundId", "organizationId");

-- CreateIndex
CREATE INDEX "RemediationPlan_roundUnitId_idx" ON "RemediationPlan"("roundUnitId");

-- CreateIndex
CREATE UNIQUE INDEX "RemediationAction_planId_position_key" ON "RemediationAction"("planId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "EvidenceFile_storagePath_key" ON "EvidenceFile"("storagePath");

-- CreateIndex
CREATE UNIQUE INDEX "ProgressReport_planId_period_key" ON "ProgressReport"("planId", "period");
