-- CreateTable
CREATE TABLE "DinnerParty" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "hostId" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "venue" TEXT NOT NULL,
    "mainDish" TEXT NOT NULL,
    "seats" INTEGER NOT NULL,
    "seatsTaken" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DinnerParty_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Attendance" (
    "partyId" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("partyId", "userId"),
    CONSTRAINT "Attendance_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "DinnerParty" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Attendance_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "DinnerParty_startsAt_id_idx" ON "DinnerParty"("startsAt", "id");

-- CreateIndex
CREATE INDEX "DinnerParty_hostId_startsAt_idx" ON "DinnerParty"("hostId", "startsAt");

-- CreateIndex
CREATE INDEX "Attendance_userId_partyId_idx" ON "Attendance"("userId", "partyId");

