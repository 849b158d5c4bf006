import { Tier } from '@gridcare/residents-contracts';

const RANK: Record<Tier, number> = { green: 0, yellow: 1, red: 2 };

/** red > yellow > green; green when there is nothing to rank. */
export function highestTier(tiers: Iterable<Tier>): Tier {
  let highest: Tier = 'green';
  for (const tier of tiers) if (RANK[tier] > RANK[highest]) highest = tier;
  return highest;
}
