-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'OFFICE', 'HOME_AFFAIRS', 'BRIDGE_OPERATOR', 'CHECKIN_STAFF', 'IT_SUPPORT', 'VIEWER');

-- CreateEnum
CREATE TYPE "PlanKind" AS ENUM ('CONFERENCE', 'REMEDIATION');

-- CreateEnum
CREATE TYPE "ConferenceFormat" AS ENUM ('IN_PERSON', 'ONLINE', 'HYBRID');

-- CreateEnum
CREATE TYPE "ConferenceStatus" AS ENUM ('DRAFT', 'ISSUED', 'INVITATIONS_SENT', 'HELD', 'CLOSED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "NodeSource" AS ENUM ('APPRAISAL', 'SURVEY');

-- CreateEnum
CREATE TYPE "RoundShape" AS ENUM ('DETAILED', 'SUMMARY');

-- CreateEnum
CREATE TYPE "RoundStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "ReportingPeriod" AS ENUM ('MONTHLY', 'QUARTERLY');

-- CreateEnum
CREATE TYPE "ActionStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'DONE');

-- CreateEnum
CREATE TYPE "BridgeReadiness" AS ENUM ('UNTESTED', 'PASSED', 'FAILED');

-- CreateEnum
CREATE TYPE "AttendanceStatus" AS ENUM ('IN_PERSON', 'ONLINE', 'ABSENT', 'SUBSTITUTE');

-- CreateEnum
CREATE TYPE "CheckinMethod" AS ENUM ('SCAN', 'SELF', 'MANUAL', 'WALK_IN', 'ROLL_CALL');

-- CreateEnum
CREATE TYPE "ScanResult" AS ENUM ('ACCEPTED', 'DUPLICATE', 'REJECTED');

-- CreateEnum
CREATE TYPE "RsvpStatus" AS ENUM ('NO_ANSWER', 'ACCEPTED', 'DECLINED', 'SUBSTITUTED');

-- CreateEnum
CREATE TYPE "MessageKind" AS ENUM ('INVITATION', 'UPDATE', 'CANCELLATION', 'REMINDER', 'BRIDGE_TEST');

-- CreateEnum
CREATE TYPE "MessageStatus" AS ENUM ('QUEUED', 'SENDING', 'SENT', 'FAILED');

-- CreateEnum
CREATE TYPE "AgendaKind" AS ENUM ('OPENING', 'REPORT', 'DISCUSSION', 'DIRECTION', 'AWARDS', 'BREAK', 'CLOSING', 'OTHER');

-- CreateEnum
CREATE TYPE "AwardStatus" AS ENUM ('PROPOSED', 'APPROVED');

-- CreateEnum
CREATE TYPE "AwardRecipientKind" AS ENUM ('COLLECTIVE', 'INDIVIDUAL');

-- CreateEnum
CREATE TYPE "SpeechKind" AS ENUM ('DISCUSSION', 'LEADER');

-- CreateEnum
CREATE TYPE "SpeechStatus" AS ENUM ('REGISTERED', 'APPROVED', 'REJECTED', 'DELIVERED');

-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED');

-- CreateTable
CREATE TABLE "OrganizationLevel" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,

    CONSTRAINT "OrganizationLevel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organization" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "documentName" TEXT NOT NULL,
    "placeName" TEXT NOT NULL,
    "code" TEXT,
    "levelId" TEXT NOT NULL,
    "parentId" TEXT,
    "dissolvedOn" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" TEXT,
    "organizationId" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "rolesChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Password" (
    "hash" TEXT NOT NULL,
    "userId" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "UserRole" (
    "userId" TEXT NOT NULL,
    "role" "Role" NOT NULL,

    CONSTRAINT "UserRole_pkey" PRIMARY KEY ("userId","role")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Conference" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "kind" "PlanKind" NOT NULL DEFAULT 'CONFERENCE',
    "status" "ConferenceStatus" NOT NULL DEFAULT 'DRAFT',
    "documentNumber" TEXT,
    "documentSymbol" TEXT NOT NULL DEFAULT 'KH-UBND',
    "issuePlace" TEXT NOT NULL,
    "issueDay" INTEGER,
    "issueMonth" INTEGER,
    "issueYear" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "legalBasis" TEXT NOT NULL DEFAULT '',
    "purposes" TEXT NOT NULL DEFAULT '',
    "requirements" TEXT NOT NULL DEFAULT '',
    "content" TEXT NOT NULL DEFAULT '',
    "closing" TEXT NOT NULL DEFAULT '',
    "format" "ConferenceFormat" NOT NULL DEFAULT 'IN_PERSON',
    "formatNote" TEXT NOT NULL DEFAULT '',
    "startsAt" TIMESTAMP(3),
    "endsAt" TIMESTAMP(3),
    "tentativeMonth" INTEGER,
    "tentativeYear" INTEGER,
    "scheduleNote" TEXT NOT NULL DEFAULT '',
    "scheduleText" TEXT NOT NULL DEFAULT '',
    "venue" TEXT NOT NULL DEFAULT '',
    "budgetSource" TEXT NOT NULL DEFAULT '',
    "chair" TEXT NOT NULL DEFAULT '',
    "signAuthority" TEXT NOT NULL DEFAULT 'TM. ỦY BAN NHÂN DÂN',
    "signDelegation" TEXT NOT NULL DEFAULT '',
    "signerTitle" TEXT NOT NULL DEFAULT 'CHỦ TỊCH',
    "signerName" TEXT NOT NULL DEFAULT '',
    "outline" TEXT,
    "invitationNumber" TEXT,
    "preparationNote" TEXT NOT NULL DEFAULT '',
    "contactName" TEXT NOT NULL DEFAULT '',
    "contactPhone" TEXT NOT NULL DEFAULT '',
    "contactEmail" TEXT NOT NULL DEFAULT '',
    "calendarSequence" INTEGER NOT NULL DEFAULT 0,
    "reminderRound" INTEGER NOT NULL DEFAULT 0,
    "scoringRoundId" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "bridgeTestAt" TIMESTAMP(3),
    "bridgeTestNote" TEXT NOT NULL DEFAULT '',
    "bridgeTestRound" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Conference_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttendeeGroup" (
    "id" TEXT NOT NULL,
    "conferenceId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "heading" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "AttendeeGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttendeeLine" (
    "id" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "organizationId" TEXT,

    CONSTRAINT "AttendeeLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskAssignment" (
    "id" TEXT NOT NULL,
    "conferenceId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "assignee" TEXT NOT NULL,
    "organizationId" TEXT,
    "duties" TEXT NOT NULL,
    "inlineDuties" BOOLEAN NOT NULL DEFAULT false,
    "dueDate" TIMESTAMP(3),
    "status" "TaskStatus" NOT NULL DEFAULT 'NOT_STARTED',

    CONSTRAINT "TaskAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Recipient" (
    "id" TEXT NOT NULL,
    "conferenceId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "Recipient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndexFramework" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unitLevelId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IndexFramework_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FrameworkNode" (
    "id" TEXT NOT NULL,
    "frameworkId" TEXT NOT NULL,
    "parentId" TEXT,
    "position" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "maxPoints" DOUBLE PRECISION NOT NULL,
    "source" "NodeSource" NOT NULL DEFAULT 'APPRAISAL',

    CONSTRAINT "FrameworkNode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClassBand" (
    "id" TEXT NOT NULL,
    "frameworkId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "minPct" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "ClassBand_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentRound" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "frameworkId" TEXT,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "shape" "RoundShape" NOT NULL DEFAULT 'DETAILED',
    "status" "RoundStatus" NOT NULL DEFAULT 'DRAFT',
    "previousRoundId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AssessmentRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoundUnit" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "summaryPoints" DOUBLE PRECISION,
    "summaryMaxPoints" DOUBLE PRECISION,
    "surveyPoints" DOUBLE PRECISION,
    "sipasAccess" DOUBLE PRECISION,
    "sipasProcedures" DOUBLE PRECISION,
    "sipasCivilServants" DOUBLE PRECISION,
    "sipasResults" DOUBLE PRECISION,
    "sipasFeedback" DOUBLE PRECISION,

    CONSTRAINT "RoundUnit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NodeScore" (
    "roundUnitId" TEXT NOT NULL,
    "nodeId" TEXT NOT NULL,
    "selfPoints" DOUBLE PRECISION,
    "finalPoints" DOUBLE PRECISION,
    "notApplicable" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "NodeScore_pkey" PRIMARY KEY ("roundUnitId","nodeId")
);

-- CreateTable
CREATE TABLE "RemediationPlan" (
    "id" TEXT NOT NULL,
    "roundUnitId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "reportingPeriod" "ReportingPeriod" NOT NULL DEFAULT 'QUARTERLY',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RemediationPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RemediationAction" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "nodeId" TEXT,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "pointsLost" DOUBLE PRECISION NOT NULL,
    "ownerOrganizationId" TEXT,
    "ownerUserId" TEXT,
    "solution" TEXT NOT NULL DEFAULT '',
    "deadline" TIMESTAMP(3),
    "status" "ActionStatus" NOT NULL DEFAULT 'NOT_STARTED',

    CONSTRAINT "RemediationAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceFile" (
    "id" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "storagePath" TEXT NOT NULL,
    "uploadedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvidenceFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgressReport" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProgressReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BridgePoint" (
    "id" TEXT NOT NULL,
    "conferenceId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "hostOrganizationId" TEXT,
    "address" TEXT NOT NULL DEFAULT '',
    "isMain" BOOLEAN NOT NULL DEFAULT false,
    "videoLink" TEXT NOT NULL DEFAULT '',
    "videoPasscode" TEXT NOT NULL DEFAULT '',
    "room" TEXT NOT NULL DEFAULT '',
    "contactName" TEXT NOT NULL DEFAULT '',
    "contactPhone" TEXT NOT NULL DEFAULT '',
    "contactEmail" TEXT NOT NULL DEFAULT '',
    "accessKey" TEXT,
    "posterKey" TEXT,
    "readiness" "BridgeReadiness" NOT NULL DEFAULT 'UNTESTED',
    "readinessAt" TIMESTAMP(3),
    "testRequestedAt" TIMESTAMP(3),

    CONSTRAINT "BridgePoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConnectivityTest" (
    "id" TEXT NOT NULL,
    "bridgePointId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userId" TEXT,
    "operatorName" TEXT NOT NULL DEFAULT '',
    "latencyMs" DOUBLE PRECISION,
    "jitterMs" DOUBLE PRECISION,
    "lossPercent" DOUBLE PRECISION,
    "downloadMbps" DOUBLE PRECISION,
    "uploadMbps" DOUBLE PRECISION,
    "camera" BOOLEAN NOT NULL DEFAULT false,
    "microphone" BOOLEAN NOT NULL DEFAULT false,
    "screen" BOOLEAN NOT NULL DEFAULT false,
    "sound" BOOLEAN NOT NULL DEFAULT false,
    "backupConnection" BOOLEAN NOT NULL DEFAULT false,
    "notes" TEXT NOT NULL DEFAULT '',
    "result" "BridgeReadiness" NOT NULL,
    "userAgent" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "ConnectivityTest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckinList" (
    "id" TEXT NOT NULL,
    "conferenceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "bridgePointId" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CheckinList_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attendance" (
    "attendeeId" TEXT NOT NULL,
    "conferenceId" TEXT NOT NULL,
    "status" "AttendanceStatus" NOT NULL,
    "bridgePointId" TEXT,
    "checkinListId" TEXT,
    "checkedInAt" TIMESTAMP(3),
    "deviceId" TEXT NOT NULL DEFAULT '',
    "method" "CheckinMethod" NOT NULL,
    "absenceReason" TEXT NOT NULL DEFAULT '',
    "substituteName" TEXT NOT NULL DEFAULT '',
    "recordedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Attendance_pkey" PRIMARY KEY ("attendeeId")
);

-- CreateTable
CREATE TABLE "CheckinScan" (
    "id" SERIAL NOT NULL,
    "deviceId" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "conferenceId" TEXT NOT NULL,
    "credentialKey" TEXT NOT NULL DEFAULT '',
    "attendeeId" TEXT,
    "checkinListId" TEXT,
    "userId" TEXT,
    "method" "CheckinMethod" NOT NULL,
    "scannedAt" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "result" "ScanResult" NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "response" TEXT NOT NULL,

    CONSTRAINT "CheckinScan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attendee" (
    "id" TEXT NOT NULL,
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
    "rsvp" "RsvpStatus" NOT NULL DEFAULT 'NO_ANSWER',
    "declineReason" TEXT NOT NULL DEFAULT '',
    "respondedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "substituteForId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "walkIn" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Attendee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL,
    "conferenceId" TEXT NOT NULL,
    "attendeeId" TEXT,
    "bridgePointId" TEXT,
    "kind" "MessageKind" NOT NULL,
    "version" INTEGER NOT NULL,
    "messageId" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "attachPdf" BOOLEAN NOT NULL DEFAULT false,
    "changeNote" TEXT NOT NULL DEFAULT '',
    "status" "MessageStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedAt" TIMESTAMP(3),
    "claimedBy" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgendaItem" (
    "id" TEXT NOT NULL,
    "conferenceId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "AgendaKind" NOT NULL,
    "title" TEXT NOT NULL,
    "presenter" TEXT NOT NULL DEFAULT '',
    "durationMinutes" INTEGER NOT NULL,
    "speechId" TEXT,

    CONSTRAINT "AgendaItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Award" (
    "id" TEXT NOT NULL,
    "conferenceId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "status" "AwardStatus" NOT NULL DEFAULT 'PROPOSED',
    "recipientKind" "AwardRecipientKind" NOT NULL,
    "recipientName" TEXT NOT NULL,
    "organizationName" TEXT NOT NULL DEFAULT '',
    "achievement" TEXT NOT NULL DEFAULT '',
    "form" TEXT NOT NULL,
    "decisionNumber" TEXT NOT NULL DEFAULT '',
    "decisionDate" TIMESTAMP(3),
    "attendeeId" TEXT,

    CONSTRAINT "Award_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Speech" (
    "id" TEXT NOT NULL,
    "conferenceId" TEXT NOT NULL,
    "kind" "SpeechKind" NOT NULL DEFAULT 'DISCUSSION',
    "status" "SpeechStatus" NOT NULL DEFAULT 'REGISTERED',
    "title" TEXT NOT NULL,
    "speakerName" TEXT NOT NULL,
    "speakerPosition" TEXT NOT NULL DEFAULT '',
    "organizationName" TEXT NOT NULL DEFAULT '',
    "durationMinutes" INTEGER NOT NULL,
    "speakingOrder" INTEGER,
    "fileName" TEXT,
    "fileMime" TEXT,
    "filePath" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Speech_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SpeechVersion" (
    "id" TEXT NOT NULL,
    "speechId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "content" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SpeechVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorKind" TEXT NOT NULL,
    "actorUserId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "ip" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "changes" TEXT NOT NULL DEFAULT '[]',
    "organizationId" TEXT,
    "conferenceId" TEXT,
    "roundId" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "blockedUntil" TIMESTAMP(3),

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "StoredFile" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT,
    "name" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "scope" TEXT,
    "params" TEXT NOT NULL,
    "status" "JobStatus" NOT NULL DEFAULT 'QUEUED',
    "done" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 1,
    "stage" TEXT NOT NULL DEFAULT '',
    "error" TEXT,
    "resultFileId" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "claimedBy" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OrganizationLevel_code_key" ON "OrganizationLevel"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_code_key" ON "Organization"("code");

-- CreateIndex
CREATE INDEX "Organization_parentId_idx" ON "Organization"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_organizationId_idx" ON "User"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "Password_userId_key" ON "Password"("userId");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Conference_organizationId_issueYear_idx" ON "Conference"("organizationId", "issueYear");

-- CreateIndex
CREATE INDEX "Conference_status_idx" ON "Conference"("status");

-- CreateIndex
CREATE UNIQUE INDEX "AttendeeGroup_conferenceId_position_key" ON "AttendeeGroup"("conferenceId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "AttendeeLine_groupId_position_key" ON "AttendeeLine"("groupId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "TaskAssignment_conferenceId_position_key" ON "TaskAssignment"("conferenceId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Recipient_conferenceId_position_key" ON "Recipient"("conferenceId", "position");

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

-- CreateIndex
CREATE UNIQUE INDEX "BridgePoint_accessKey_key" ON "BridgePoint"("accessKey");

-- CreateIndex
CREATE UNIQUE INDEX "BridgePoint_posterKey_key" ON "BridgePoint"("posterKey");

-- CreateIndex
CREATE UNIQUE INDEX "BridgePoint_conferenceId_position_key" ON "BridgePoint"("conferenceId", "position");

-- CreateIndex
CREATE INDEX "ConnectivityTest_bridgePointId_createdAt_idx" ON "ConnectivityTest"("bridgePointId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CheckinList_conferenceId_name_key" ON "CheckinList"("conferenceId", "name");

-- CreateIndex
CREATE INDEX "Attendance_conferenceId_status_idx" ON "Attendance"("conferenceId", "status");

-- CreateIndex
CREATE INDEX "CheckinScan_conferenceId_attendeeId_idx" ON "CheckinScan"("conferenceId", "attendeeId");

-- CreateIndex
CREATE UNIQUE INDEX "CheckinScan_conferenceId_credentialKey_deviceId_nonce_key" ON "CheckinScan"("conferenceId", "credentialKey", "deviceId", "nonce");

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
CREATE INDEX "OutboxMessage_status_leaseUntil_idx" ON "OutboxMessage"("status", "leaseUntil");

-- CreateIndex
CREATE INDEX "OutboxMessage_conferenceId_kind_version_idx" ON "OutboxMessage"("conferenceId", "kind", "version");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_attendeeId_kind_version_key" ON "OutboxMessage"("attendeeId", "kind", "version");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_bridgePointId_kind_version_key" ON "OutboxMessage"("bridgePointId", "kind", "version");

-- CreateIndex
CREATE UNIQUE INDEX "AgendaItem_conferenceId_position_key" ON "AgendaItem"("conferenceId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Award_conferenceId_position_key" ON "Award"("conferenceId", "position");

-- CreateIndex
CREATE INDEX "Speech_conferenceId_status_idx" ON "Speech"("conferenceId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "SpeechVersion_speechId_version_key" ON "SpeechVersion"("speechId", "version");

-- CreateIndex
CREATE INDEX "AuditEvent_conferenceId_at_idx" ON "AuditEvent"("conferenceId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_roundId_at_idx" ON "AuditEvent"("roundId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_organizationId_at_idx" ON "AuditEvent"("organizationId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE UNIQUE INDEX "StoredFile_kind_key_key" ON "StoredFile"("kind", "key");

-- CreateIndex
CREATE INDEX "Job_status_leaseUntil_idx" ON "Job"("status", "leaseUntil");

-- CreateIndex
CREATE INDEX "Job_kind_scope_createdAt_idx" ON "Job"("kind", "scope", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Job_kind_key_key" ON "Job"("kind", "key");

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_levelId_fkey" FOREIGN KEY ("levelId") REFERENCES "OrganizationLevel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Password" ADD CONSTRAINT "Password_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserRole" ADD CONSTRAINT "UserRole_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conference" ADD CONSTRAINT "Conference_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conference" ADD CONSTRAINT "Conference_scoringRoundId_fkey" FOREIGN KEY ("scoringRoundId") REFERENCES "AssessmentRound"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttendeeGroup" ADD CONSTRAINT "AttendeeGroup_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "Conference"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttendeeLine" ADD CONSTRAINT "AttendeeLine_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "AttendeeGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttendeeLine" ADD CONSTRAINT "AttendeeLine_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskAssignment" ADD CONSTRAINT "TaskAssignment_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "Conference"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskAssignment" ADD CONSTRAINT "TaskAssignment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recipient" ADD CONSTRAINT "Recipient_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "Conference"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndexFramework" ADD CONSTRAINT "IndexFramework_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndexFramework" ADD CONSTRAINT "IndexFramework_unitLevelId_fkey" FOREIGN KEY ("unitLevelId") REFERENCES "OrganizationLevel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FrameworkNode" ADD CONSTRAINT "FrameworkNode_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "IndexFramework"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FrameworkNode" ADD CONSTRAINT "FrameworkNode_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "FrameworkNode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClassBand" ADD CONSTRAINT "ClassBand_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "IndexFramework"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentRound" ADD CONSTRAINT "AssessmentRound_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentRound" ADD CONSTRAINT "AssessmentRound_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "IndexFramework"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentRound" ADD CONSTRAINT "AssessmentRound_previousRoundId_fkey" FOREIGN KEY ("previousRoundId") REFERENCES "AssessmentRound"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundUnit" ADD CONSTRAINT "RoundUnit_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "AssessmentRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundUnit" ADD CONSTRAINT "RoundUnit_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NodeScore" ADD CONSTRAINT "NodeScore_roundUnitId_fkey" FOREIGN KEY ("roundUnitId") REFERENCES "RoundUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NodeScore" ADD CONSTRAINT "NodeScore_nodeId_fkey" FOREIGN KEY ("nodeId") REFERENCES "FrameworkNode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RemediationPlan" ADD CONSTRAINT "RemediationPlan_roundUnitId_fkey" FOREIGN KEY ("roundUnitId") REFERENCES "RoundUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RemediationAction" ADD CONSTRAINT "RemediationAction_planId_fkey" FOREIGN KEY ("planId") REFERENCES "RemediationPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RemediationAction" ADD CONSTRAINT "RemediationAction_nodeId_fkey" FOREIGN KEY ("nodeId") REFERENCES "FrameworkNode"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RemediationAction" ADD CONSTRAINT "RemediationAction_ownerOrganizationId_fkey" FOREIGN KEY ("ownerOrganizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RemediationAction" ADD CONSTRAINT "RemediationAction_ownerUserId_fkey" FOREIGN KEY ("ownerUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceFile" ADD CONSTRAINT "EvidenceFile_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "RemediationAction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressReport" ADD CONSTRAINT "ProgressReport_planId_fkey" FOREIGN KEY ("planId") REFERENCES "RemediationPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BridgePoint" ADD CONSTRAINT "BridgePoint_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "Conference"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BridgePoint" ADD CONSTRAINT "BridgePoint_hostOrganizationId_fkey" FOREIGN KEY ("hostOrganizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConnectivityTest" ADD CONSTRAINT "ConnectivityTest_bridgePointId_fkey" FOREIGN KEY ("bridgePointId") REFERENCES "BridgePoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConnectivityTest" ADD CONSTRAINT "ConnectivityTest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckinList" ADD CONSTRAINT "CheckinList_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "Conference"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckinList" ADD CONSTRAINT "CheckinList_bridgePointId_fkey" FOREIGN KEY ("bridgePointId") REFERENCES "BridgePoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_attendeeId_fkey" FOREIGN KEY ("attendeeId") REFERENCES "Attendee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "Conference"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_bridgePointId_fkey" FOREIGN KEY ("bridgePointId") REFERENCES "BridgePoint"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_checkinListId_fkey" FOREIGN KEY ("checkinListId") REFERENCES "CheckinList"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckinScan" ADD CONSTRAINT "CheckinScan_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "Conference"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckinScan" ADD CONSTRAINT "CheckinScan_attendeeId_fkey" FOREIGN KEY ("attendeeId") REFERENCES "Attendee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckinScan" ADD CONSTRAINT "CheckinScan_checkinListId_fkey" FOREIGN KEY ("checkinListId") REFERENCES "CheckinList"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendee" ADD CONSTRAINT "Attendee_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "Conference"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendee" ADD CONSTRAINT "Attendee_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendee" ADD CONSTRAINT "Attendee_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "AttendeeGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendee" ADD CONSTRAINT "Attendee_bridgePointId_fkey" FOREIGN KEY ("bridgePointId") REFERENCES "BridgePoint"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendee" ADD CONSTRAINT "Attendee_substituteForId_fkey" FOREIGN KEY ("substituteForId") REFERENCES "Attendee"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "Conference"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_attendeeId_fkey" FOREIGN KEY ("attendeeId") REFERENCES "Attendee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_bridgePointId_fkey" FOREIGN KEY ("bridgePointId") REFERENCES "BridgePoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "Conference"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_speechId_fkey" FOREIGN KEY ("speechId") REFERENCES "Speech"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Award" ADD CONSTRAINT "Award_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "Conference"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Award" ADD CONSTRAINT "Award_attendeeId_fkey" FOREIGN KEY ("attendeeId") REFERENCES "Attendee"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Speech" ADD CONSTRAINT "Speech_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "Conference"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpeechVersion" ADD CONSTRAINT "SpeechVersion_speechId_fkey" FOREIGN KEY ("speechId") REFERENCES "Speech"("id") ON DELETE CASCADE ON UPDATE CASCADE;

