import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { OrganisationScreeningStatus } from '../graphql/enums';
import { DateScalar } from '../graphql/scalars';
import { OrganisationModel } from './scheduling.models';

@ObjectType('OrganisationTraining', { description: 'A training ("vorming") the organisation followed' })
export class OrganisationTrainingModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => DateScalar) followedOn: string;
  organisationId: string;
}

@ObjectType('OrganisationScreening', { description: 'Whether a host organisation may take newcomers (Picnik), and what it offers them' })
export class OrganisationScreeningModel {
  @Field(() => OrganisationScreeningStatus) status: OrganisationScreeningStatus;
  @Field(() => DateScalar, { nullable: true }) screenedOn: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'The last day the screening holds (screenedOn + 3 years − 1 day)' }) validUntil: string | null;
  @Field({ description: 'SCREENED and not expired today: trajectories may go there' }) valid: boolean;
  @Field() expired: boolean;
  @Field(() => Boolean, { nullable: true, description: 'null: not known' }) paysVolunteerAllowance: boolean | null;
  @Field(() => String, { nullable: true }) allowanceNote: string | null;
  organisationId: string;
}

@InputType('OrganisationScreeningInput')
export class OrganisationScreeningInput {
  @Field(() => OrganisationScreeningStatus) status: OrganisationScreeningStatus;
  @Field(() => DateScalar, { nullable: true, description: 'Required for SCREENED; not in the future' }) screenedOn?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Left out: unchanged; null: not known' }) paysVolunteerAllowance?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Up to 500 characters; left out: unchanged' }) allowanceNote?: string | null;
}

@InputType('OrganisationTrainingInput')
export class OrganisationTrainingInput {
  @Field() name: string;
  @Field(() => DateScalar, { description: 'Not in the future' }) followedOn: string;
}

@ObjectType('HostOrganisationSuggestion', { description: 'A host organisation for a trajectory, with why it fits' })
export class HostOrganisationSuggestionModel {
  @Field(() => OrganisationModel) organisation: OrganisationModel;
  @Field(() => Int) score: number;
  @Field(() => OrganisationScreeningStatus) screeningStatus: OrganisationScreeningStatus;
  @Field({ description: 'The screening holds today; otherwise choosing it is refused with ORGANISATION_NOT_SCREENED' }) screened: boolean;
  @Field() screeningExpired: boolean;
  @Field(() => DateScalar, { nullable: true }) screeningValidUntil: string | null;
  @Field({ description: 'Its kind usually hosts this kind of trajectory' }) kindFits: boolean;
  @Field() sameNeighbourhood: boolean;
  @Field(() => [String], { description: 'Its venues ("name, address") in the neighbourhood asked for' }) placesInNeighbourhood: string[];
  @Field(() => Int, { description: 'Its MATCHED or ACTIVE trajectories now' }) activeTrajectories: number;
  @Field(() => Boolean, { nullable: true }) paysVolunteerAllowance: boolean | null;
}
