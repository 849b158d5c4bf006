/**
 * The supergraph file carries each subgraph's local URL; a deployment points the gateway at its
 * own with `<SUBGRAPH>_URL` (RESIDENTS_URL, REFERRALS_URL, ...), named after the subgraph.
 */
export function subgraphUrlOverrides(env: NodeJS.ProcessEnv, subgraphs: readonly string[]): Record<string, string> {
  const overrides: Record<string, string> = {};
  for (const name of subgraphs) {
    const url = env[`${name.toUpperCase()}_URL`];
    if (url) overrides[name] = url;
  }
  return overrides;
}

/** The subgraph names a supergraph declares (`@join__graph(name: "...")`). */
export function supergraphSubgraphNames(supergraphSdl: string): string[] {
  return [...supergraphSdl.matchAll(/@join__graph\(name: "([^"]+)"/g)].map((match) => match[1]);
}
