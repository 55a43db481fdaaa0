-- AlterTable
ALTER TABLE "Vacancy" ADD COLUMN     "showNearMisses" BOOLEAN NOT NULL DEFAULT true;
