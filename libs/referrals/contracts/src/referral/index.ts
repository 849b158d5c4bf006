export * from './referral-requested.event';
export * from './referral-accepted.event';
export * from './referral-redirected.event';
export * from './referral-lifecycle.events';
export * from './emergency-observation-started.event';
