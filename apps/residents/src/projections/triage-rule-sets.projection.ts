import { ReadModel } from '@gridcare/projections';

/** Published triage rule sets, in publication order; the service triages with the newest. */
export const triageRuleSetsProjection: ReadModel = {
  name: 'triage-rule-sets',
  tables: ['triage_rule_sets'],
  eventTypes: ['TriageRuleSetPublished'],

  async apply(events, tx) {
    for (const event of events) {
      const { ruleSet, hash } = event.data as { ruleSet: { version: string }; hash: string };
      await tx.query(
        `INSERT INTO triage_rule_sets (version, hash, document, published_at, published_by, sequence)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (version) DO NOTHING`,
        [ruleSet.version, hash, JSON.stringify(ruleSet), event.recordedAt, event.metadata.actor.id, event.revision],
      );
    }
  },
};
