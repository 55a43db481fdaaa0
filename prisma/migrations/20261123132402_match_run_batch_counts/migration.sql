-- AlterTable
ALTER TABLE "MatchRunBatch" ADD COLUMN     "failureCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "lastError" TEXT,
ADD COLUMN     "matchCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "newMatchCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "upskillingCount" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "MatchRun_status_idx" ON "MatchRun"("status");
