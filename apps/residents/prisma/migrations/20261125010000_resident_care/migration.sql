-- Infection episodes, SpO2 readings and the follow-up schedule, as the resident's stream
-- (resident-<id>) records them. Fed by the resident-care projection; rebuildable from the log.

-- One row per episode: home treatment and observation from the report to its end.
CREATE TABLE "infection_episodes" (
    "episode_id"                      UUID NOT NULL,
    "resident_id"                     UUID NOT NULL,
    "onset_on"                        DATE NOT NULL,
    "basis"                           TEXT NOT NULL,
    "symptoms"                        TEXT[] NOT NULL,
    "symptoms_recorded_on"            DATE NOT NULL,
    "reported_on"                     DATE NOT NULL,
    "reported_by"                     TEXT NOT NULL,
    "reported_at"                     TIMESTAMPTZ(6) NOT NULL,
    -- open or ended
    "status"                          TEXT NOT NULL,
    "latest_spo2"                     INTEGER,
    -- [{ drug, courseDays, givenOn, givenBy }] in the order given.
    "antivirals"                      JSONB NOT NULL DEFAULT '[]',
    "oxygen_litres"                   INTEGER NOT NULL DEFAULT 0,
    "oxygen_fillings"                 INTEGER NOT NULL DEFAULT 0,
    "oxygen_charge_fen"               INTEGER NOT NULL DEFAULT 0,
    "oxygen_reimbursable_fen"         INTEGER NOT NULL DEFAULT 0,
    -- The latest antiviral eligibility decision: { decisionId, outcome, asOf, trigger, ruleSet, firedRules }.
    "antiviral_eligibility"           JSONB,
    "raised_follow_up_interval_days"  INTEGER,
    "raised_follow_up_reason"         TEXT,
    "ended_on"                        DATE,
    "home_treatment_outcome"          TEXT,
    "ended_by"                        TEXT,
    CONSTRAINT "infection_episodes_pkey" PRIMARY KEY ("episode_id")
);
CREATE INDEX "infection_episodes_resident_idx" ON "infection_episodes" ("resident_id", "reported_at");

-- One row per finger-oximeter reading; the id is its event's.
CREATE TABLE "spo2_readings" (
    "reading_id"   UUID NOT NULL,
    "resident_id"  UUID NOT NULL,
    "episode_id"   UUID NOT NULL,
    "spo2"         INTEGER NOT NULL,
    "pulse"        INTEGER,
    "measured_at"  TIMESTAMPTZ(6) NOT NULL,
    "measured_on"  DATE NOT NULL,
    "recorded_by"  TEXT NOT NULL,
    "recorded_at"  TIMESTAMPTZ(6) NOT NULL,
    CONSTRAINT "spo2_readings_pkey" PRIMARY KEY ("reading_id")
);
CREATE INDEX "spo2_readings_resident_idx" ON "spo2_readings" ("resident_id", "measured_at");

-- One row per follow-up number: booked (pending), then completed, replaced by a later
-- number when the schedule moved, or cancelled when no follow-up was needed any more.
CREATE TABLE "follow_ups" (
    "resident_id"      UUID NOT NULL,
    "follow_up_number" INTEGER NOT NULL,
    "due_on"           DATE NOT NULL,
    "interval_days"    INTEGER NOT NULL,
    "purposes"         TEXT[] NOT NULL,
    "basis"            TEXT[] NOT NULL,
    -- pending, completed, replaced or cancelled
    "status"           TEXT NOT NULL,
    "replaces"         INTEGER,
    "replaced_by"      INTEGER,
    "scheduled_at"     TIMESTAMPTZ(6) NOT NULL,
    "method"           TEXT,
    "outcome"          TEXT,
    "worker_id"        TEXT,
    "note"             TEXT,
    "completed_on"     DATE,
    "cancelled_on"     DATE,
    "escalated"        BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "follow_ups_pkey" PRIMARY KEY ("resident_id", "follow_up_number")
);

-- Asked of the referrals service; the id is its event's.
CREATE TABLE "referral_assistance_requests" (
    "request_id"       UUID NOT NULL,
    "resident_id"      UUID NOT NULL,
    "episode_id"       UUID,
    "reason"           TEXT NOT NULL,
    "follow_up_number" INTEGER,
    "requested_on"     DATE NOT NULL,
    "requested_by"     TEXT NOT NULL,
    "requested_at"     TIMESTAMPTZ(6) NOT NULL,
    CONSTRAINT "referral_assistance_requests_pkey" PRIMARY KEY ("request_id")
);
CREATE INDEX "referral_assistance_requests_resident_idx" ON "referral_assistance_requests" ("resident_id", "requested_at");
