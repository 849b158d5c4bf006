-- The follow-up worklist: one row per resident with their pending follow-up (if any) and the
-- community worker they are assigned to. Fed by the follow-up-worklist projection from the
-- residents' own streams and their assignment streams (resident-assignment-<id>).
CREATE TABLE "follow_up_worklist" (
    "resident_id"         UUID NOT NULL,
    "full_name"           TEXT NOT NULL,
    "district_id"         TEXT NOT NULL,
    "street_id"           TEXT NOT NULL,
    "community_id"        TEXT NOT NULL,
    "grid_id"             TEXT NOT NULL,
    "tier"                TEXT,
    -- The worklist's order of tiers: 1 red, 2 yellow, 3 green, 4 not yet triaged.
    "tier_rank"           SMALLINT NOT NULL,
    "worker_id"           TEXT,
    "follow_up_number"    INTEGER,
    -- Null when no follow-up is pending.
    "due_on"              DATE,
    "purposes"            TEXT[] NOT NULL DEFAULT '{}',
    -- Not reached twice in a row, until a follow-up reaches the resident.
    "escalated"           BOOLEAN NOT NULL DEFAULT false,
    -- Referral assistance was asked for, until a follow-up finds the resident stable or better or the episode ends.
    "referral_assistance" BOOLEAN NOT NULL DEFAULT false,
    "last_outcome"        TEXT,
    "last_completed_on"   DATE,
    "updated_at"          TIMESTAMPTZ(6) NOT NULL,
    CONSTRAINT "follow_up_worklist_pkey" PRIMARY KEY ("resident_id")
);

-- The worklists' order (most days overdue first, then tier, name, id) as keysets. Partial, so
-- the millions of residents without a worker or a pending follow-up cost no index writes.
-- A worker's worklist, and the residents a workload reassignment takes from a worker.
CREATE INDEX "follow_up_worklist_worker_idx" ON "follow_up_worklist" ("worker_id", "due_on", "tier_rank", "full_name", "resident_id")
    WHERE "worker_id" IS NOT NULL;
-- A community's worklist and its counts of follow-ups due.
CREATE INDEX "follow_up_worklist_community_idx" ON "follow_up_worklist" ("community_id", "due_on", "tier_rank", "full_name", "resident_id")
    WHERE "due_on" IS NOT NULL;
-- The city's counts of follow-ups due.
CREATE INDEX "follow_up_worklist_due_idx" ON "follow_up_worklist" ("due_on") WHERE "due_on" IS NOT NULL;
