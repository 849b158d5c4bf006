import shippedPolicy from './rules/routing-policy.2026-1.json';
import { deepFreeze } from './deep-freeze';
import { loadRoutingPolicy, RoutingPolicy } from './routing-policy';

let loaded: RoutingPolicy | undefined;

/** The policy shipped with the service (version 2026.1), validated and hashed once. */
export function defaultRoutingPolicy(): RoutingPolicy {
  loaded ??= deepFreeze(loadRoutingPolicy(shippedPolicy));
  return loaded;
}
