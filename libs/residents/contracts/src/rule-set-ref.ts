import { z } from 'zod';

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'expected a sha256 hex digest');

/** Which rule set a decision used: enough to fetch the published document and check it. */
export const RuleSetRef = z.strictObject({ id: z.string().min(1), version: z.string().min(1), hash: Sha256Hex });
export type RuleSetRef = z.infer<typeof RuleSetRef>;
