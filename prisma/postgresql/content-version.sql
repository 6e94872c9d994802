-- The ContentVersion row and the triggers that move it with every change to
-- what pages show: users (names), parties, their guests, the visits of
-- their invitation links and the host's messages (cascades fire them too). See docs/decisions/018-signed-in-page-cache.md.
--
-- Applied by scripts/migrate.mjs after every `prisma migrate deploy` on
-- PostgreSQL, not kept in the migration history: Prisma 6.19's WebAssembly
-- schema engine stops ("RuntimeError: unreachable") when it reads constraint
-- triggers back, so `migrate diff` could no longer check the history.
-- (SQLite's plain triggers live in its history.) Idempotent, one
-- transaction, serialised between instances starting at once. The row comes
-- last: lib/http/page-stamp.ts keeps no page while it is missing, so pages
-- are never kept on a database without the triggers.
--
-- Constraint triggers, deferred to commit: the row is locked while a
-- transaction commits, not while it runs, and always after the rows it
-- changed, so writes to different parties neither queue behind each other
-- nor deadlock on it.
BEGIN;
SELECT pg_advisory_xact_lock(6173280518);

CREATE OR REPLACE FUNCTION "bump_content_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ContentVersion" SET "value" = "value" + 1 WHERE "id" = 1;
  RETURN NULL;
END;
$$;

DROP TRIGGER IF EXISTS "User_content_version" ON "User";
CREATE CONSTRAINT TRIGGER "User_content_version" AFTER INSERT OR UPDATE OR DELETE ON "User"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_content_version"();
DROP TRIGGER IF EXISTS "DinnerParty_content_version" ON "DinnerParty";
CREATE CONSTRAINT TRIGGER "DinnerParty_content_version" AFTER INSERT OR UPDATE OR DELETE ON "DinnerParty"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_content_version"();
DROP TRIGGER IF EXISTS "Attendance_content_version" ON "Attendance";
CREATE CONSTRAINT TRIGGER "Attendance_content_version" AFTER INSERT OR UPDATE OR DELETE ON "Attendance"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_content_version"();
-- A visit to an invitation link changes what its visitor may see.
DROP TRIGGER IF EXISTS "PartyVisit_content_version" ON "PartyVisit";
CREATE CONSTRAINT TRIGGER "PartyVisit_content_version" AFTER INSERT OR UPDATE OR DELETE ON "PartyVisit"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_content_version"();
-- The host's messages are on the party page.
DROP TRIGGER IF EXISTS "PartyMessage_content_version" ON "PartyMessage";
CREATE CONSTRAINT TRIGGER "PartyMessage_content_version" AFTER INSERT OR UPDATE OR DELETE ON "PartyMessage"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_content_version"();

INSERT INTO "ContentVersion" ("id", "value") VALUES (1, 0) ON CONFLICT ("id") DO NOTHING;
COMMIT;
