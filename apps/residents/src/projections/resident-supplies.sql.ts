/**
 * Applies a batch of supplies events ($1..$14: one array per field, in log order) in one
 * statement: each resident's row ends as their last events leave it, and the community counts
 * move by where each thing was handed out. Every CTE reads the rows as they were before the
 * batch, which is what the card-in-force count needs (it leaves the old card's community).
 */
export const APPLY_SUPPLIES = `
WITH e AS (
  SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::date[], $9::uuid[],
    $10::int[], $11::text[], $12::text[], $13::timestamptz[], $14::int[])
    WITH ORDINALITY AS e(type, resident_id, community_id, card_id, community_phone, family_doctor_hotline, emergency_number, issued_on,
      replaces_card_id, kits, serial_number, actor_id, recorded_at, revision, ord)
),
latest AS (SELECT DISTINCT ON (resident_id) resident_id, recorded_at, revision FROM e ORDER BY resident_id, ord DESC),
issued AS (SELECT DISTINCT ON (resident_id) * FROM e WHERE type = 'ContactServiceCardIssued' ORDER BY resident_id, ord DESC),
oximeter_moved AS (
  SELECT DISTINCT ON (resident_id) * FROM e WHERE type IN ('FingerOximeterHandedOut', 'FingerOximeterReturned') ORDER BY resident_id, ord DESC
),
kits AS (SELECT resident_id, sum(kits)::int AS kits FROM e WHERE type = 'HealthKitsHandedOut' GROUP BY resident_id),
-- The card in force: the last issued in this batch, or else the one already in force.
card_in_force AS (
  SELECT resident_id, card_id, community_id, community_phone, family_doctor_hotline, emergency_number, issued_on, actor_id, replaces_card_id FROM issued
  UNION ALL
  SELECT s.resident_id, s.card_id, s.card_community_id, s.community_phone, s.family_doctor_hotline, s.emergency_number, s.card_issued_on,
    s.card_issued_by, s.card_replaces_card_id
  FROM resident_supplies s JOIN latest USING (resident_id)
  WHERE s.card_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM issued i WHERE i.resident_id = s.resident_id)
),
-- The oximeter held: one handed out last in this batch, none if returned last, or else the one already held.
oximeter_held AS (
  SELECT resident_id, serial_number, community_id, recorded_at FROM oximeter_moved WHERE type = 'FingerOximeterHandedOut'
  UNION ALL
  SELECT s.resident_id, s.oximeter_serial_number, s.oximeter_community_id, s.oximeter_handed_out_at
  FROM resident_supplies s JOIN latest USING (resident_id)
  WHERE s.oximeter_serial_number IS NOT NULL AND NOT EXISTS (SELECT 1 FROM oximeter_moved o WHERE o.resident_id = s.resident_id)
),
deltas AS (
  SELECT community_id, 0 AS with_card, 1 AS cards, 0 AS kits, 0 AS oximeters FROM e WHERE type = 'ContactServiceCardIssued'
  UNION ALL SELECT community_id, 0, 0, kits, 0 FROM e WHERE type = 'HealthKitsHandedOut'
  UNION ALL SELECT community_id, 0, 0, 0, 1 FROM e WHERE type = 'FingerOximeterHandedOut'
  UNION ALL SELECT community_id, 0, 0, 0, -1 FROM e WHERE type = 'FingerOximeterReturned'
  -- A resident's card in force moves from the community of the card replaced to the new card's.
  UNION ALL SELECT s.card_community_id, -1, 0, 0, 0 FROM issued i JOIN resident_supplies s USING (resident_id) WHERE s.card_id IS NOT NULL
  UNION ALL SELECT community_id, 1, 0, 0, 0 FROM issued
),
counted AS (
  INSERT INTO community_supplies (community_id, residents_with_card, cards_issued, health_kits_handed_out, oximeters_out)
  SELECT community_id, sum(with_card)::int, sum(cards)::int, sum(kits)::int, sum(oximeters)::int FROM deltas GROUP BY community_id
  ON CONFLICT (community_id) DO UPDATE SET
    residents_with_card = community_supplies.residents_with_card + EXCLUDED.residents_with_card,
    cards_issued = community_supplies.cards_issued + EXCLUDED.cards_issued,
    health_kits_handed_out = community_supplies.health_kits_handed_out + EXCLUDED.health_kits_handed_out,
    oximeters_out = community_supplies.oximeters_out + EXCLUDED.oximeters_out
  RETURNING 1
)
INSERT INTO resident_supplies (resident_id, card_id, card_community_id, community_phone, family_doctor_hotline, emergency_number,
  card_issued_on, card_issued_by, card_replaces_card_id, health_kits_handed_out, oximeter_serial_number, oximeter_community_id,
  oximeter_handed_out_at, updated_at, stream_revision)
SELECT l.resident_id, c.card_id, c.community_id, c.community_phone, c.family_doctor_hotline, c.emergency_number,
  c.issued_on, c.actor_id, c.replaces_card_id, coalesce(s.health_kits_handed_out, 0) + coalesce(k.kits, 0), o.serial_number, o.community_id,
  o.recorded_at, l.recorded_at, l.revision
FROM latest l
LEFT JOIN resident_supplies s USING (resident_id)
LEFT JOIN card_in_force c USING (resident_id)
LEFT JOIN kits k USING (resident_id)
LEFT JOIN oximeter_held o USING (resident_id)
ON CONFLICT (resident_id) DO UPDATE SET
  card_id = EXCLUDED.card_id, card_community_id = EXCLUDED.card_community_id, community_phone = EXCLUDED.community_phone,
  family_doctor_hotline = EXCLUDED.family_doctor_hotline, emergency_number = EXCLUDED.emergency_number, card_issued_on = EXCLUDED.card_issued_on,
  card_issued_by = EXCLUDED.card_issued_by, card_replaces_card_id = EXCLUDED.card_replaces_card_id,
  health_kits_handed_out = EXCLUDED.health_kits_handed_out, oximeter_serial_number = EXCLUDED.oximeter_serial_number,
  oximeter_community_id = EXCLUDED.oximeter_community_id, oximeter_handed_out_at = EXCLUDED.oximeter_handed_out_at,
  updated_at = EXCLUDED.updated_at, stream_revision = EXCLUDED.stream_revision`;
