import { ReadModel } from '@gridcare/projections';

interface DecisionData {
  residentId: string;
  decisionId: string;
  trigger?: { kind: string; sourceEventId: string | null };
  asOf?: string;
  inputs?: unknown;
  ruleSet: { id: string; version: string; hash: string };
  firedRules?: { id: string; tier: string }[];
  tier: string;
  previousTier: string | null;
  reason?: string;
}

const INSERT_DECISIONS = `
INSERT INTO triage_decisions (decision_id, resident_id, kind, trigger_kind, trigger_source_id, as_of, inputs, rule_set_id, rule_set_version,
  rule_set_hash, fired_rules, tier, previous_tier, reason, actor_id, actor_role, event_id, recorded_at)
SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::date[], $7::jsonb[], $8::text[], $9::text[],
  $10::text[], $11::jsonb[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::uuid[], $18::timestamptz[])
ON CONFLICT (decision_id) DO NOTHING`;

/** Every triage decision and override, with its explanation, as the resident's page lists them. */
export const triageDecisionsProjection: ReadModel = {
  name: 'triage-decisions',
  tables: ['triage_decisions'],
  eventTypes: ['ResidentTriaged', 'ResidentTierOverridden'],

  async apply(events, tx) {
    const rows = events.map((event) => ({ event, data: event.data as DecisionData, override: event.type === 'ResidentTierOverridden' }));
    await tx.query(INSERT_DECISIONS, [
      rows.map((r) => r.data.decisionId),
      rows.map((r) => r.data.residentId),
      rows.map((r) => (r.override ? 'override' : 'triage')),
      rows.map((r) => (r.override ? 'manual-override' : (r.data.trigger?.kind ?? 'unknown'))),
      rows.map((r) => r.data.trigger?.sourceEventId ?? null),
      rows.map((r) => r.data.asOf ?? null),
      rows.map((r) => (r.data.inputs === undefined ? null : JSON.stringify(r.data.inputs))),
      rows.map((r) => r.data.ruleSet.id),
      rows.map((r) => r.data.ruleSet.version),
      rows.map((r) => r.data.ruleSet.hash),
      rows.map((r) => JSON.stringify(r.data.firedRules ?? [])),
      rows.map((r) => r.data.tier),
      rows.map((r) => r.data.previousTier),
      rows.map((r) => r.data.reason ?? null),
      rows.map((r) => r.event.metadata.actor.id),
      rows.map((r) => r.event.metadata.actor.role),
      rows.map((r) => r.event.id),
      rows.map((r) => r.event.recordedAt),
    ]);
  },
};
