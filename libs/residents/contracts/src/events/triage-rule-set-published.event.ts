import { defineEventContract, EventData } from '@gridcare/event-contracts';
import { z } from 'zod';
import { Sha256Hex } from '../rule-set-ref';
import { TriageRuleSetDocument } from '../triage-rule-set-document';

/** The whole document is in the event, so a decision can be re-run from the log alone. */
export const TriageRuleSetPublished = defineEventContract({
  type: 'TriageRuleSetPublished',
  version: 1,
  schema: z.strictObject({
    ruleSet: TriageRuleSetDocument,
    // sha256 of the document's canonical JSON (keys sorted, no whitespace).
    hash: Sha256Hex,
  }),
});
export type TriageRuleSetPublishedData = EventData<typeof TriageRuleSetPublished>;
