import { Identity } from '../identity';
import { IDENTITY_ASSERTION_HEADER } from '../identity-assertions';
import { GATEWAY_ISSUER, gatewaySigningKey, SUBGRAPH_AUDIENCE } from '../key-configuration';
import { signIdentity } from '../signed-identity';

/**
 * For tests that call a subgraph directly: the header the gateway would send for `identity`,
 * signed with the development gateway key.
 */
export async function identityAssertionHeaders(identity: Identity): Promise<Record<string, string>> {
  const assertion = await signIdentity(identity, await gatewaySigningKey({}), { issuer: GATEWAY_ISSUER, audience: SUBGRAPH_AUDIENCE, expiresInSeconds: 3600 });
  return { [IDENTITY_ASSERTION_HEADER]: assertion };
}

export const CITY_ADMINISTRATOR: Identity = { actorId: 'admin-1', role: 'administrator', jurisdiction: { level: 'city' } };
export const CITY_COMMAND_CENTRE: Identity = { actorId: 'command-1', role: 'command_centre', jurisdiction: { level: 'city' } };
export const CITY_AUDITOR: Identity = { actorId: 'auditor-1', role: 'auditor', jurisdiction: { level: 'city' } };

export function communityWorker(actorId: string, ...communityIds: string[]): Identity {
  return { actorId, role: 'community_worker', jurisdiction: { level: 'community', ids: communityIds } };
}

export function familyDoctor(actorId: string, jurisdiction: Identity['jurisdiction'] = { level: 'city' }): Identity {
  return { actorId, role: 'family_doctor', jurisdiction };
}

export function referralDesk(actorId: string, facilityId: string): Identity {
  return { actorId, role: 'referral_desk', jurisdiction: { level: 'city' }, facilityId };
}
