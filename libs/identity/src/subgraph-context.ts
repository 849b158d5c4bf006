import { GraphQLError } from 'graphql';
import { actorOfIdentity, Identity } from './identity';
import { RequestIdentity } from './request-identity';

export interface RequestLike {
  headers?: Record<string, string | string[] | undefined>;
}

/**
 * What a subgraph resolver's context holds: the HTTP request and what the gateway's signed
 * identity assertion on it said (verified once per request by the context factory). Bare
 * `x-gridcare-actor-*` headers are never read.
 */
export interface SubgraphContext {
  req?: RequestLike;
  identity?: RequestIdentity;
}

/** Who is acting; UNAUTHENTICATED when the request carried no valid identity assertion. */
export function identityOf(context: SubgraphContext | undefined): Identity {
  const identity = context?.identity;
  if (identity && 'identity' in identity) return identity.identity;
  const message = identity?.refused.message ?? 'no identity assertion';
  throw new GraphQLError(`not authenticated: ${message}`, { extensions: { code: 'UNAUTHENTICATED' } });
}

/** The actor the events of this request record: the identity's actorId and role. */
export function actorOf(context: SubgraphContext | undefined): { id: string; role: string } {
  return actorOfIdentity(identityOf(context));
}
