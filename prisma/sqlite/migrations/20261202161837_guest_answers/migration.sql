-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Attendance" (
    "partyId" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "response" TEXT NOT NULL DEFAULT 'going',
    "plusOnes" INTEGER NOT NULL DEFAULT 0,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "queuePos" INTEGER,

    PRIMARY KEY ("partyId", "userId"),
    CONSTRAINT "Attendance_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "DinnerParty" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Attendance_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Part 1's attendances are going answers with no plus-ones, answered when they were made.
INSERT INTO "new_Attendance" ("createdAt", "answeredAt", "partyId", "userId") SELECT "createdAt", "createdAt", "partyId", "userId" FROM "Attendance";
DROP TABLE "Attendance";
ALTER TABLE "new_Attendance" RENAME TO "Attendance";
CREATE INDEX "Attendance_userId_partyId_idx" ON "Attendance"("userId", "partyId");
CREATE INDEX "Attendance_partyId_queuePos_idx" ON "Attendance"("partyId", "queuePos");
CREATE TABLE "new_DinnerParty" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "hostId" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "venue" TEXT NOT NULL,
    "mainDish" TEXT NOT NULL,
    "seats" INTEGER NOT NULL,
    "seatsTaken" INTEGER NOT NULL DEFAULT 1,
    "plusOnesAllowed" INTEGER NOT NULL DEFAULT 0,
    "waitlist" BOOLEAN NOT NULL DEFAULT false,
    "rsvpBy" DATETIME,
    "guestListHidden" BOOLEAN NOT NULL DEFAULT false,
    "waitlistSeq" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DinnerParty_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_DinnerParty" ("createdAt", "hostId", "id", "mainDish", "seats", "seatsTaken", "startsAt", "updatedAt", "venue") SELECT "createdAt", "hostId", "id", "mainDish", "seats", "seatsTaken", "startsAt", "updatedAt", "venue" FROM "DinnerParty";
DROP TABLE "DinnerParty";
ALTER TABLE "new_DinnerParty" RENAME TO "DinnerParty";
CREATE INDEX "DinnerParty_startsAt_id_idx" ON "DinnerParty"("startsAt", "id");
CREATE INDEX "DinnerParty_hostId_startsAt_idx" ON "DinnerParty"("hostId", "startsAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Redefining the tables dropped their content-version triggers
-- (20261122031422_content_version): put them back, unchanged.
CREATE TRIGGER "DinnerParty_content_version_insert" AFTER INSERT ON "DinnerParty"
BEGIN UPDATE "ContentVersion" SET "value" = "value" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "DinnerParty_content_version_update" AFTER UPDATE ON "DinnerParty"
BEGIN UPDATE "ContentVersion" SET "value" = "value" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "DinnerParty_content_version_delete" AFTER DELETE ON "DinnerParty"
BEGIN UPDATE "ContentVersion" SET "value" = "value" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "Attendance_content_version_insert" AFTER INSERT ON "Attendance"
BEGIN UPDATE "ContentVersion" SET "value" = "value" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Attendance_content_version_update" AFTER UPDATE ON "Attendance"
BEGIN UPDATE "ContentVersion" SET "value" = "value" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Attendance_content_version_delete" AFTER DELETE ON "Attendance"
BEGIN UPDATE "ContentVersion" SET "value" = "value" + 1 WHERE "id" = 1; END;
