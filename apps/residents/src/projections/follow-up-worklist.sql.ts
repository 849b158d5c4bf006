/**
 * Applies one patch per resident ($1..$18, one array per field; see worklistPatches) in one
 * statement: each field a patch leaves out keeps the row's value. $8 and $10 say whether the
 * worker and the pending follow-up are set, as null is a value for them (none).
 *
 * A resident's row is inserted by their registration, the first event of their stream;
 * assignment is decided only for a resident in the registry, so its events come after it.
 */
export const APPLY_WORKLIST_PATCHES = `
WITH p AS (
  SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bool[], $9::text[],
    $10::bool[], $11::int[], $12::date[], $13::text[], $14::bool[], $15::bool[], $16::text[], $17::date[], $18::timestamptz[])
    AS p(resident_id, full_name, district_id, street_id, community_id, grid_id, tier, sets_worker, worker_id,
      sets_follow_up, follow_up_number, due_on, purposes, escalated, referral_assistance, last_outcome, last_completed_on, updated_at)
),
merged AS (
  SELECT p.resident_id,
    coalesce(p.full_name, w.full_name) AS full_name,
    coalesce(p.district_id, w.district_id) AS district_id,
    coalesce(p.street_id, w.street_id) AS street_id,
    coalesce(p.community_id, w.community_id) AS community_id,
    coalesce(p.grid_id, w.grid_id) AS grid_id,
    coalesce(p.tier, w.tier) AS tier,
    CASE WHEN p.sets_worker THEN p.worker_id ELSE w.worker_id END AS worker_id,
    CASE WHEN p.sets_follow_up THEN p.follow_up_number ELSE w.follow_up_number END AS follow_up_number,
    CASE WHEN p.sets_follow_up THEN p.due_on ELSE w.due_on END AS due_on,
    CASE WHEN p.sets_follow_up THEN coalesce(string_to_array(p.purposes, ','), '{}') ELSE coalesce(w.purposes, '{}') END AS purposes,
    coalesce(p.escalated, w.escalated, false) AS escalated,
    coalesce(p.referral_assistance, w.referral_assistance, false) AS referral_assistance,
    coalesce(p.last_outcome, w.last_outcome) AS last_outcome,
    coalesce(p.last_completed_on, w.last_completed_on) AS last_completed_on,
    p.updated_at
  FROM p LEFT JOIN follow_up_worklist w USING (resident_id)
)
INSERT INTO follow_up_worklist (resident_id, full_name, district_id, street_id, community_id, grid_id, tier, tier_rank, worker_id,
  follow_up_number, due_on, purposes, escalated, referral_assistance, last_outcome, last_completed_on, updated_at)
SELECT resident_id, full_name, district_id, street_id, community_id, grid_id, tier,
  CASE tier WHEN 'red' THEN 1 WHEN 'yellow' THEN 2 WHEN 'green' THEN 3 ELSE 4 END, worker_id,
  follow_up_number, due_on, purposes, escalated, referral_assistance, last_outcome, last_completed_on, updated_at
FROM merged
ON CONFLICT (resident_id) DO UPDATE SET
  full_name = EXCLUDED.full_name, district_id = EXCLUDED.district_id, street_id = EXCLUDED.street_id, community_id = EXCLUDED.community_id,
  grid_id = EXCLUDED.grid_id, tier = EXCLUDED.tier, tier_rank = EXCLUDED.tier_rank, worker_id = EXCLUDED.worker_id,
  follow_up_number = EXCLUDED.follow_up_number, due_on = EXCLUDED.due_on, purposes = EXCLUDED.purposes, escalated = EXCLUDED.escalated,
  referral_assistance = EXCLUDED.referral_assistance, last_outcome = EXCLUDED.last_outcome, last_completed_on = EXCLUDED.last_completed_on,
  updated_at = EXCLUDED.updated_at`;
