-- CreateTable
CREATE TABLE "PartyMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partyId" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "sentTo" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PartyMessage_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "DinnerParty" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Added in place rather than by redefining the table, which would drop its content-version triggers.
ALTER TABLE "User" ADD COLUMN "notifyRsvps" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "User" ADD COLUMN "notifySeatOpened" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "User" ADD COLUMN "notifyPartyChanged" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "User" ADD COLUMN "notifyReminders" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "User" ADD COLUMN "notifyHostMessages" BOOLEAN NOT NULL DEFAULT true;

-- CreateIndex
CREATE INDEX "PartyMessage_partyId_createdAt_idx" ON "PartyMessage"("partyId", "createdAt");


-- The host's messages are on the party page: cached pages must follow (decision 018).
CREATE TRIGGER "PartyMessage_content_version_insert" AFTER INSERT ON "PartyMessage"
BEGIN UPDATE "ContentVersion" SET "value" = "value" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "PartyMessage_content_version_update" AFTER UPDATE ON "PartyMessage"
BEGIN UPDATE "ContentVersion" SET "value" = "value" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "PartyMessage_content_version_delete" AFTER DELETE ON "PartyMessage"
BEGIN UPDATE "ContentVersion" SET "value" = "value" + 1 WHERE "id" = 1; END;
