export * from './supply-values';
export * from './contact-service-card-issued.event';
export * from './health-kits-handed-out.event';
export * from './finger-oximeter-handed-out.event';
export * from './finger-oximeter-returned.event';
