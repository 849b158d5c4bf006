export * from './routing-facts';
export * from './routing-inputs';
export * from './routing-policy-document';
export * from './routing-decision';
export * from './routing-policy-published.event';
