export * from './facility';
export * from './grid';
export * from './referral';
export * from './referral-policy';
export * from './referrals-contracts';
export * from './routing';
export * from './streams';
