-- The access log also holds the residents service's PersonalDataRead events, one row per resident
-- shown, projected from the log (projection personal-data-reads): the event id keeps a replay from
-- adding a row twice, and a rebuild removes only projected rows.
ALTER TABLE "access_log" ADD COLUMN "event_id" UUID;
CREATE UNIQUE INDEX "access_log_event_resident_key" ON "access_log" ("event_id", "resident_id");
