import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@app/common';
import { ProgrammesService } from '@app/scheduling';
import { CurrentActor } from '../auth/current-actor.decorator';
import { CreateProgrammeInput, ProgrammeModel, UpdateProgrammeInput } from './scheduling.models';

@Resolver(() => ProgrammeModel)
export class ProgrammesResolver {
  constructor(private readonly service: ProgrammesService) {}

  @Query(() => [ProgrammeModel], { description: 'Active programmes; coordinators may ask for retired ones too' })
  programmes(
    @CurrentActor() actor: Actor | null,
    @Args('includeInactive', { type: () => Boolean, nullable: true }) includeInactive?: boolean | null,
  ): Promise<ProgrammeModel[]> {
    return this.service.listProgrammesFor(actor, includeInactive ?? false);
  }

  @Mutation(() => ProgrammeModel)
  createProgramme(@CurrentActor() actor: Actor | null, @Args('input') input: CreateProgrammeInput): Promise<ProgrammeModel> {
    return this.service.createProgramme(actor, input);
  }

  @Mutation(() => ProgrammeModel)
  updateProgramme(
    @CurrentActor() actor: Actor | null,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateProgrammeInput,
  ): Promise<ProgrammeModel> {
    return this.service.updateProgramme(actor, id, input);
  }
}
