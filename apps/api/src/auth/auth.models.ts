import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Role } from '../graphql/enums';

@ObjectType('User')
export class UserModel {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field() displayName: string;
  @Field(() => [Role]) roles: Role[];
  organisationId: string | null;
  /** Set when the user is the one asking (login answers before a token is in use). */
  isViewer?: boolean;
}

@ObjectType('AuthPayload')
export class AuthPayloadModel {
  @Field() token: string;
  @Field(() => UserModel) user: UserModel;
}

@InputType('CreateUserInput')
export class CreateUserInput {
  @Field() email: string;
  @Field() password: string;
  @Field() displayName: string;
  @Field(() => [Role]) roles: Role[];
  @Field(() => ID, { nullable: true }) organisationId?: string | null;
}
