-- What residents were handed (stream resident-supplies-<id>): contact service cards, epidemic
-- prevention health kits and finger oximeters. Fed by the resident-supplies projection.

-- One row per resident: the card in force and its numbers, kits handed out, the oximeter held.
CREATE TABLE "resident_supplies" (
    "resident_id"            UUID NOT NULL,
    "card_id"                UUID,
    "card_community_id"      TEXT,
    "community_phone"        TEXT,
    "family_doctor_hotline"  TEXT,
    "emergency_number"       TEXT,
    "card_issued_on"         DATE,
    "card_issued_by"         TEXT,
    "card_replaces_card_id"  UUID,
    "health_kits_handed_out" INTEGER NOT NULL DEFAULT 0,
    "oximeter_serial_number" TEXT,
    "oximeter_community_id"  TEXT,
    "oximeter_handed_out_at" TIMESTAMPTZ(6),
    "updated_at"             TIMESTAMPTZ(6) NOT NULL,
    "stream_revision"        INTEGER NOT NULL,
    CONSTRAINT "resident_supplies_pkey" PRIMARY KEY ("resident_id")
);

-- Per community, counted where each thing was handed out (not where the resident lives now).
CREATE TABLE "community_supplies" (
    "community_id"           TEXT NOT NULL,
    "residents_with_card"    INTEGER NOT NULL DEFAULT 0,
    "cards_issued"           INTEGER NOT NULL DEFAULT 0,
    "health_kits_handed_out" INTEGER NOT NULL DEFAULT 0,
    "oximeters_out"          INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "community_supplies_pkey" PRIMARY KEY ("community_id")
);
