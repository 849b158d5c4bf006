export * from './facility';
export * from './grid';
export * from './referral';
export * from './referral-policy';
export * from './routing';
