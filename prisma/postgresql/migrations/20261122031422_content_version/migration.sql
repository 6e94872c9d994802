-- CreateTable
CREATE TABLE "ContentVersion" (
    "id" INTEGER NOT NULL,
    "value" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "ContentVersion_pkey" PRIMARY KEY ("id")
);


-- The one row, and the triggers that move it with every change to what
-- pages show: users (names), parties and their guests (cascades fire them
-- too). They are deferred to commit time, so the row is locked only while a
-- transaction commits, not while it runs, and concurrent writes to different
-- parties do not queue behind each other for its whole length.
INSERT INTO "ContentVersion" ("id", "value") VALUES (1, 0);

CREATE FUNCTION "bump_content_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ContentVersion" SET "value" = "value" + 1 WHERE "id" = 1;
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "User_content_version" AFTER INSERT OR UPDATE OR DELETE ON "User"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_content_version"();
CREATE CONSTRAINT TRIGGER "DinnerParty_content_version" AFTER INSERT OR UPDATE OR DELETE ON "DinnerParty"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_content_version"();
CREATE CONSTRAINT TRIGGER "Attendance_content_version" AFTER INSERT OR UPDATE OR DELETE ON "Attendance"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_content_version"();
