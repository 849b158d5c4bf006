import { z } from 'zod';

/** Why a correction, move or override was made. A check, not a trim: stored data is kept as written. */
export const Reason = z.string().max(1000).regex(/\S/, 'a reason is required');
