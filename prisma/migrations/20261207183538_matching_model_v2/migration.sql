-- AlterEnum
ALTER TYPE "MatchKind" ADD VALUE 'NEAR_MISS';

-- CreateTable
CREATE TABLE "SkillRelatedness" (
    "skillId" TEXT NOT NULL,
    "relatedSkillId" TEXT NOT NULL,
    "strength" DOUBLE PRECISION NOT NULL,
    "source" TEXT NOT NULL,

    CONSTRAINT "SkillRelatedness_pkey" PRIMARY KEY ("skillId","relatedSkillId")
);

-- CreateTable
CREATE TABLE "CandidateOccupation" (
    "candidateId" TEXT NOT NULL,
    "occupationId" TEXT NOT NULL,
    "years" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CandidateOccupation_pkey" PRIMARY KEY ("candidateId","occupationId")
);

-- CreateIndex
CREATE INDEX "SkillRelatedness_relatedSkillId_idx" ON "SkillRelatedness"("relatedSkillId");

-- CreateIndex
CREATE INDEX "CandidateOccupation_occupationId_idx" ON "CandidateOccupation"("occupationId");

-- AddForeignKey
ALTER TABLE "SkillRelatedness" ADD CONSTRAINT "SkillRelatedness_skillId_fkey" FOREIGN KEY ("skillId") REFERENCES "Skill"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SkillRelatedness" ADD CONSTRAINT "SkillRelatedness_relatedSkillId_fkey" FOREIGN KEY ("relatedSkillId") REFERENCES "Skill"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CandidateOccupation" ADD CONSTRAINT "CandidateOccupation_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CandidateOccupation" ADD CONSTRAINT "CandidateOccupation_occupationId_fkey" FOREIGN KEY ("occupationId") REFERENCES "Occupation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
