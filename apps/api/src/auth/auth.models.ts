import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Role } from '../graphql/enums';

@ObjectType('User')
export class UserModel {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field() displayName: string;
  @Field(() => [Role]) roles: Role[];
  @Field({ description: 'BCP 47 tag of the language messages to this user are written in' }) preferredLanguage: string;
  organisationId: string | null;
  active?: boolean;
  passwordHash?: string;
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
  @Field(() => String, { nullable: true, description: "Messages to this user are written in it (default nl); e.g. an association's organiser reads Arabic" })
  preferredLanguage?: string | null;
}

@InputType('InviteUserInput')
export class InviteUserInput {
  @Field() email: string;
  @Field() displayName: string;
  @Field(() => [Role]) roles: Role[];
  @Field(() => ID, { nullable: true }) organisationId?: string | null;
  @Field(() => String, { nullable: true, description: 'The invitation and later messages are written in it (default nl)' })
  preferredLanguage?: string | null;
}

@InputType('UpdateUserInput')
export class UpdateUserInput {
  @Field() displayName: string;
  @Field(() => [Role]) roles: Role[];
  @Field(() => ID, { nullable: true, description: 'Required for SCHOOL_CONTACT (a school) and FESTIVAL_ORGANISER' }) organisationId?: string | null;
  @Field(() => String) preferredLanguage: string;
}
