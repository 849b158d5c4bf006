export * from './projection';
export * from './projection-database';
export * from './projection-runner';
export * from './pg-projection-database';
export * from './prisma-projection-database';
