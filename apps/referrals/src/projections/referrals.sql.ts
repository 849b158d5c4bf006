// The referrals' writes: each takes the batch's rows as one JSON array ($1).

export const LOAD_REFERRALS = `SELECT * FROM referrals WHERE referral_id = ANY($1::uuid[])`;

const REFERRAL_COLUMNS = [
  'referral_id uuid', 'resident_id uuid', 'parent_referral_id uuid', 'downward_referral_id uuid', 'direction text', 'status text', 'channel text',
  'from_facility_id text', 'facility_id text', 'grid_id text', 'tier text', 'severity text', 'icu_bed_required boolean', 'icu_bed_held boolean',
  'over_capacity boolean', 'applied_rule text', 'decision_id uuid', 'decisions int', 'requested_by text', 'requested_at timestamptz',
  'routed_at timestamptz', 'accepted_at timestamptz', 'in_transit_at timestamptz', 'under_observation_at timestamptz', 'admitted_at timestamptz', 'discharged_at timestamptz',
  'referred_down_at timestamptz', 'cancelled_at timestamptz', 'cancel_reason text', 'status_changed_at timestamptz', 'updated_at timestamptz',
  'stream_revision int',
];
const names = REFERRAL_COLUMNS.map((column) => column.split(' ')[0]);

export const UPSERT_REFERRALS = `
INSERT INTO referrals (${names.join(', ')})
SELECT ${names.map((name) => `r.${name}`).join(', ')}
FROM jsonb_to_recordset($1::jsonb) AS r(${REFERRAL_COLUMNS.join(', ')})
ON CONFLICT (referral_id) DO UPDATE SET ${names
  .filter((name) => name !== 'referral_id')
  .map((name) => `${name} = EXCLUDED.${name}`)
  .join(', ')}`;

export const INSERT_DECISIONS = `
INSERT INTO routing_decisions (decision_id, referral_id, stream_revision, event_id, kind, declining_facility_id, decline_reason, note,
  inputs, grid, capacity_snapshot, policy_id, policy_version, policy_hash, fired_rules, applied_rule, channel, facility_id, level, grid_id, found_in,
  distance_km, icu_bed_required, over_capacity, actor_id, actor_role, correlation_id, causation_id, recorded_at)
SELECT r.decision_id, r.referral_id, r.stream_revision, r.event_id, r.kind, r.declining_facility_id, r.decline_reason, r.note,
  r.inputs, r.grid, r.capacity_snapshot, r.policy_id, r.policy_version, r.policy_hash, ARRAY(SELECT jsonb_array_elements_text(r.fired_rules)),
  r.applied_rule, r.channel, r.facility_id, r.level, r.grid_id, r.found_in, r.distance_km, r.icu_bed_required, r.over_capacity, r.actor_id,
  r.actor_role, r.correlation_id, r.causation_id, r.recorded_at
FROM jsonb_to_recordset($1::jsonb) AS r(decision_id uuid, referral_id uuid, stream_revision int, event_id uuid, kind text,
  declining_facility_id text, decline_reason text, note text, inputs jsonb, grid jsonb, capacity_snapshot jsonb, policy_id text,
  policy_version text, policy_hash text, fired_rules jsonb, applied_rule text, channel text, facility_id text, level text, grid_id text,
  found_in text, distance_km double precision, icu_bed_required boolean, over_capacity boolean, actor_id text, actor_role text,
  correlation_id text, causation_id text, recorded_at timestamptz)
ON CONFLICT (decision_id) DO NOTHING`;

export const INSERT_TRIGGER_SKIPS = `
INSERT INTO referral_trigger_skips (trigger_event_id, resident_id, trigger_kind, trigger_event_type, reason, open_referral_id, refusal, policy_version, event_id, skipped_at)
SELECT r.trigger_event_id, r.resident_id, r.trigger_kind, r.trigger_event_type, r.reason, r.open_referral_id, r.refusal, r.policy_version, r.event_id, r.skipped_at
FROM jsonb_to_recordset($1::jsonb) AS r(trigger_event_id uuid, resident_id uuid, trigger_kind text, trigger_event_type text, reason text, open_referral_id uuid,
  refusal text, policy_version text, event_id uuid, skipped_at timestamptz)
ON CONFLICT (trigger_event_id) DO NOTHING`;
