export * from './referral-commands';
export * from './referral-state';
export * from './referral-transitions';
export * from './referral.decider';
export * from './routing-decision';
export type { ReferralErrorCode } from './referral-errors';
export type * from './referral-events';
export * from './emergency-observation';
