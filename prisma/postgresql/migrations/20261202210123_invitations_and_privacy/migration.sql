-- AlterTable
ALTER TABLE "DinnerParty" ADD COLUMN     "details" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "inviteSecret" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "title" TEXT,
ADD COLUMN     "venueHidden" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "visibility" TEXT NOT NULL DEFAULT 'listed';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "calendarSecret" TEXT NOT NULL DEFAULT '';

-- Written by hand: random secrets for the existing rows (gen_random_uuid is
-- PostgreSQL 13+'s CSPRNG); the app writes one for every new row.
UPDATE "DinnerParty" SET "inviteSecret" = replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
UPDATE "User" SET "calendarSecret" = replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');

-- CreateTable
CREATE TABLE "PartyVisit" (
    "partyId" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "visitedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartyVisit_pkey" PRIMARY KEY ("partyId","userId")
);

-- CreateIndex
CREATE INDEX "PartyVisit_userId_idx" ON "PartyVisit"("userId");

-- AddForeignKey
ALTER TABLE "PartyVisit" ADD CONSTRAINT "PartyVisit_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "DinnerParty"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyVisit" ADD CONSTRAINT "PartyVisit_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

