-- AlterTable
ALTER TABLE "Attendance" ADD COLUMN     "answeredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "note" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "plusOnes" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "queuePos" INTEGER,
ADD COLUMN     "response" TEXT NOT NULL DEFAULT 'going';

-- AlterTable
ALTER TABLE "DinnerParty" ADD COLUMN     "guestListHidden" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "plusOnesAllowed" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "rsvpBy" TIMESTAMP(3),
ADD COLUMN     "waitlist" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "waitlistSeq" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Attendance_partyId_queuePos_idx" ON "Attendance"("partyId", "queuePos");


-- Part 1's attendances are going answers with no plus-ones, answered when they were made.
UPDATE "Attendance" SET "answeredAt" = "createdAt";
