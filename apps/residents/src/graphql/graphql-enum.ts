/** A domain value ('not-reached') as the graph's enums write it ('NOT_REACHED'), and back. */
export const toGraphQLEnum = (value: string): string => value.toUpperCase().replaceAll('-', '_');

export const fromGraphQLEnum = <T extends string>(value: string): T => value.toLowerCase().replaceAll('_', '-') as T;
