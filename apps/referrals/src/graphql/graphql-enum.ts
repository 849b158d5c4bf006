/** A domain value ('second-level') as the graph's enums write it ('SECOND_LEVEL'), and back. */
export const toGraphQLEnum = (value: string): string => value.toUpperCase().replaceAll('-', '_');

export const fromGraphQLEnum = <T extends string>(value: string): T => value.toLowerCase().replaceAll('_', '-') as T;

export const toGraphQLEnumOrNull = (value: string | null | undefined): string | null => (value ? toGraphQLEnum(value) : null);
