import { z } from 'zod';

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar date, 'YYYY-MM-DD', that exists (no 2023-02-29). Kept here rather than borrowed
 * from another service's contracts: a service's published events depend on nobody else's.
 */
export const CalendarDate = z
  .string()
  .regex(DATE_SHAPE, 'expected a date as YYYY-MM-DD')
  // Only a date of the right shape is checked for existence: one issue per wrong value.
  .refine((value) => !DATE_SHAPE.test(value) || isRealDate(value), 'not a real calendar date');

function isRealDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2023-02-29 over to 1 March; a real date survives the round trip.
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
