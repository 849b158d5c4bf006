-- The access log becomes a read model of events alone, so that it can be rebuilt from the log and
-- is covered by the log's hash chains: the audit service's own reads (case history, case as of)
-- are now AuditRecordRead events, like the residents service's PersonalDataRead. Rows are keyed
-- by the event's log position and the resident's place in it.
--
-- The rows the audit service wrote directly before this migration are not events and cannot be
-- carried over; no release wrote them (development databases only). The PersonalDataRead rows
-- come back from the log: the projection, renamed access-log, starts from the beginning.
DROP TABLE "access_log";
DELETE FROM "projection_checkpoints" WHERE "projection" = 'personal-data-reads';

CREATE TABLE "access_log" (
    "commit_position"  NUMERIC(20) NOT NULL,
    "prepare_position" NUMERIC(20) NOT NULL,
    "ordinal"          INTEGER NOT NULL,
    "event_id"         UUID NOT NULL,
    "at"               TIMESTAMPTZ(6) NOT NULL,
    "actor_id"         TEXT NOT NULL,
    "actor_role"       TEXT NOT NULL,
    "action"           TEXT NOT NULL,
    "resident_id"      UUID NOT NULL,
    CONSTRAINT "access_log_pkey" PRIMARY KEY ("commit_position", "prepare_position", "ordinal")
);
CREATE INDEX "access_log_resident_idx" ON "access_log" ("resident_id", "commit_position", "prepare_position", "ordinal");
