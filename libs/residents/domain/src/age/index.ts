export * from './age-in-years';
export * from './calendar-date';
export * from './city-date';
