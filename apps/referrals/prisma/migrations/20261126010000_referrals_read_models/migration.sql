-- Read models of the referrals service (schema "referrals"). Every table here is fed from the
-- event log by a projection and can be rebuilt from it.

CREATE TABLE "projection_checkpoints" (
    "projection"       TEXT NOT NULL,
    "commit_position"  DECIMAL(20, 0) NOT NULL,
    "prepare_position" DECIMAL(20, 0) NOT NULL,
    "updated_at"       TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
    CONSTRAINT "projection_checkpoints_pkey" PRIMARY KEY ("projection")
);

-- The referral network (projection referral-network): facilities as registered, with the grid
-- that names them.
CREATE TABLE "facilities" (
    "facility_id"   TEXT NOT NULL,
    "name"          TEXT NOT NULL,
    "kind"          TEXT NOT NULL,
    "level"         TEXT NOT NULL,
    "district_id"   TEXT NOT NULL,
    "grid_id"       TEXT,
    "latitude"      DOUBLE PRECISION NOT NULL,
    "longitude"     DOUBLE PRECISION NOT NULL,
    "capabilities"  TEXT[] NOT NULL,
    "community_ids" TEXT[] NOT NULL,
    "registered_at" TIMESTAMPTZ(6) NOT NULL,
    CONSTRAINT "facilities_pkey" PRIMARY KEY ("facility_id")
);
-- Keyset pages of a grid's (or the city's) facilities, by level.
CREATE INDEX "facilities_grid_level_idx" ON "facilities" ("grid_id", "level", "facility_id");
CREATE INDEX "facilities_level_idx" ON "facilities" ("level", "facility_id");

-- The capacity read model routing sees: ICU beds open and occupied as last reported (plus
-- admissions since), held for referrals on their way, and critical-care staff.
CREATE TABLE "facility_capacity" (
    "facility_id"           TEXT NOT NULL,
    "icu_beds_open"         INTEGER NOT NULL,
    "icu_beds_occupied"     INTEGER NOT NULL,
    "icu_beds_held"         INTEGER NOT NULL,
    "critical_care_doctors" INTEGER NOT NULL,
    "critical_care_nurses"  INTEGER NOT NULL,
    "facility_revision"     INTEGER NOT NULL,
    "updated_at"            TIMESTAMPTZ(6) NOT NULL,
    CONSTRAINT "facility_capacity_pkey" PRIMARY KEY ("facility_id")
);

CREATE TABLE "grids" (
    "grid_id"            TEXT NOT NULL,
    "name"               TEXT NOT NULL,
    "district_ids"       TEXT[] NOT NULL,
    "lead_facility_id"   TEXT NOT NULL,
    "facility_ids"       TEXT[] NOT NULL,
    "community_ids"      TEXT[] NOT NULL,
    "neighbour_grid_ids" TEXT[] NOT NULL,
    "defined_at"         TIMESTAMPTZ(6) NOT NULL,
    CONSTRAINT "grids_pkey" PRIMARY KEY ("grid_id")
);

-- Which grid a community maps onto.
CREATE TABLE "grid_communities" (
    "community_id" TEXT NOT NULL,
    "grid_id"      TEXT NOT NULL,
    CONSTRAINT "grid_communities_pkey" PRIMARY KEY ("community_id")
);
CREATE INDEX "grid_communities_grid_idx" ON "grid_communities" ("grid_id");

-- The grassroots institutions serving each community.
CREATE TABLE "community_facilities" (
    "community_id" TEXT NOT NULL,
    "facility_id"  TEXT NOT NULL,
    CONSTRAINT "community_facilities_pkey" PRIMARY KEY ("community_id", "facility_id")
);

-- Referrals (projection referrals): where each one stands, with the time of every step.
CREATE TABLE "referrals" (
    "referral_id"          UUID NOT NULL,
    "resident_id"          UUID NOT NULL,
    "parent_referral_id"   UUID,
    "downward_referral_id" UUID,
    "direction"            TEXT NOT NULL,
    "status"               TEXT NOT NULL,
    "channel"              TEXT NOT NULL,
    "from_facility_id"     TEXT NOT NULL,
    "facility_id"          TEXT NOT NULL,
    "grid_id"              TEXT NOT NULL,
    "tier"                 TEXT,
    "severity"             TEXT NOT NULL,
    "icu_bed_required"     BOOLEAN NOT NULL,
    "icu_bed_held"         BOOLEAN NOT NULL,
    "over_capacity"        BOOLEAN NOT NULL,
    "applied_rule"         TEXT NOT NULL,
    "decision_id"          UUID NOT NULL,
    "decisions"            INTEGER NOT NULL,
    "requested_by"         TEXT NOT NULL,
    "requested_at"         TIMESTAMPTZ(6) NOT NULL,
    "routed_at"            TIMESTAMPTZ(6) NOT NULL,
    "accepted_at"          TIMESTAMPTZ(6),
    "in_transit_at"        TIMESTAMPTZ(6),
    "admitted_at"          TIMESTAMPTZ(6),
    "discharged_at"        TIMESTAMPTZ(6),
    "referred_down_at"     TIMESTAMPTZ(6),
    "cancelled_at"         TIMESTAMPTZ(6),
    "cancel_reason"        TEXT,
    "status_changed_at"    TIMESTAMPTZ(6) NOT NULL,
    "updated_at"           TIMESTAMPTZ(6) NOT NULL,
    "stream_revision"      INTEGER NOT NULL,
    CONSTRAINT "referrals_pkey" PRIMARY KEY ("referral_id")
);
-- The referral desk: a facility's referrals in one status, oldest in that status first.
CREATE INDEX "referrals_queue_idx" ON "referrals" ("facility_id", "status", "status_changed_at", "referral_id");
CREATE INDEX "referrals_resident_idx" ON "referrals" ("resident_id", "requested_at");

-- Every routing decision (a request and each redirect) with what it saw and why it chose.
CREATE TABLE "routing_decisions" (
    "decision_id"           UUID NOT NULL,
    "referral_id"           UUID NOT NULL,
    "stream_revision"       INTEGER NOT NULL,
    "event_id"              UUID NOT NULL,
    "kind"                  TEXT NOT NULL,
    "declining_facility_id" TEXT,
    "decline_reason"        TEXT,
    "note"                  TEXT,
    "inputs"                JSONB NOT NULL,
    "grid"                  JSONB NOT NULL,
    "capacity_snapshot"     JSONB NOT NULL,
    "policy_id"             TEXT NOT NULL,
    "policy_version"        TEXT NOT NULL,
    "policy_hash"           TEXT NOT NULL,
    "fired_rules"           TEXT[] NOT NULL,
    "applied_rule"          TEXT NOT NULL,
    "channel"               TEXT NOT NULL,
    "facility_id"           TEXT NOT NULL,
    "level"                 TEXT NOT NULL,
    "grid_id"               TEXT NOT NULL,
    "found_in"              TEXT NOT NULL,
    "distance_km"           DOUBLE PRECISION NOT NULL,
    "icu_bed_required"      BOOLEAN NOT NULL,
    "over_capacity"         BOOLEAN NOT NULL,
    "actor_id"              TEXT NOT NULL,
    "actor_role"            TEXT NOT NULL,
    "correlation_id"        TEXT NOT NULL,
    "causation_id"          TEXT,
    "recorded_at"           TIMESTAMPTZ(6) NOT NULL,
    CONSTRAINT "routing_decisions_pkey" PRIMARY KEY ("decision_id")
);
CREATE INDEX "routing_decisions_referral_idx" ON "routing_decisions" ("referral_id", "stream_revision");
