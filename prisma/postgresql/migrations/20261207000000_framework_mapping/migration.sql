-- CreateEnum
CREATE TYPE "MappingSide" AS ENUM ('CURRENT', 'PREVIOUS');

-- CreateTable
CREATE TABLE "FrameworkMapping" (
    "id" TEXT NOT NULL,
    "frameworkId" TEXT NOT NULL,
    "previousFrameworkId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FrameworkMapping_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FrameworkMappingCode" (
    "mappingId" TEXT NOT NULL,
    "side" "MappingSide" NOT NULL,
    "code" TEXT NOT NULL,
    "group" INTEGER NOT NULL,

    CONSTRAINT "FrameworkMappingCode_pkey" PRIMARY KEY ("mappingId","side","code")
);

-- CreateIndex
CREATE INDEX "FrameworkMapping_previousFrameworkId_idx" ON "FrameworkMapping"("previousFrameworkId");

-- CreateIndex
CREATE UNIQUE INDEX "FrameworkMapping_frameworkId_previousFrameworkId_key" ON "FrameworkMapping"("frameworkId", "previousFrameworkId");

-- CreateIndex
CREATE INDEX "FrameworkMappingCode_mappingId_group_idx" ON "FrameworkMappingCode"("mappingId", "group");

-- AddForeignKey
ALTER TABLE "FrameworkMapping" ADD CONSTRAINT "FrameworkMapping_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "IndexFramework"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FrameworkMapping" ADD CONSTRAINT "FrameworkMapping_previousFrameworkId_fkey" FOREIGN KEY ("previousFrameworkId") REFERENCES "IndexFramework"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FrameworkMappingCode" ADD CONSTRAINT "FrameworkMappingCode_mappingId_fkey" FOREIGN KEY ("mappingId") REFERENCES "FrameworkMapping"("id") ON DELETE CASCADE ON UPDATE CASCADE;

