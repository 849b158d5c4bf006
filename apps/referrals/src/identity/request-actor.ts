import { Actor } from '@gridcare/event-store';
import { actorOfIdentity, Identity, RequestIdentity } from '@gridcare/identity';
import { GraphQLError } from 'graphql';

export interface RequestLike {
  headers?: Record<string, string | string[] | undefined>;
}

/**
 * What a resolver's @Context() holds: the HTTP request and what the gateway's signed identity
 * assertion on it said (verified once per request, in app.module's context factory). Bare
 * `x-gridcare-actor-*` headers are never read.
 */
export interface GraphQLContext {
  req?: RequestLike;
  identity?: RequestIdentity;
}

/** Who is acting; UNAUTHENTICATED when the request carried no valid identity assertion. */
export function identityOf(context: GraphQLContext | undefined): Identity {
  const identity = context?.identity;
  if (identity && 'identity' in identity) return identity.identity;
  const message = identity?.refused.message ?? 'no identity assertion';
  throw new GraphQLError(`not authenticated: ${message}`, { extensions: { code: 'UNAUTHENTICATED' } });
}

/** The actor the events of this request record: the identity's actorId and role. */
export function actorOf(context: GraphQLContext | undefined): Actor {
  return actorOfIdentity(identityOf(context));
}
