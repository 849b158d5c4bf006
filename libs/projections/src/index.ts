export * from './projection';
export * from './projection-database';
export * from './projection-runner';
export * from './pg-projection-database';
export * from './prisma-projection-database';
export * from './read-model';
export * from './read-model-rebuild';
