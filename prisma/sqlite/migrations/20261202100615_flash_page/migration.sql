-- AlterTable
ALTER TABLE "Flash" ADD COLUMN "path" TEXT;
ALTER TABLE "Flash" ADD COLUMN "shownAt" DATETIME;

