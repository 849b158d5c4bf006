import { RecordedEvent } from '@gridcare/event-store';

/** The event data the registry projection reads (the contracts in @gridcare/residents-contracts). */
export interface Jurisdiction {
  districtId: string;
  streetId: string;
  communityId: string;
}

export interface RegisteredData {
  residentId: string;
  nationalId: string;
  fullName: string;
  sex: string;
  birthDate: string;
  phone: string | null;
  jurisdiction: Jurisdiction;
  gridId: string;
  livingAlone: boolean;
  familyDoctorId: string | null;
  conditions: { code: string; controlled: boolean }[];
  lowImmunity: boolean;
  pregnant: boolean;
}

export interface TierDecisionData {
  residentId: string;
  decisionId: string;
  tier: string;
  previousTier: string | null;
}

export const dataOf = <T>(event: RecordedEvent) => event.data as T;
