import { Identity } from '@gridcare/identity';
import { Pool } from 'pg';

/** Records that `identity` read `action` (about a resident): who, what, when, under which role. */
export async function recordAccess(pool: Pool, identity: Identity, action: string, residentId: string | null): Promise<void> {
  await pool.query('INSERT INTO audit.access_log (actor_id, actor_role, action, resident_id) VALUES ($1, $2, $3, $4)', [identity.actorId, identity.role, action, residentId]);
}
