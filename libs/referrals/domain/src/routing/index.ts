export * from './default-routing-policy';
export * from './distance';
export * from './route';
export * from './routing-facts';
export * from './routing-policy';
export * from './routing-policy.decider';
export type { RoutingErrorCode } from './routing-errors';
