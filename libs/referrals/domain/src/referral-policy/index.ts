export * from './decide-referral-trigger';
export * from './referral-policy';
export * from './referral-trigger';
export * from './resident-facts';
export * from './trigger-ids';
