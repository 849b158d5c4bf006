export * from './age';
export * from './national-id';
export * from './resident';
export * from './triage';
export * from './supplies';
export * from './assignment';
export * from './care';
export * from './antiviral';
