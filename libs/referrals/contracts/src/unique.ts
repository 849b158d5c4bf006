import { z } from 'zod';

/** Flags each repeat of a value in a list, at its index: ids in a list mean one thing each. */
export function flagDuplicates(values: readonly string[], pathOf: (index: number) => (string | number)[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value)) ctx.addIssue({ code: 'custom', path: pathOf(index), message: `duplicate ${value}` });
    seen.add(value);
  });
}

/** A list of distinct values of `item`. */
export const distinctList = <T extends z.ZodType<string>>(item: T) =>
  z.array(item).superRefine((values, ctx) => flagDuplicates(values as string[], (index) => [index], ctx));
