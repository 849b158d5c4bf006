export * from './antiviral-rule-set';
export * from './assess-antiviral-eligibility';
export * from './decide-antiviral-eligibility';
export * from './derived-decision-id';
