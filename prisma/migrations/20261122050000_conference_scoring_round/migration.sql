-- AlterTable
ALTER TABLE "Conference" ADD COLUMN "scoringRoundId" TEXT REFERENCES "AssessmentRound" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
