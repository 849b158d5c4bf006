import { BedReleaseReason, FacilityCapacityChangedData, FacilityRegisteredData } from '@gridcare/referrals-contracts';

/** Registering the same facility again with the same data does nothing, so seeding can be re-run. */
export interface RegisterFacility extends FacilityRegisteredData {
  readonly type: 'RegisterFacility';
}

/** A capacity report: absolute numbers as the facility counts them now. */
export interface ChangeFacilityCapacity extends FacilityCapacityChangedData {
  readonly type: 'ChangeFacilityCapacity';
}

/** Holds an open ICU bed for a referral the facility is about to accept. */
export interface HoldBed {
  readonly type: 'HoldBed';
  readonly facilityId: string;
  readonly referralId: string;
}

export interface ReleaseBed {
  readonly type: 'ReleaseBed';
  readonly facilityId: string;
  readonly referralId: string;
  readonly reason: BedReleaseReason;
}

export type FacilityCommand = RegisterFacility | ChangeFacilityCapacity | HoldBed | ReleaseBed;
