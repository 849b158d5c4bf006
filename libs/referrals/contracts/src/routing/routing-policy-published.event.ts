import { defineEventContract, EventData } from '@gridcare/event-contracts';
import { Sha256Hex } from '@gridcare/rule-language';
import { z } from 'zod';
import { RoutingPolicyDocument } from './routing-policy-document';

/** The whole document is in the event, so a routing decision can be re-run from the log alone. */
export const RoutingPolicyPublished = defineEventContract({
  type: 'RoutingPolicyPublished',
  version: 1,
  schema: z.strictObject({
    policy: RoutingPolicyDocument,
    // sha256 of the document's canonical JSON (keys sorted, no whitespace).
    hash: Sha256Hex,
  }),
});
export type RoutingPolicyPublishedData = EventData<typeof RoutingPolicyPublished>;
