import { Actor } from '@gridcare/event-store';
import { GraphQLError } from 'graphql';

export interface RequestLike {
  headers?: Record<string, string | string[] | undefined>;
}

/** What a resolver's @Context() holds: the HTTP request. */
export type GraphQLContext = { req?: RequestLike };

/**
 * Who is acting. Until the gateway issue signs identities, the subgraph reads the actor from
 * the `x-gridcare-actor-id` and `x-gridcare-actor-role` headers (development only: the gateway
 * will pass a verified identity instead, and the subgraph will refuse bare headers).
 */
export function actorOf(context: GraphQLContext): Actor {
  const header = (name: string) => {
    const value = context.req?.headers?.[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const id = header('x-gridcare-actor-id');
  const role = header('x-gridcare-actor-role');
  if (!id || !role) throw new GraphQLError('no actor: send x-gridcare-actor-id and x-gridcare-actor-role', { extensions: { code: 'UNAUTHENTICATED' } });
  return { id, role };
}
