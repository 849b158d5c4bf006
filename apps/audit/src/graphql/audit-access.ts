import { Identity, identityOf, SubgraphContext } from '@gridcare/identity';
import { GraphQLError } from 'graphql';

/**
 * Case histories and the access log are for auditors of the whole city: the audit index keeps
 * no resident areas to narrow a smaller jurisdiction by (FORBIDDEN otherwise).
 */
export function auditorOf(context: SubgraphContext): Identity {
  const identity = identityOf(context);
  if (identity.role !== 'auditor') throw new GraphQLError(`role ${identity.role} may not read case histories: auditors only`, { extensions: { code: 'FORBIDDEN' } });
  if (identity.jurisdiction.level !== 'city') {
    throw new GraphQLError('case histories are for auditors of the whole city', { extensions: { code: 'FORBIDDEN' } });
  }
  return identity;
}

export function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A residentId argument, lower-cased as the index keeps it; BAD_USER_INPUT when it is no UUID. */
export function residentIdArgument(residentId: string): string {
  if (!UUID.test(residentId)) throw badInput('residentId: not a resident id (UUID)');
  return residentId.toLowerCase();
}
