import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AggregateStore } from '@gridcare/nest-event-sourcing';
import { gridStream } from '@gridcare/referrals-contracts';
import { gridDecider } from '@gridcare/referrals-domain';
import { assertMay } from '../identity/referrals-roles';
import { DefineGridCommand, DefineGridResult } from './define-grid.command';

@CommandHandler(DefineGridCommand)
export class DefineGridHandler implements ICommandHandler<DefineGridCommand, DefineGridResult> {
  constructor(private readonly aggregates: AggregateStore) {}

  async execute({ definition, context }: DefineGridCommand): Promise<DefineGridResult> {
    assertMay('DefineGrid', context.actor);
    const result = await this.aggregates.execute(gridStream(definition.gridId), gridDecider, { type: 'DefineGrid', ...definition }, context, { retries: 1 });
    return { gridId: definition.gridId, position: result.position };
  }
}
