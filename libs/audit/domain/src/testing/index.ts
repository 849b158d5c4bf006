export * from './decision-fixtures';
