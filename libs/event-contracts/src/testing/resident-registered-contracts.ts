import { z } from 'zod';
import { defineEventContract } from '../define-event-contract';

// Three versions of one event, for the specs: v2 renames and nests fields, v3 adds one.

export const ResidentRegisteredV1 = defineEventContract({
  type: 'ResidentRegistered',
  version: 1,
  schema: z.object({ name: z.string().min(1), communityId: z.string().min(1) }),
});

export const ResidentRegisteredV2 = defineEventContract({
  type: 'ResidentRegistered',
  version: 2,
  schema: z.object({
    fullName: z.string().min(1),
    jurisdiction: z.object({ communityId: z.string().min(1) }),
  }),
  upcastFrom: {
    contract: ResidentRegisteredV1,
    upcast: ({ name, communityId }) => ({ fullName: name, jurisdiction: { communityId } }),
  },
});

export const ResidentRegistered = defineEventContract({
  type: 'ResidentRegistered',
  version: 3,
  schema: z.object({
    fullName: z.string().min(1),
    jurisdiction: z.object({ communityId: z.string().min(1) }),
    languages: z.array(z.string()),
  }),
  upcastFrom: {
    contract: ResidentRegisteredV2,
    upcast: (data) => ({ ...data, languages: [] }),
  },
});
