import { z } from 'zod';

/** A treatment grid, as the census names them: `g01` to `g56`. */
export const GridId = z.string().max(64).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case grid id');
export type GridId = z.infer<typeof GridId>;
