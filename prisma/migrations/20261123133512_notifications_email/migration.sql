-- CreateEnum
CREATE TYPE "EmailDigestKind" AS ENUM ('NOTIFICATIONS', 'COURSE_DEMAND');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "emailOptOutAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "EmailDigest" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "EmailDigestKind" NOT NULL,
    "periodKey" TEXT NOT NULL,
    "itemCount" INTEGER NOT NULL DEFAULT 0,
    "messageId" TEXT,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailDigest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EmailDigest_userId_kind_periodKey_key" ON "EmailDigest"("userId", "kind", "periodKey");

-- AddForeignKey
ALTER TABLE "EmailDigest" ADD CONSTRAINT "EmailDigest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Partial indexes, written by hand: the Prisma schema language cannot express
-- them, and later diffs (schema snapshot to schema) leave them alone.
-- The notify sweep looks only for current, new, not yet notified matches.
CREATE INDEX "Match_unnotified_idx" ON "Match"("createdAt") WHERE "notifiedAt" IS NULL AND "isNew" AND "current";
-- The digest fan-out looks only for notifications not yet e-mailed.
CREATE INDEX "Notification_unemailed_idx" ON "Notification"("userId", "createdAt") WHERE "emailedAt" IS NULL;
