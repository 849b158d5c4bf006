import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { Identity } from '@gridcare/identity';
import { Tier } from '@gridcare/residents-contracts';
import { normalizeNationalId } from '@gridcare/residents-domain';
import { ChangeResidentCommand } from '../commands/change-resident.command';
import { RegisterResidentCommand } from '../commands/register-resident.command';
import { ResidentDecisionResult } from '../commands/resident-decisions.service';
import { ResidentsPrisma } from '../database/residents-database.module';
import { REGISTRY_ROLES } from '../commands/registry-roles';
import { ResidentsContext } from '../identity/request-actor';
import { actingIdentity, commandContextOf } from '../identity/resident-access';
import { residentIdFor } from '../identity/resident-id';
import { ResidentsProjections } from '../projections/residents-projections';
import { TriageRollouts } from '../rule-sets/triage-rollouts.service';
import { RULE_SET_PUBLISHER_ROLES } from '../rule-sets/rule-set-roles';
import { TriageRuleSets } from '../rule-sets/triage-rule-sets.service';
import { toGraphQLError } from './command-errors';
import { notFound } from './graphql-errors';
import { residentView } from './resident-view';
import { ResidentsQueryResolver } from './residents-query.resolver';

type GraphQLContext = ResidentsContext;

interface JurisdictionInput {
  districtId: string;
  streetId: string;
  communityId: string;
}
interface ConditionInput {
  code: string;
  controlled: boolean;
}
interface RegisterResidentInput {
  nationalId: string;
  fullName: string;
  sex: string;
  birthDate: string;
  phone?: string | null;
  jurisdiction: JurisdictionInput;
  gridId: string;
  livingAlone: boolean;
  familyDoctorId?: string | null;
  conditions: ConditionInput[];
  lowImmunity: boolean;
  pregnant: boolean;
}

const lower = <T extends string>(value: string) => value.toLowerCase() as T;

/** Changes go through the command bus; each answers with the resident as the read model now shows them. */
@Resolver()
export class ResidentsMutationResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly projections: ResidentsProjections,
    private readonly prisma: ResidentsPrisma,
    private readonly ruleSets: TriageRuleSets,
    private readonly queries: ResidentsQueryResolver,
    private readonly rollouts: TriageRollouts,
  ) {}

  @Mutation('registerResident')
  async registerResident(@Args('input') input: RegisterResidentInput, @Context() context: GraphQLContext) {
    const identity = actingIdentity(context, 'register residents', REGISTRY_ROLES);
    const nationalId = normalizeNationalId(input.nationalId);
    const facts = {
      ...input,
      nationalId,
      sex: lower<'female' | 'male'>(input.sex),
      phone: input.phone ?? null,
      familyDoctorId: input.familyDoctorId ?? null,
      source: 'manual' as const,
      importId: null,
    };
    return this.run(residentIdFor(nationalId), () => this.commands.execute(new RegisterResidentCommand(facts, commandContextOf(identity))));
  }

  @Mutation('correctResident')
  async correctResident(@Args('input') input: { residentId: string; changes: Record<string, unknown>; reason: string }, @Context() context: GraphQLContext) {
    const identity = actingIdentity(context, 'correct residents', REGISTRY_ROLES);
    const changes = Object.fromEntries(Object.entries(input.changes).filter(([, value]) => value !== undefined));
    if (typeof changes.sex === 'string') changes.sex = lower(changes.sex);
    return this.change(input.residentId, { type: 'CorrectResident', changes, reason: input.reason } as never, identity);
  }

  @Mutation('moveResident')
  async moveResident(@Args('input') input: { residentId: string; jurisdiction: JurisdictionInput; gridId: string; reason: string }, @Context() context: GraphQLContext) {
    const identity = actingIdentity(context, 'move residents', REGISTRY_ROLES);
    return this.change(input.residentId, { type: 'MoveResident', to: { jurisdiction: input.jurisdiction, gridId: input.gridId }, reason: input.reason }, identity);
  }

  @Mutation('overrideTier')
  async overrideTier(@Args('input') input: { residentId: string; tier: string; reason: string }, @Context() context: GraphQLContext) {
    // Which roles may override is the rule set's to say (its overrideRoles).
    const identity = actingIdentity(context, 'override a tier');
    return this.change(input.residentId, { type: 'OverrideTier', tier: lower<Tier>(input.tier), reason: input.reason, actorRole: identity.role } as never, identity);
  }

  @Mutation('requestRetriage')
  async requestRetriage(@Args('residentId') residentId: string, @Context() context: GraphQLContext) {
    const identity = actingIdentity(context, 'request a re-triage', REGISTRY_ROLES);
    return this.change(residentId, { type: 'RequestRetriage', trigger: { kind: 'manual-request', sourceEventId: null } }, identity);
  }

  @Mutation('publishTriageRuleSet')
  async publishTriageRuleSet(@Args('document') document: unknown, @Context() context: GraphQLContext) {
    const identity = actingIdentity(context, 'publish triage rule sets', RULE_SET_PUBLISHER_ROLES);
    try {
      const { ruleSet, published } = await this.ruleSets.publish(document, commandContextOf(identity));
      if (published) {
        await this.projections.waitFor(published.position);
        await this.rollouts.start(published, ruleSet);
      }
      return this.queries.ruleSet(ruleSet.document.version);
    } catch (error) {
      throw toGraphQLError(error);
    }
  }

  private change(residentId: string, change: ChangeResidentCommand['change'], identity: Identity) {
    return this.run(residentId, () => this.commands.execute(new ChangeResidentCommand(residentId, change, commandContextOf(identity))));
  }

  private async run(residentId: string, execute: () => Promise<ResidentDecisionResult>) {
    let result: ResidentDecisionResult;
    try {
      result = await execute();
    } catch (error) {
      throw toGraphQLError(error, residentId);
    }
    if (result.position) await this.projections.waitFor(result.position);
    const row = await this.prisma.resident.findUnique({ where: { residentId } });
    if (!row) throw notFound('resident', residentId);
    return residentView(row);
  }
}
