-- AlterTable
ALTER TABLE "Flash" ADD COLUMN     "path" TEXT,
ADD COLUMN     "shownAt" TIMESTAMP(3);

