// Residents and GraphQL documents for the supplies specs.
import { nationalId, registration } from '../../testing/resident-fixtures';
import { GraphQLResponse, ResidentsTestApp } from '../../testing/residents-test-app';
import { WORKER } from '../../testing/test-identities';

export { DOCTOR, VACCINATOR, WORKER } from '../../testing/test-identities';

export const XIAZHUANG = { districtId: 'd05', streetId: 'd05-s003', communityId: 'd05-s003-c012' };
export const JINSONG = { districtId: 'd05', streetId: 'd05-s002', communityId: 'd05-s002-c007' };

export const SUPPLIES_FIELDS = `id tier supplies {
  contactServiceCard { id communityId communityPhone familyDoctorHotline emergencyNumber issuedOn issuedBy replacesCardId }
  healthKitsHandedOut
  fingerOximeter { serialNumber communityId handedOutAt }
}`;

export const ISSUE_CARD = `mutation ($id: ID!, $input: ContactServiceCardInput!) { issueContactServiceCard(residentId: $id, input: $input) { ${SUPPLIES_FIELDS} } }`;
export const HAND_OUT_KITS = `mutation ($id: ID!, $kits: Int!) { handOutHealthKits(residentId: $id, kits: $kits) { ${SUPPLIES_FIELDS} } }`;
export const HAND_OUT_OXIMETER = `mutation ($id: ID!, $serial: String!) { handOutFingerOximeter(residentId: $id, serialNumber: $serial) { ${SUPPLIES_FIELDS} } }`;
export const RETURN_OXIMETER = `mutation ($id: ID!, $serial: String!) { recordFingerOximeterReturned(residentId: $id, serialNumber: $serial) { ${SUPPLIES_FIELDS} } }`;
export const COUNTS = `query ($ids: [ID!]!) { suppliesByCommunity(communityIds: $ids) { communityId residentsWithCard cardsIssued healthKitsHandedOut fingerOximetersOut } }`;

export const CARD_NUMBERS = { communityPhone: '010-6888 1234', familyDoctorHotline: '010-6888 1200' };

/** The registrations the specs use, by the tier the rule set gives them. */
export const RESIDENTS = {
  /** 75, COPD not controlled: red. */
  red: () => registration({ nationalId: nationalId('1950-04-04', 412), birthDate: '1950-04-04', livingAlone: false, conditions: [{ code: 'copd', controlled: false }] }),
  /** 67 and living alone: yellow. */
  yellow: () => registration({ nationalId: nationalId('1958-03-12', 124), birthDate: '1958-03-12' }),
  /** 40, nothing that makes her key: green. */
  green: () => registration({ nationalId: nationalId('1985-06-15', 226), birthDate: '1985-06-15', livingAlone: false, conditions: [], jurisdiction: JINSONG }),
  /** 39 and living alone: green, but owed a card. */
  greenAlone: () => registration({ nationalId: nationalId('1986-09-09', 318), birthDate: '1986-09-09', livingAlone: true, conditions: [], jurisdiction: JINSONG }),
};

export interface SuppliesResult {
  id: string;
  tier: string;
  supplies: {
    contactServiceCard: Record<string, unknown> & { id: string; replacesCardId: string | null };
    healthKitsHandedOut: number;
    fingerOximeter: { serialNumber: string; communityId: string; handedOutAt: string } | null;
  };
}

export async function register(service: ResidentsTestApp, input: Record<string, unknown>): Promise<{ id: string; tier: string }> {
  const response = await service.graphql<{ registerResident: { id: string; tier: string } }>(
    `mutation ($input: RegisterResidentInput!) { registerResident(input: $input) { id tier } }`,
    { input },
    WORKER,
  );
  if (!response.data) throw new Error(`registration failed: ${JSON.stringify(response.errors)}`);
  return response.data.registerResident;
}

/** The resident a supplies mutation answered with, or the first error's extensions. */
export function answer(response: GraphQLResponse<Record<string, SuppliesResult>>): SuppliesResult {
  if (response.errors || !response.data) throw new Error(`expected an answer, got ${JSON.stringify(response.errors)}`);
  return Object.values(response.data)[0];
}

export const errorOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions;
