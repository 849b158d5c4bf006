/**
 * SQL that moves residents between tier counts. Counts are kept for four levels of area
 * (district, street, community, grid) in the same transaction as the residents rows, so a
 * dashboard never disagrees with the registry.
 */
const AREAS = `(VALUES ('district', r.district_id), ('street', r.street_id), ('community', r.community_id), ('grid', r.grid_id))`;

const UPSERT_COUNTS = `INSERT INTO tier_counts (level, area_id, tier, residents)
SELECT level, area_id, tier, sum(delta)::int FROM deltas GROUP BY level, area_id, tier HAVING sum(delta) <> 0
ON CONFLICT (level, area_id, tier) DO UPDATE SET residents = tier_counts.residents + EXCLUDED.residents`;

/**
 * New tiers for residents ($1 ids, $2 tiers, $3 overridden flags, $4 decision ids, $5 times,
 * $6 stream revisions, in log order): counts move from each resident's current tier to the last
 * new one, then the rows are updated.
 */
export const APPLY_TIER_DECISIONS = `
WITH decided AS (
  SELECT DISTINCT ON (d.resident_id) d.*
  FROM unnest($1::uuid[], $2::text[], $3::bool[], $4::uuid[], $5::timestamptz[], $6::int[])
    WITH ORDINALITY AS d(resident_id, tier, overridden, decision_id, decided_at, revision, ord)
  ORDER BY d.resident_id, d.ord DESC
),
deltas AS (
  SELECT a.level, a.area_id, m.tier, m.delta
  FROM decided d JOIN residents r ON r.resident_id = d.resident_id
  CROSS JOIN LATERAL (VALUES (r.tier, -1), (d.tier, 1)) AS m(tier, delta)
  CROSS JOIN LATERAL ${AREAS} AS a(level, area_id)
  WHERE m.tier IS NOT NULL AND r.tier IS DISTINCT FROM d.tier
),
counted AS (${UPSERT_COUNTS} RETURNING 1)
UPDATE residents r
SET tier = d.tier, tier_overridden = d.overridden, last_decision_id = d.decision_id, triaged_at = d.decided_at, updated_at = d.decided_at,
  stream_revision = d.revision
FROM decided d WHERE r.resident_id = d.resident_id`;

/**
 * New residents ($1..$17 as INSERT_RESIDENTS in the registry, $18 tiers, $19 overridden flags,
 * $20 decision ids, $21 decision times; tier null when not yet triaged): inserted with their
 * first tier, and counted. A resident already in the registry is left alone and not counted.
 */
export const INSERT_RESIDENTS = `
WITH inserted AS (
  INSERT INTO residents (resident_id, national_id, full_name, sex, birth_date, phone, district_id, street_id, community_id, grid_id,
    living_alone, family_doctor_id, conditions, low_immunity, pregnant, registered_at, updated_at, stream_revision,
    tier, tier_overridden, last_decision_id, triaged_at)
  SELECT r.resident_id, r.national_id, r.full_name, r.sex, r.birth_date, r.phone, r.district_id, r.street_id, r.community_id, r.grid_id,
    r.living_alone, r.family_doctor_id, r.conditions, r.low_immunity, r.pregnant, r.at, coalesce(r.decided_at, r.at), r.revision,
    r.tier, coalesce(r.overridden, false), r.decision_id, r.decided_at
  FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::date[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
    $11::bool[], $12::text[], $13::jsonb[], $14::bool[], $15::bool[], $16::timestamptz[], $17::int[],
    $18::text[], $19::bool[], $20::uuid[], $21::timestamptz[])
    AS r(resident_id, national_id, full_name, sex, birth_date, phone, district_id, street_id, community_id, grid_id,
         living_alone, family_doctor_id, conditions, low_immunity, pregnant, at, revision, tier, overridden, decision_id, decided_at)
  ON CONFLICT (resident_id) DO NOTHING
  RETURNING district_id, street_id, community_id, grid_id, tier
),
deltas AS (
  SELECT a.level, a.area_id, r.tier, 1 AS delta FROM inserted r CROSS JOIN LATERAL ${AREAS} AS a(level, area_id) WHERE r.tier IS NOT NULL
)
${UPSERT_COUNTS}`;

/** A resident moves ($1 id, $2 district, $3 street, $4 community, $5 grid): their tier count moves with them. */
export const APPLY_MOVE = `
WITH deltas AS (
  SELECT a.level, a.area_id, r.tier, -1 AS delta FROM residents r CROSS JOIN LATERAL ${AREAS} AS a(level, area_id)
  WHERE r.resident_id = $1 AND r.tier IS NOT NULL
  UNION ALL
  SELECT a.level, a.area_id, r.tier, 1 FROM residents r
  CROSS JOIN LATERAL (VALUES ('district', $2::text), ('street', $3::text), ('community', $4::text), ('grid', $5::text)) AS a(level, area_id)
  WHERE r.resident_id = $1 AND r.tier IS NOT NULL
),
counted AS (${UPSERT_COUNTS} RETURNING 1)
UPDATE residents SET district_id = $2, street_id = $3, community_id = $4, grid_id = $5, updated_at = $6, stream_revision = $7
WHERE resident_id = $1`;
