-- Written by hand: columns added in place rather than Prisma's redefinition
-- of "DinnerParty" and "User", which would copy both tables and drop their
-- content-version triggers. The secrets of existing rows are random here;
-- the app writes one for every new row (lib/invitations/tokens.ts).

-- AlterTable
ALTER TABLE "DinnerParty" ADD COLUMN "title" TEXT;
ALTER TABLE "DinnerParty" ADD COLUMN "details" TEXT NOT NULL DEFAULT '';
ALTER TABLE "DinnerParty" ADD COLUMN "visibility" TEXT NOT NULL DEFAULT 'listed';
ALTER TABLE "DinnerParty" ADD COLUMN "venueHidden" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "DinnerParty" ADD COLUMN "inviteSecret" TEXT NOT NULL DEFAULT '';
ALTER TABLE "DinnerParty" ADD COLUMN "revision" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "User" ADD COLUMN "calendarSecret" TEXT NOT NULL DEFAULT '';
UPDATE "DinnerParty" SET "inviteSecret" = lower(hex(randomblob(24)));
UPDATE "User" SET "calendarSecret" = lower(hex(randomblob(24)));

-- CreateTable
CREATE TABLE "PartyVisit" (
    "partyId" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "visitedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("partyId", "userId"),
    CONSTRAINT "PartyVisit_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "DinnerParty" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PartyVisit_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PartyVisit_userId_idx" ON "PartyVisit"("userId");

-- A visit changes what its visitor may see: cached pages must follow (decision 018).
CREATE TRIGGER "PartyVisit_content_version_insert" AFTER INSERT ON "PartyVisit"
BEGIN UPDATE "ContentVersion" SET "value" = "value" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "PartyVisit_content_version_update" AFTER UPDATE ON "PartyVisit"
BEGIN UPDATE "ContentVersion" SET "value" = "value" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "PartyVisit_content_version_delete" AFTER DELETE ON "PartyVisit"
BEGIN UPDATE "ContentVersion" SET "value" = "value" + 1 WHERE "id" = 1; END;
