-- CreateTable
CREATE TABLE "ContentVersion" (
    "id" INTEGER NOT NULL,
    "value" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "ContentVersion_pkey" PRIMARY KEY ("id")
);


-- The row and the triggers that move it are applied by scripts/migrate.mjs
-- after every deploy, from prisma/postgresql/content-version.sql: Prisma's
-- schema engine cannot read constraint triggers back, and this history must
-- stay diffable.
