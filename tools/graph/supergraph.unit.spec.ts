// CI's check of the federated graph: the subgraphs must compose, and the checked-in supergraph
// (the file the gateway serves) must be exactly what composing them gives today.
import { findWorkspaceRoot } from '@gridcare/postgres';
import { composeSupergraph, formatCompositionErrors, readCheckedInSupergraph, SUBGRAPHS, SUPERGRAPH_FILE } from './supergraph';

describe('the supergraph', () => {
  const composition = composeSupergraph();

  it('composes from the subgraphs', () => {
    if (!composition.ok) throw new Error(`the subgraphs do not compose:\n${formatCompositionErrors(composition.errors)}`);
  });

  it(`is checked in up to date (${SUPERGRAPH_FILE}; npm run graph:compose rewrites it)`, () => {
    if (!composition.ok) return;
    expect(readCheckedInSupergraph(findWorkspaceRoot(__dirname))).toBe(composition.supergraph);
  });

  it('joins the residents and referrals subgraphs at their default local URLs', () => {
    if (!composition.ok) return;
    expect(composition.supergraph).toContain('RESIDENTS @join__graph(name: "residents", url: "http://localhost:4001/graphql")');
    expect(composition.supergraph).toContain('REFERRALS @join__graph(name: "referrals", url: "http://localhost:4002/graphql")');
  });

  it('fails with the composition errors when the subgraphs disagree', () => {
    const clashing = SUBGRAPHS.map((subgraph) =>
      subgraph.name === 'referrals' ? { ...subgraph, typeDefs: subgraph.typeDefs.replace(/enum Tier \{\s*RED/, 'enum Tier {\n    PURPLE\n    RED') } : subgraph,
    );
    const result = composeSupergraph(clashing);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(formatCompositionErrors(result.errors)).toMatch(/Tier/);
  });
});
