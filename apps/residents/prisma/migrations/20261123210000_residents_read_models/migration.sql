-- Read models of the residents service (schema "residents"). Every table here is fed
-- from the event log by a projection and can be rebuilt from it.

CREATE TABLE "projection_checkpoints" (
    "projection"       TEXT NOT NULL,
    "commit_position"  DECIMAL(20, 0) NOT NULL,
    "prepare_position" DECIMAL(20, 0) NOT NULL,
    "updated_at"       TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
    CONSTRAINT "projection_checkpoints_pkey" PRIMARY KEY ("projection")
);

-- One row per resident: the registry as it stands, with the current tier.
CREATE TABLE "residents" (
    "resident_id"        UUID NOT NULL,
    "national_id"        TEXT NOT NULL,
    "full_name"          TEXT NOT NULL,
    "sex"                TEXT NOT NULL,
    "birth_date"         DATE NOT NULL,
    "phone"              TEXT,
    "district_id"        TEXT NOT NULL,
    "street_id"          TEXT NOT NULL,
    "community_id"       TEXT NOT NULL,
    "grid_id"            TEXT NOT NULL,
    "living_alone"       BOOLEAN NOT NULL,
    "family_doctor_id"   TEXT,
    "conditions"         JSONB NOT NULL,
    "low_immunity"       BOOLEAN NOT NULL,
    "pregnant"           BOOLEAN NOT NULL,
    "doses_received"     INTEGER NOT NULL DEFAULT 0,
    "boosters_received"  INTEGER NOT NULL DEFAULT 0,
    "last_dose_on"       DATE,
    "tier"               TEXT,
    "tier_overridden"    BOOLEAN NOT NULL DEFAULT false,
    "last_decision_id"   UUID,
    "triaged_at"         TIMESTAMPTZ(6),
    "registered_at"      TIMESTAMPTZ(6) NOT NULL,
    "updated_at"         TIMESTAMPTZ(6) NOT NULL,
    "stream_revision"    INTEGER NOT NULL,
    CONSTRAINT "residents_pkey" PRIMARY KEY ("resident_id")
);
CREATE UNIQUE INDEX "residents_national_id_key" ON "residents" ("national_id");
-- Cursor pagination by jurisdiction or grid, optionally by tier: (area, tier, id) keysets.
CREATE INDEX "residents_community_tier_idx" ON "residents" ("community_id", "tier", "resident_id");
CREATE INDEX "residents_street_tier_idx" ON "residents" ("street_id", "tier", "resident_id");
CREATE INDEX "residents_district_tier_idx" ON "residents" ("district_id", "tier", "resident_id");
CREATE INDEX "residents_grid_tier_idx" ON "residents" ("grid_id", "tier", "resident_id");

-- Every triage decision and override, with its explanation, for the resident's page.
CREATE TABLE "triage_decisions" (
    "decision_id"       UUID NOT NULL,
    "resident_id"       UUID NOT NULL,
    "kind"              TEXT NOT NULL,
    "trigger_kind"      TEXT NOT NULL,
    "trigger_source_id" UUID,
    "as_of"             DATE,
    "inputs"            JSONB,
    "rule_set_id"       TEXT NOT NULL,
    "rule_set_version"  TEXT NOT NULL,
    "rule_set_hash"     TEXT NOT NULL,
    "fired_rules"       JSONB NOT NULL,
    "tier"              TEXT NOT NULL,
    "previous_tier"     TEXT,
    "reason"            TEXT,
    "actor_id"          TEXT NOT NULL,
    "actor_role"        TEXT NOT NULL,
    "event_id"          UUID NOT NULL,
    "recorded_at"       TIMESTAMPTZ(6) NOT NULL,
    CONSTRAINT "triage_decisions_pkey" PRIMARY KEY ("decision_id")
);
CREATE INDEX "triage_decisions_resident_idx" ON "triage_decisions" ("resident_id", "recorded_at");

-- Residents per tier for dashboards, by district, street, community and grid.
CREATE TABLE "tier_counts" (
    "level"     TEXT NOT NULL,
    "area_id"   TEXT NOT NULL,
    "tier"      TEXT NOT NULL,
    "residents" INTEGER NOT NULL,
    CONSTRAINT "tier_counts_pkey" PRIMARY KEY ("level", "area_id", "tier")
);

-- Published triage rule sets; the current one is the highest published.
CREATE TABLE "triage_rule_sets" (
    "version"      TEXT NOT NULL,
    "hash"         TEXT NOT NULL,
    "document"     JSONB NOT NULL,
    "published_at" TIMESTAMPTZ(6) NOT NULL,
    "published_by" TEXT NOT NULL,
    "sequence"     INTEGER NOT NULL,
    CONSTRAINT "triage_rule_sets_pkey" PRIMARY KEY ("version")
);
