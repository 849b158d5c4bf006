export * from './referral-trigger';
export * from './referral-trigger-skipped.event';
