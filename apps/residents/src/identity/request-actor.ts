import { Actor } from '@gridcare/event-store';
import { actorOfIdentity, Identity, RequestIdentity } from '@gridcare/identity';
import { GraphQLError } from 'graphql';

/**
 * The GraphQL context of a request: the request, and what the gateway's signed identity
 * assertion (header `x-gridcare-identity`) said of who is acting, verified once per request in
 * app.module.ts. Bare `x-gridcare-actor-*` headers are never read.
 */
export interface ResidentsContext {
  req?: unknown;
  identity?: RequestIdentity;
}

/** Who is acting; UNAUTHENTICATED (with the refusal's reason) without a valid assertion. */
export function identityOf(context: ResidentsContext): Identity {
  const identity = context.identity;
  if (identity && 'identity' in identity) return identity.identity;
  const reason = identity?.refused.message ?? 'no identity assertion';
  throw new GraphQLError(`not authenticated: ${reason}`, { extensions: { code: 'UNAUTHENTICATED' } });
}

/** The actor the events of this request record: the identity's actor id and role. */
export function actorOf(context: ResidentsContext): Actor {
  return actorOfIdentity(identityOf(context));
}
