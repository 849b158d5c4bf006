import { z } from 'zod';

/**
 * A number a resident dials: digits in groups separated by one space or hyphen, an optional
 * leading +, 3 to 20 characters ("120", "010-6888 1234", "+86 10 6888 1234"). A check, not a
 * rewrite: the card shows the number as the community wrote it.
 */
export const PhoneNumber = z
  .string()
  .min(3, 'a phone number has at least 3 characters')
  .max(20, 'a phone number has at most 20 characters')
  .regex(/^\+?\d+(?:[ -]\d+)*$/, 'expected digits, optionally grouped by single spaces or hyphens, with an optional leading +');

/** The serial number printed on a finger oximeter: letters, digits and inner hyphens. */
export const SerialNumber = z
  .string()
  .max(64, 'a serial number has at most 64 characters')
  .regex(/^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/, 'expected letters and digits, optionally separated by single hyphens');

/** The numbers a contact service card gives a key resident. */
export const ContactNumbers = z.strictObject({
  communityPhone: PhoneNumber,
  familyDoctorHotline: PhoneNumber,
  emergencyNumber: PhoneNumber,
});
export type ContactNumbers = z.infer<typeof ContactNumbers>;

/** Health kits handed out at one time. */
export const HEALTH_KITS_PER_HAND_OUT = { min: 1, max: 10 } as const;
