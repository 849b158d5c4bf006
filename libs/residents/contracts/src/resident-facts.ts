import { z } from 'zod';
import { CalendarDate } from './calendar-date';

/** The 18-character PRC resident ID's shape; its check character is the domain's to verify. */
export const NationalId = z.string().regex(/^\d{17}[\dX]$/, 'expected 17 digits and a check character (0-9 or X)');

export const Sex = z.enum(['female', 'male']);
export type Sex = z.infer<typeof Sex>;

/** kebab-case, so codes read the same in rule sets, events and read models. */
export const ConditionCode = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case code');

export const UnderlyingCondition = z.strictObject({ code: ConditionCode, controlled: z.boolean() });
export type UnderlyingCondition = z.infer<typeof UnderlyingCondition>;

/** A resident's underlying conditions, each code at most once. */
export const UnderlyingConditions = z.array(UnderlyingCondition).superRefine((conditions, ctx) => {
  const seen = new Set<string>();
  conditions.forEach((condition, index) => {
    if (seen.has(condition.code)) ctx.addIssue({ code: 'custom', path: [index, 'code'], message: `duplicate condition ${condition.code}` });
    seen.add(condition.code);
  });
});

export const Jurisdiction = z.strictObject({
  districtId: z.string().min(1),
  streetId: z.string().min(1),
  communityId: z.string().min(1),
});
export type Jurisdiction = z.infer<typeof Jurisdiction>;

/** Where a resident belongs: the jurisdiction that serves them and the treatment grid. */
export const Placement = z.strictObject({ jurisdiction: Jurisdiction, gridId: z.string().min(1) });
export type Placement = z.infer<typeof Placement>;

/** The facts a correction may change; the national ID and placement are not among them. */
export const ResidentFacts = z.strictObject({
  fullName: z.string().min(1).max(200),
  sex: Sex,
  birthDate: CalendarDate,
  phone: z.string().min(1).max(40).nullable(),
  livingAlone: z.boolean(),
  familyDoctorId: z.string().min(1).nullable(),
  conditions: UnderlyingConditions,
  lowImmunity: z.boolean(),
  pregnant: z.boolean(),
});
export type ResidentFacts = z.infer<typeof ResidentFacts>;
