import { z } from 'zod';

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'expected a sha256 hex digest');

/** Which rule set a decision used: enough to fetch the published document and check it. */
export const RuleSetRef = z.strictObject({ id: z.string().min(1), version: z.string().min(1), hash: Sha256Hex });
export type RuleSetRef = z.infer<typeof RuleSetRef>;

/** A rule set's or a rule's id: kebab-case, so it reads the same in documents, events and explanations. */
export const RuleId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id');

export const RuleSetVersion = z.string().regex(/^[0-9A-Za-z][0-9A-Za-z.-]*$/, 'expected a version such as 2026.1');
