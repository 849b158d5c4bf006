import { Location } from '@gridcare/referrals-contracts';

/** Kilometres per degree of latitude (mean Earth radius 6,371 km). */
const KM_PER_DEGREE = (6371 * Math.PI) / 180;

/**
 * Straight-line distance on a flat map scaled at the two points' mean latitude: within a city
 * it is off from the great-circle distance by far less than any difference that matters for
 * "nearest", and it needs no trigonometry beyond one cosine.
 */
export function distanceKm(a: Location, b: Location): number {
  const north = (b.latitude - a.latitude) * KM_PER_DEGREE;
  const east = (b.longitude - a.longitude) * KM_PER_DEGREE * Math.cos((((a.latitude + b.latitude) / 2) * Math.PI) / 180);
  return Math.sqrt(north * north + east * east);
}

/** A distance as recorded in a decision: to 0.01 km. */
export const roundedKm = (km: number): number => Math.round(km * 100) / 100;
