-- The referral policy and emergency-department observation (issue 6, items 5 and 6). Every
-- table here is fed from the event log by a projection and can be rebuilt from it.

-- What the referrals service knows of each resident, from the residents service's events alone
-- (projection resident-facts): where they live, birth date, conditions, immunity, last triage.
-- The referral policy routes its referrals on it; the residents tables are never read.
CREATE TABLE "resident_facts" (
    "resident_id"     UUID NOT NULL,
    "community_id"    TEXT NOT NULL,
    "grid_id"         TEXT NOT NULL,
    "birth_date"      DATE NOT NULL,
    "conditions"      JSONB NOT NULL,
    "low_immunity"    BOOLEAN NOT NULL,
    "tier"            TEXT,
    "infected"        BOOLEAN NOT NULL,
    "latest_spo2"     DOUBLE PRECISION,
    "stream_revision" INTEGER NOT NULL,
    "updated_at"      TIMESTAMPTZ(6) NOT NULL,
    CONSTRAINT "resident_facts_pkey" PRIMARY KEY ("resident_id")
);

-- Triggers the referral policy opened no referral for (projection referrals, from
-- ReferralTriggerSkipped): why, and the open referral or routing's refusal. With the referrals
-- the policy opened (causation: the trigger), every trigger it handled; it reads this back so a
-- trigger delivered again is not decided again.
CREATE TABLE "referral_trigger_skips" (
    "trigger_event_id"   UUID NOT NULL,
    "resident_id"        UUID NOT NULL,
    "trigger_kind"       TEXT NOT NULL,
    "trigger_event_type" TEXT NOT NULL,
    "reason"             TEXT NOT NULL,
    "open_referral_id"   UUID,
    "refusal"            TEXT,
    "policy_version"     TEXT NOT NULL,
    "event_id"           UUID NOT NULL,
    "skipped_at"         TIMESTAMPTZ(6) NOT NULL,
    CONSTRAINT "referral_trigger_skips_pkey" PRIMARY KEY ("trigger_event_id")
);
CREATE INDEX "referral_trigger_skips_resident_idx" ON "referral_trigger_skips" ("resident_id", "skipped_at");

-- Patients under observation in an emergency department (projection emergency-observations):
-- one row per observation, from its start (the service clock's time) to the admission,
-- discharge, transfer or cancellation that ends it. A breach (still under observation, started
-- more than 24 hours ago) is computed against the clock when asked, never stored.
CREATE TABLE "emergency_observations" (
    "observation_id"  UUID NOT NULL,
    "referral_id"     UUID NOT NULL,
    "resident_id"     UUID NOT NULL,
    "facility_id"     TEXT NOT NULL,
    "started_at"      TIMESTAMPTZ(6) NOT NULL,
    "ended_at"        TIMESTAMPTZ(6),
    "ended_by"        TEXT,
    "stream_revision" INTEGER NOT NULL,
    CONSTRAINT "emergency_observations_pkey" PRIMARY KEY ("observation_id")
);
-- A facility's patients still under observation (ended_at IS NULL), the longest first.
CREATE INDEX "emergency_observations_facility_idx" ON "emergency_observations" ("facility_id", "ended_at", "started_at");
CREATE INDEX "emergency_observations_referral_idx" ON "emergency_observations" ("referral_id", "stream_revision");

-- When the referral's patient went under observation (the service clock's time, as recorded).
ALTER TABLE "referrals" ADD COLUMN "under_observation_at" TIMESTAMPTZ(6);
