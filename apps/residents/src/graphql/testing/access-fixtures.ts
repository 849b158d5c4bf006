// Identities, residents and one document per mutation for the access specs.
import { generateKeyPair } from 'jose';
import { GATEWAY_ISSUER, Identity, IDENTITY_ASSERTION_HEADER, signIdentity, SUBGRAPH_AUDIENCE } from '@gridcare/identity';
import { CITY_ADMINISTRATOR, communityWorker } from '@gridcare/identity/testing';
import { careMutation, CareMutation, VALID_CARE_INPUTS } from '../../care/testing/care-fixtures';
import { nationalId, registration } from '../../testing/resident-fixtures';

export const XIAZHUANG = { districtId: 'd05', streetId: 'd05-s003', communityId: 'd05-s003-c012' };
export const JINSONG = { districtId: 'd05', streetId: 'd05-s002', communityId: 'd05-s002-c007' };
export const CHAOWAI = { districtId: 'd01', streetId: 'd01-s001', communityId: 'd01-s001-c001' };

/** A community worker of Xiazhuang only. */
export const XIAZHUANG_WORKER: Identity = communityWorker('worker-xiazhuang', XIAZHUANG.communityId);
export const D05_COMMAND_CENTRE: Identity = { actorId: 'cc-d05', role: 'command_centre', jurisdiction: { level: 'district', ids: ['d05'] } };
export const VOLUNTEER_COORDINATOR: Identity = { actorId: 'volunteers-1', role: 'volunteer_coordinator', jurisdiction: { level: 'city' } };

/** 67 and living alone: yellow, owed a card. */
export const resident = (sequence: number, jurisdiction: typeof XIAZHUANG, gridId = 'g12') =>
  registration({ nationalId: nationalId('1958-03-12', sequence), birthDate: '1958-03-12', jurisdiction, gridId });

/** The identity's assertion signed with a key that is not the gateway's. */
export async function forgedAssertionHeaders(identity: Identity = CITY_ADMINISTRATOR): Promise<Record<string, string>> {
  const { privateKey } = await generateKeyPair('EdDSA');
  const assertion = await signIdentity(identity, privateKey, { issuer: GATEWAY_ISSUER, audience: SUBGRAPH_AUDIENCE, expiresInSeconds: 300 });
  return { [IDENTITY_ASSERTION_HEADER]: assertion };
}

const CARE_INPUTS = VALID_CARE_INPUTS;

const id = 'id';

/** Every mutation of the subgraph on `residentId` (or, for those without one, on nothing in particular): [name, document, variables]. */
export function everyMutation(residentId: string, newResident: Record<string, unknown>): [string, string, Record<string, unknown>][] {
  const care = (Object.keys(CARE_INPUTS) as CareMutation[]).map((name): [string, string, Record<string, unknown>] => [
    name,
    careMutation(name),
    { input: { residentId, ...CARE_INPUTS[name] } },
  ]);
  return [
    ['registerResident', `mutation ($input: RegisterResidentInput!) { registerResident(input: $input) { ${id} } }`, { input: newResident }],
    ['correctResident', `mutation ($input: CorrectResidentInput!) { correctResident(input: $input) { ${id} } }`, { input: { residentId, changes: { livingAlone: false }, reason: 'checked' } }],
    ['moveResident', `mutation ($input: MoveResidentInput!) { moveResident(input: $input) { ${id} } }`, { input: { residentId, jurisdiction: JINSONG, gridId: 'g04', reason: 'moved' } }],
    ['overrideTier', `mutation ($input: OverrideTierInput!) { overrideTier(input: $input) { ${id} } }`, { input: { residentId, tier: 'RED', reason: 'bedridden parent' } }],
    ['requestRetriage', `mutation ($id: ID!) { requestRetriage(residentId: $id) { ${id} } }`, { id: residentId }],
    ['publishTriageRuleSet', `mutation ($document: JSON!) { publishTriageRuleSet(document: $document) { version } }`, { document: {} }],
    ['startCensusImport', `mutation { startCensusImport(file: "census.csv") { id } }`, {}],
    ['issueContactServiceCard', `mutation ($id: ID!) { issueContactServiceCard(residentId: $id, input: { communityPhone: "010-6888 1234", familyDoctorHotline: "010-6888 1200" }) { ${id} } }`, { id: residentId }],
    ['handOutHealthKits', `mutation ($id: ID!) { handOutHealthKits(residentId: $id, kits: 1) { ${id} } }`, { id: residentId }],
    ['handOutFingerOximeter', `mutation ($id: ID!) { handOutFingerOximeter(residentId: $id, serialNumber: "OX-1001") { ${id} } }`, { id: residentId }],
    ['recordFingerOximeterReturned', `mutation ($id: ID!) { recordFingerOximeterReturned(residentId: $id, serialNumber: "OX-1001") { ${id} } }`, { id: residentId }],
    ['assessAntiviralEligibility', `mutation ($id: ID!) { assessAntiviralEligibility(residentId: $id) { ${id} } }`, { id: residentId }],
    ['assignResidentToWorker', `mutation ($input: AssignResidentInput!) { assignResidentToWorker(input: $input) { ${id} } }`, { input: { residentId, workerId: 'li-ming', reason: 'her street' } }],
    ['assignResidents', `mutation ($input: AssignResidentsInput!) { assignResidents(input: $input) { assigned } }`, { input: { residentIds: [residentId], workerId: 'li-ming', reason: 'her street' } }],
    ['reassignWorkload', `mutation ($input: ReassignWorkloadInput!) { reassignWorkload(input: $input) { assigned } }`, { input: { fromWorkerId: 'chen-yawen', toWorkerId: 'li-ming', reason: 'leave' } }],
    ...care,
  ];
}
