import { Tier } from '@gridcare/residents-contracts';

/**
 * The resident as the registry read model shows them when something is handed out: where they
 * live (what is handed out is counted there) and whether they are a key resident. The service
 * reads it, so decide needs no I/O and the decision can be re-run.
 */
export interface ResidentInRegistry {
  readonly communityId: string;
  readonly tier: Tier | null;
  readonly livingAlone: boolean;
}

interface HandOut {
  readonly residentId: string;
  /** null: the resident is not in the registry. */
  readonly resident: ResidentInRegistry | null;
}

/** Issues a contact service card, or reissues one (the new card replaces the one in force). */
export interface IssueContactServiceCard extends HandOut {
  readonly type: 'IssueContactServiceCard';
  readonly cardId: string;
  /** The city date the card is issued on. */
  readonly issuedOn: string;
  readonly communityPhone: string;
  readonly familyDoctorHotline: string;
  /** Omitted: the emergency medical service number, 120. */
  readonly emergencyNumber?: string | null;
}

export interface HandOutHealthKits extends HandOut {
  readonly type: 'HandOutHealthKits';
  readonly kits: number;
}

export interface HandOutFingerOximeter extends HandOut {
  readonly type: 'HandOutFingerOximeter';
  readonly serialNumber: string;
}

/** Needs no registry entry: the oximeter goes back to the community that handed it out. */
export interface RecordFingerOximeterReturned {
  readonly type: 'RecordFingerOximeterReturned';
  readonly residentId: string;
  readonly serialNumber: string;
}

export type ResidentSuppliesCommand = IssueContactServiceCard | HandOutHealthKits | HandOutFingerOximeter | RecordFingerOximeterReturned;
