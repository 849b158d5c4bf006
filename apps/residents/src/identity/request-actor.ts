/**
 * The GraphQL context of a request: the request, and what the gateway's signed identity
 * assertion (header `x-gridcare-identity`) said of who is acting, verified once per request in
 * app.module.ts (libs/identity's subgraph context). Bare `x-gridcare-actor-*` headers are never read.
 */
import { SubgraphContext } from '@gridcare/identity';
import { PersonalDataReads } from '../personal-data/personal-data-reads';

export { actorOf, identityOf } from '@gridcare/identity';

/** A residents request's context: who is acting, and the personal data the answer shows. */
export interface ResidentsContext extends SubgraphContext {
  personalDataReads?: PersonalDataReads;
}
