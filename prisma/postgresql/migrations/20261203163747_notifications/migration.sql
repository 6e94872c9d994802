-- AlterTable
ALTER TABLE "User" ADD COLUMN     "notifyHostMessages" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "notifyPartyChanged" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "notifyReminders" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "notifyRsvps" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "notifySeatOpened" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "PartyMessage" (
    "id" TEXT NOT NULL,
    "partyId" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "sentTo" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartyMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PartyMessage_partyId_createdAt_idx" ON "PartyMessage"("partyId", "createdAt");

-- AddForeignKey
ALTER TABLE "PartyMessage" ADD CONSTRAINT "PartyMessage_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "DinnerParty"("id") ON DELETE CASCADE ON UPDATE CASCADE;

