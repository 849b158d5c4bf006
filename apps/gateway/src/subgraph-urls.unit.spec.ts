import { subgraphUrlOverrides, supergraphSubgraphNames } from './subgraph-urls';

describe('subgraph URLs', () => {
  it('reads the subgraph names from the supergraph', () => {
    const sdl = 'enum join__Graph {\n  REFERRALS @join__graph(name: "referrals", url: "http://localhost:4002/graphql")\n  RESIDENTS @join__graph(name: "residents", url: "http://localhost:4001/graphql")\n}';
    expect(supergraphSubgraphNames(sdl)).toEqual(['referrals', 'residents']);
  });

  it('overrides a subgraph URL from <NAME>_URL, leaving the others as composed', () => {
    expect(subgraphUrlOverrides({ RESIDENTS_URL: 'http://residents:4001/graphql' }, ['residents', 'referrals'])).toEqual({ residents: 'http://residents:4001/graphql' });
  });
});
