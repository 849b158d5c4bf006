import { z } from 'zod';

/** Red: key population (high risk); yellow: sub-key (medium); green: general (low). */
export const Tier = z.enum(['red', 'yellow', 'green']);
export type Tier = z.infer<typeof Tier>;
