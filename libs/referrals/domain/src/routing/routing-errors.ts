import { DomainError } from '@gridcare/decider';

/** Why routing found no facility: stable codes the API maps to errors. */
export type RoutingErrorCode = 'INVALID_ROUTING_POLICY' | 'ROUTING_POLICY_VERSION_CONFLICT' | 'GRID_MISMATCH' | 'NO_ROUTING_RULE_FIRED' | 'NO_FACILITY_FOUND';

export const refuseRoute = (code: RoutingErrorCode, message: string, details: Record<string, unknown> = {}): DomainError => new DomainError(code, message, details);
