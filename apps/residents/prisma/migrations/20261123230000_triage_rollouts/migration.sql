-- Re-triage after a rule set is published: one rollout per version, resumable by the last
-- resident it reached (residents are walked in id order).
CREATE TABLE "triage_rollouts" (
    "version"          TEXT NOT NULL,
    "source_event_id"  UUID NOT NULL,
    "status"           TEXT NOT NULL,
    "residents_total"  INTEGER NOT NULL,
    "processed"        INTEGER NOT NULL DEFAULT 0,
    "retriaged"        INTEGER NOT NULL DEFAULT 0,
    "last_resident_id" UUID,
    "started_at"       TIMESTAMPTZ(6) NOT NULL,
    "finished_at"      TIMESTAMPTZ(6),
    CONSTRAINT "triage_rollouts_pkey" PRIMARY KEY ("version")
);
