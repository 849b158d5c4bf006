export * from './grid.decider';
