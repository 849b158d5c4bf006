// Residents, cards and oximeters for the supplies decider's specs.
import {
  HandOutFingerOximeter,
  HandOutHealthKits,
  IssueContactServiceCard,
  RecordFingerOximeterReturned,
  ResidentInRegistry,
} from '../supplies-commands';
import { ContactServiceCardIssuedEvent, FingerOximeterHandedOutEvent } from '../supplies-events';

export const RESIDENT_ID = '3f0e1d2c-4b5a-4697-8a8b-9c0d1e2f3a4b';
export const ISSUED_ON = '2026-01-15';
export const cardId = (n: number) => `c0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** An elderly resident with an uncontrolled condition, in Xiazhuang community. */
export const RED_RESIDENT: ResidentInRegistry = { communityId: 'xiazhuang', tier: 'red', livingAlone: false };
export const GREEN_RESIDENT: ResidentInRegistry = { communityId: 'xiazhuang', tier: 'green', livingAlone: false };

export const NUMBERS = { communityPhone: '010-6888 1234', familyDoctorHotline: '010-6888 1200' };

export const issueCard = (overrides: Partial<IssueContactServiceCard> = {}): IssueContactServiceCard => ({
  type: 'IssueContactServiceCard',
  residentId: RESIDENT_ID,
  resident: RED_RESIDENT,
  cardId: cardId(1),
  issuedOn: ISSUED_ON,
  ...NUMBERS,
  ...overrides,
});

export const cardIssued = (data: Partial<ContactServiceCardIssuedEvent['data']> = {}): ContactServiceCardIssuedEvent => ({
  type: 'ContactServiceCardIssued',
  data: {
    residentId: RESIDENT_ID,
    cardId: cardId(1),
    communityId: 'xiazhuang',
    ...NUMBERS,
    emergencyNumber: '120',
    issuedOn: ISSUED_ON,
    replacesCardId: null,
    tier: 'red',
    livingAlone: false,
    ...data,
  },
});

export const handOutKits = (kits: number, resident: ResidentInRegistry | null = RED_RESIDENT): HandOutHealthKits => ({
  type: 'HandOutHealthKits',
  residentId: RESIDENT_ID,
  resident,
  kits,
});

export const handOutOximeter = (serialNumber: string, resident: ResidentInRegistry | null = RED_RESIDENT): HandOutFingerOximeter => ({
  type: 'HandOutFingerOximeter',
  residentId: RESIDENT_ID,
  resident,
  serialNumber,
});

export const recordReturned = (serialNumber: string): RecordFingerOximeterReturned => ({ type: 'RecordFingerOximeterReturned', residentId: RESIDENT_ID, serialNumber });

export const oximeterHandedOut = (serialNumber: string, communityId = 'xiazhuang'): FingerOximeterHandedOutEvent => ({
  type: 'FingerOximeterHandedOut',
  data: { residentId: RESIDENT_ID, communityId, serialNumber },
});
