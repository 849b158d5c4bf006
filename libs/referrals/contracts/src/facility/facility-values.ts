import { z } from 'zod';
import { distinctList } from '../unique';

/** kebab-case, as the seed data names them: `h-g07`, `chc-d05-s001`. */
export const FacilityId = z.string().max(64).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case facility id');
export type FacilityId = z.infer<typeof FacilityId>;

/** The three levels of the hierarchical referral mechanism, lowest first: order is meaning. */
export const FacilityLevel = z.enum(['grassroots', 'second-level', 'tertiary']);
export type FacilityLevel = z.infer<typeof FacilityLevel>;

/** Higher is a higher level: upward referrals go up this scale, downward ones down it. */
export const levelRank = (level: FacilityLevel): number => FacilityLevel.options.indexOf(level);

/** What a facility is, and so its level. */
export const FACILITY_KIND_LEVEL = {
  'community-health-service-centre': 'grassroots',
  'community-health-service-station': 'grassroots',
  'village-clinic': 'grassroots',
  'second-level-hospital': 'second-level',
  'tertiary-hospital': 'tertiary',
  'regional-medical-centre': 'tertiary',
} as const satisfies Record<string, FacilityLevel>;
export type FacilityKind = keyof typeof FACILITY_KIND_LEVEL;
export const FacilityKind = z.enum(Object.keys(FACILITY_KIND_LEVEL) as [FacilityKind, ...FacilityKind[]]);

export const Capability = z.enum(['fever-clinic', 'emergency-department', 'icu']);
export type Capability = z.infer<typeof Capability>;
export const Capabilities = distinctList(Capability);

/** Where a facility is: distances between facilities decide "nearest". */
export const Location = z.strictObject({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
});
export type Location = z.infer<typeof Location>;

/** ICU beds as a facility sees them: opened (staffed), occupied by a patient, held for a referral on its way. */
export const IcuBeds = z
  .strictObject({
    open: z.number().int().min(0),
    occupied: z.number().int().min(0),
    held: z.number().int().min(0),
  })
  .refine(({ open, occupied }) => occupied <= open, { message: 'more ICU beds occupied than open', path: ['occupied'] });
export type IcuBeds = z.infer<typeof IcuBeds>;

/** Beds a referral could hold now; a report of occupancy may leave holds over the count, so never below 0. */
export const freeIcuBeds = ({ open, occupied, held }: IcuBeds): number => Math.max(0, open - occupied - held);
