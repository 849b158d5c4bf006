/**
 * The GraphQL context of a request: the request, and what the gateway's signed identity
 * assertion (header `x-gridcare-identity`) said of who is acting, verified once per request in
 * app.module.ts (libs/identity's subgraph context). Bare `x-gridcare-actor-*` headers are never read.
 */
export { actorOf, identityOf, RequestLike, SubgraphContext as GraphQLContext } from '@gridcare/identity';
