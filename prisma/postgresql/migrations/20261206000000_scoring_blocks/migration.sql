-- Issue 13: scoring as provinces publish it. Ranking blocks per round, units assessed but not ranked,
-- the survey part's maximum, the rank as published, the units a new unit replaced, and class floors.
ALTER TABLE "ClassBand" ADD COLUMN "minAreaPct" DOUBLE PRECISION;

-- CreateTable
CREATE TABLE "RoundBlock" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "RoundBlock_pkey" PRIMARY KEY ("id")
);

ALTER TABLE "RoundUnit" ADD COLUMN "surveyMaxPoints" DOUBLE PRECISION;
ALTER TABLE "RoundUnit" ADD COLUMN "blockId" TEXT;
ALTER TABLE "RoundUnit" ADD COLUMN "ranked" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "RoundUnit" ADD COLUMN "notRankedReason" TEXT;
ALTER TABLE "RoundUnit" ADD COLUMN "publishedRank" INTEGER;

-- CreateTable
CREATE TABLE "RoundUnitPredecessor" (
    "roundUnitId" TEXT NOT NULL,
    "previousRoundUnitId" TEXT NOT NULL,

    CONSTRAINT "RoundUnitPredecessor_pkey" PRIMARY KEY ("roundUnitId","previousRoundUnitId")
);

CREATE INDEX "RoundBlock_roundId_position_idx" ON "RoundBlock"("roundId", "position");
CREATE UNIQUE INDEX "RoundBlock_roundId_nameKey_key" ON "RoundBlock"("roundId", "nameKey");
CREATE INDEX "RoundUnit_blockId_idx" ON "RoundUnit"("blockId");
CREATE INDEX "RoundUnitPredecessor_previousRoundUnitId_idx" ON "RoundUnitPredecessor"("previousRoundUnitId");

ALTER TABLE "RoundBlock" ADD CONSTRAINT "RoundBlock_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "AssessmentRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RoundUnit" ADD CONSTRAINT "RoundUnit_blockId_fkey" FOREIGN KEY ("blockId") REFERENCES "RoundBlock"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "RoundUnitPredecessor" ADD CONSTRAINT "RoundUnitPredecessor_roundUnitId_fkey" FOREIGN KEY ("roundUnitId") REFERENCES "RoundUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RoundUnitPredecessor" ADD CONSTRAINT "RoundUnitPredecessor_previousRoundUnitId_fkey" FOREIGN KEY ("previousRoundUnitId") REFERENCES "RoundUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;
