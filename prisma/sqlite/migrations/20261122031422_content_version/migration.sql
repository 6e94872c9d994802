-- CreateTable
CREATE TABLE "ContentVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "value" BIGINT NOT NULL DEFAULT 0
);


-- The one row, and the triggers that move it with every change to what
-- pages show: users (names), parties and their guests. A cascade (an account
-- deleted with its parties and RSVPs) fires them too. SQLite has a single
-- writer, so bumping inside each write transaction costs no concurrency.
INSERT INTO "ContentVersion" ("id", "value") VALUES (1, 0);

CREATE TRIGGER "User_content_version_insert" AFTER INSERT ON "User"
BEGIN UPDATE "ContentVersion" SET "value" = "value" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "User_content_version_update" AFTER UPDATE ON "User"
BEGIN UPDATE "ContentVersion" SET "value" = "value" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "User_content_version_delete" AFTER DELETE ON "User"
BEGIN UPDATE "ContentVersion" SET "value" = "value" + 1 WHERE "id" = 1; END;

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
