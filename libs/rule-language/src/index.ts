export * from './canonical-json';
export * from './evaluate-condition';
export * from './rule-condition';
export * from './rule-set-hash';
export * from './rule-set-ref';
