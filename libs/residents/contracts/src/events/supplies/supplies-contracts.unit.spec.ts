import { EventContractViolation } from '@gridcare/event-contracts';
import { residentsContracts } from '../../residents-contracts';
import { residentSuppliesStream } from '../../streams';
import { RESIDENT_ID } from '../../testing/contract-fixtures';

const registry = residentsContracts();
const CARD_ID = '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d';

/** The dot paths a violation names, or [] when the data is accepted. */
function issuesOf(type: string, data: unknown): string[] {
  try {
    registry.validateForAppend(type, 1, data);
    return [];
  } catch (error) {
    if (!(error instanceof EventContractViolation)) throw error;
    return error.issues.map((issue) => issue.path);
  }
}

const card = () => ({
  residentId: RESIDENT_ID,
  cardId: CARD_ID,
  communityId: 'd05-s003-c012',
  communityPhone: '010-6888 1234',
  familyDoctorHotline: '+86 10 6888 1200',
  emergencyNumber: '120',
  issuedOn: '2026-01-15',
  replacesCardId: null,
  tier: 'red',
  livingAlone: false,
});

describe('resident supplies contracts', () => {
  it('one supplies stream per resident', () => {
    expect(residentSuppliesStream(RESIDENT_ID)).toBe(`resident-supplies-${RESIDENT_ID}`);
  });

  it('registers every supplies event at version 1', () => {
    for (const type of ['ContactServiceCardIssued', 'HealthKitsHandedOut', 'FingerOximeterHandedOut', 'FingerOximeterReturned']) {
      expect(registry.currentVersion(type)).toBe(1);
    }
  });

  it('ContactServiceCardIssued carries the numbers, the community and the card it replaces', () => {
    expect(issuesOf('ContactServiceCardIssued', card())).toEqual([]);
    expect(issuesOf('ContactServiceCardIssued', { ...card(), replacesCardId: CARD_ID, tier: null, livingAlone: true })).toEqual([]);
    expect(issuesOf('ContactServiceCardIssued', { ...card(), communityPhone: 'ask at the office', emergencyNumber: '12' })).toEqual(['communityPhone', 'emergencyNumber']);
    expect(issuesOf('ContactServiceCardIssued', { ...card(), communityId: '', issuedOn: '2026-02-30', replacesCardId: 'card-1' })).toEqual([
      'communityId',
      'issuedOn',
      'replacesCardId',
    ]);
  });

  it('HealthKitsHandedOut counts 1 to 10 kits', () => {
    const kits = { residentId: RESIDENT_ID, communityId: 'd05-s003-c012', kits: 3 };
    expect(issuesOf('HealthKitsHandedOut', kits)).toEqual([]);
    expect(issuesOf('HealthKitsHandedOut', { ...kits, kits: 0 })).toEqual(['kits']);
    expect(issuesOf('HealthKitsHandedOut', { ...kits, kits: 11 })).toEqual(['kits']);
    expect(issuesOf('HealthKitsHandedOut', { ...kits, kits: 1.5 })).toEqual(['kits']);
  });

  it.each(['FingerOximeterHandedOut', 'FingerOximeterReturned'])('%s names the oximeter by its serial number', (type) => {
    const oximeter = { residentId: RESIDENT_ID, communityId: 'd05-s003-c012', serialNumber: 'OX-2026-00017' };
    expect(issuesOf(type, oximeter)).toEqual([]);
    expect(issuesOf(type, { ...oximeter, serialNumber: 'OX 17' })).toEqual(['serialNumber']);
    expect(issuesOf(type, { ...oximeter, communityId: undefined })).toEqual(['communityId']);
  });
});
