import { z } from 'zod';

/** Where a dose sits in a resident's course: the primary series, or the first or second booster. */
export const DoseKind = z.enum(['primary', 'first-booster', 'second-booster']);
export type DoseKind = z.infer<typeof DoseKind>;

export const BOOSTER_DOSE_KINDS: readonly DoseKind[] = ['first-booster', 'second-booster'];

export const isBooster = (kind: DoseKind): boolean => BOOSTER_DOSE_KINDS.includes(kind);
