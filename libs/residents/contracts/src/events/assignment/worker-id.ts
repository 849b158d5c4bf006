import { z } from 'zod';

/** A community worker, as the identity provider names them (the id a worker acts under). */
export const WorkerId = z.string().min(1, 'a worker id is required').max(100, 'a worker id has at most 100 characters').regex(/^\S+$/, 'a worker id has no spaces');
export type WorkerId = z.infer<typeof WorkerId>;
