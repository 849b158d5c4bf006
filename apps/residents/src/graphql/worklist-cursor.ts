import { badInput } from './graphql-errors';

/** Where a worklist page ends, in the worklist's order: due date, tier rank, name, resident id. */
export interface WorklistPosition {
  dueOn: string;
  tierRank: number;
  fullName: string;
  residentId: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opaque to clients: base64url of the position's values. */
export const encodeWorklistCursor = ({ dueOn, tierRank, fullName, residentId }: WorklistPosition): string =>
  Buffer.from(JSON.stringify([dueOn, tierRank, fullName, residentId])).toString('base64url');

export function decodeWorklistCursor(cursor: string): WorklistPosition {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = null;
  }
  if (!Array.isArray(values) || values.length !== 4) throw badInput('after', 'not a cursor a worklist gave');
  const [dueOn, tierRank, fullName, residentId] = values as unknown[];
  if (typeof dueOn !== 'string' || !DATE.test(dueOn) || !Number.isInteger(tierRank) || typeof fullName !== 'string' || typeof residentId !== 'string' || !UUID.test(residentId)) {
    throw badInput('after', 'not a cursor a worklist gave');
  }
  return { dueOn, tierRank: tierRank as number, fullName, residentId };
}
