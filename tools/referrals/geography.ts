// Where things are in the synthetic city: an approximate centre (the district seat) and a
// radius for each of Beijing's 16 districts. Street-level units are laid out around the centre
// in id order, so the consecutive streets a census grid is cut from lie in one sector of the
// district, and a grid's hospitals are near its communities. Illustrative, not a map.
import { Rng } from '../census/prng';

export interface DistrictGeography {
  latitude: number;
  longitude: number;
  /** How far from the centre its streets and towns reach, km. */
  radiusKm: number;
}

export const DISTRICT_GEOGRAPHY: Readonly<Record<string, DistrictGeography>> = {
  Dongcheng: { latitude: 39.928, longitude: 116.416, radiusKm: 3 },
  Xicheng: { latitude: 39.912, longitude: 116.366, radiusKm: 3 },
  Chaoyang: { latitude: 39.921, longitude: 116.486, radiusKm: 9 },
  Fengtai: { latitude: 39.858, longitude: 116.287, radiusKm: 7 },
  Shijingshan: { latitude: 39.906, longitude: 116.223, radiusKm: 4 },
  Haidian: { latitude: 39.96, longitude: 116.298, radiusKm: 9 },
  Mentougou: { latitude: 39.94, longitude: 116.102, radiusKm: 16 },
  Fangshan: { latitude: 39.736, longitude: 116.139, radiusKm: 18 },
  Tongzhou: { latitude: 39.902, longitude: 116.657, radiusKm: 12 },
  Shunyi: { latitude: 40.13, longitude: 116.654, radiusKm: 13 },
  Changping: { latitude: 40.218, longitude: 116.235, radiusKm: 15 },
  Daxing: { latitude: 39.727, longitude: 116.338, radiusKm: 14 },
  Huairou: { latitude: 40.316, longitude: 116.632, radiusKm: 18 },
  Pinggu: { latitude: 40.141, longitude: 117.112, radiusKm: 13 },
  Miyun: { latitude: 40.377, longitude: 116.843, radiusKm: 20 },
  Yanqing: { latitude: 40.465, longitude: 115.985, radiusKm: 18 },
};

export interface Point {
  latitude: number;
  longitude: number;
}

const KM_PER_DEGREE = (6371 * Math.PI) / 180;

/** The point `northKm` north and `eastKm` east of `from`, to six decimals (about 0.1 m). */
export function offset(from: Point, northKm: number, eastKm: number): Point {
  const round = (degrees: number) => Math.round(degrees * 1e6) / 1e6;
  return {
    latitude: round(from.latitude + northKm / KM_PER_DEGREE),
    longitude: round(from.longitude + eastKm / (KM_PER_DEGREE * Math.cos((from.latitude * Math.PI) / 180))),
  };
}

/** Street `index` of `count` in a district: around the centre in id order, at a random distance. */
export function streetPoint(district: DistrictGeography, index: number, count: number, rng: Rng): Point {
  const angle = (2 * Math.PI * (index + 0.5)) / count;
  const distance = district.radiusKm * (0.15 + 0.85 * Math.sqrt(rng.next()));
  return offset(district, distance * Math.cos(angle), distance * Math.sin(angle));
}

/** A point within `radiusKm` of `centre`, uniformly over the disc. */
export function near(centre: Point, radiusKm: number, rng: Rng): Point {
  const angle = 2 * Math.PI * rng.next();
  const distance = radiusKm * Math.sqrt(rng.next());
  return offset(centre, distance * Math.cos(angle), distance * Math.sin(angle));
}
