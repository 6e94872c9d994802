-- CreateTable
CREATE TABLE "DinnerParty" (
    "id" SERIAL NOT NULL,
    "hostId" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "venue" TEXT NOT NULL,
    "mainDish" TEXT NOT NULL,
    "seats" INTEGER NOT NULL,
    "seatsTaken" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DinnerParty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attendance" (
    "partyId" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attendance_pkey" PRIMARY KEY ("partyId","userId")
);

-- CreateIndex
CREATE INDEX "DinnerParty_startsAt_id_idx" ON "DinnerParty"("startsAt", "id");

-- CreateIndex
CREATE INDEX "DinnerParty_hostId_startsAt_idx" ON "DinnerParty"("hostId", "startsAt");

-- CreateIndex
CREATE INDEX "Attendance_userId_partyId_idx" ON "Attendance"("userId", "partyId");

-- AddForeignKey
ALTER TABLE "DinnerParty" ADD CONSTRAINT "DinnerParty_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "DinnerParty"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

