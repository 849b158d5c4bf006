-- Read models of the audit service (schema "audit"). Fed from the whole event log by the
-- case-history projection; can be rebuilt from it.

CREATE TABLE "projection_checkpoints" (
    "projection"       TEXT NOT NULL,
    "commit_position"  DECIMAL(20, 0) NOT NULL,
    "prepare_position" DECIMAL(20, 0) NOT NULL,
    "updated_at"       TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
    CONSTRAINT "projection_checkpoints_pkey" PRIMARY KEY ("projection")
);

-- Every event about a resident, from every service, in log order: who, what, why, when.
-- The key is the resident and the event's global position, so one resident's history is a
-- keyset range of the index, never a scan of the log.
CREATE TABLE "case_history" (
    "resident_id"      UUID NOT NULL,
    "commit_position"  DECIMAL(20, 0) NOT NULL,
    "prepare_position" DECIMAL(20, 0) NOT NULL,
    "event_id"         UUID NOT NULL,
    "stream_id"        TEXT NOT NULL,
    "stream_revision"  INTEGER NOT NULL,
    "event_type"       TEXT NOT NULL,
    "schema_version"   INTEGER NOT NULL,
    "recorded_at"      TIMESTAMPTZ(6) NOT NULL,
    "actor_id"         TEXT NOT NULL,
    "actor_role"       TEXT NOT NULL,
    "correlation_id"   TEXT NOT NULL,
    "causation_id"     TEXT,
    "summary"          TEXT NOT NULL,
    "why"              JSONB,
    CONSTRAINT "case_history_pkey" PRIMARY KEY ("resident_id", "commit_position", "prepare_position")
);
-- The causation chain: an entry's cause, found by its event id.
CREATE INDEX "case_history_event_idx" ON "case_history" ("event_id");

-- Which resident a referral is about (its later events do not say).
CREATE TABLE "referral_residents" (
    "referral_id" UUID NOT NULL,
    "resident_id" UUID NOT NULL,
    CONSTRAINT "referral_residents_pkey" PRIMARY KEY ("referral_id")
);

-- Who read a resident's case history, and when, under which role: written by the query itself.
CREATE TABLE "access_log" (
    "entry_id"    BIGINT GENERATED ALWAYS AS IDENTITY,
    "at"          TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
    "actor_id"    TEXT NOT NULL,
    "actor_role"  TEXT NOT NULL,
    "action"      TEXT NOT NULL,
    "resident_id" UUID,
    CONSTRAINT "access_log_pkey" PRIMARY KEY ("entry_id")
);
CREATE INDEX "access_log_resident_idx" ON "access_log" ("resident_id", "entry_id");
