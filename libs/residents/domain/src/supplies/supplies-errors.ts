import { DomainError } from '@gridcare/decider';
import { z } from 'zod';

/** Why the supplies decider refused a command: stable codes the API maps to errors. */
export type SuppliesErrorCode =
  | 'RESIDENT_NOT_REGISTERED'
  | 'NOT_A_KEY_RESIDENT'
  | 'PHONE_NUMBER_INVALID'
  | 'HEALTH_KITS_OUT_OF_RANGE'
  | 'SERIAL_NUMBER_INVALID'
  | 'FINGER_OXIMETER_ALREADY_HELD'
  | 'FINGER_OXIMETER_NOT_HELD';

export const refuseSupply = (code: SuppliesErrorCode, message: string, details: Record<string, unknown> = {}): DomainError =>
  new DomainError(code, message, details);

/** The value, if the contract's schema accepts it; else a refusal naming the command's field. */
export function checkField<T>(schema: z.ZodType<T>, value: unknown, field: string, code: SuppliesErrorCode): T {
  const result = schema.safeParse(value);
  if (!result.success) throw refuseSupply(code, `${field}: ${result.error.issues[0]?.message ?? 'invalid'}`, { field });
  return result.data;
}
