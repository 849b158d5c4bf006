export * from './connection/database-url';
export * from './embedded/free-port';
export * from './embedded/start-embedded-postgres';
export * from './migrations/migration-set';
export * from './migrations/apply-migrations';
export * from './testing/test-database';
export * from './workspace-root';
export * from './drift/schema-drift';
