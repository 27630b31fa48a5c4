import { Inject, Injectable, Logger } from '@nestjs/common';
import { Actor, AppError, ErrorCode, hasAnyRole, isCoordinator, validate, Role } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { pgErrorCode, PgErrorCode, Transaction, Transactions } from '@app/database';
import { OrganisationKind, OrganisationsRepository } from '@app/organisations';
import { UserEntity } from './entities';
import { LoginLockout } from './login-lockout';
import { PasswordHasher } from './password-hasher';
import { TokenService } from './token.service';
import { UsersRepository } from './users.repository';

export interface CreateUserCommand {
  email: string;
  password: string;
  displayName: string;
  roles: Role[];
  organisationId?: string | null;
  preferredLanguage?: string | null;
}

export type UserProfile = Pick<UserEntity, 'email' | 'displayName' | 'roles' | 'organisationId' | 'preferredLanguage'>;

export type UpdateUserCommand = Omit<CreateUserCommand, 'email' | 'password'>;

export interface UserFilter {
  search?: string | null;
  role?: Role | null;
  includeInactive?: boolean | null;
}

const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z0-9]{2,8})?$/;

/** Roles that only make sense with an organisation, and the kinds of organisation they fit. */
const SCOPED_ROLES: Partial<Record<Role, OrganisationKind[] | 'any'>> = {
  [Role.SCHOOL_CONTACT]: [OrganisationKind.SCHOOL],
  [Role.FESTIVAL_ORGANISER]: 'any',
};

export const MIN_PASSWORD_LENGTH = 12;

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly lockout: LoginLockout,
    private readonly transactions: Transactions,
  ) {}

  async login(email: string, password: string): Promise<{ token: string; user: UserEntity }> {
    const address = email.trim().toLowerCase().slice(0, 254);
    await this.lockout.assertNotLocked(address);
    const user = await this.users.findByEmail(address);
    // Verify against a hash even for unknown addresses, so timing does not reveal which accounts exist.
    const valid = await this.hasher.verify(user?.passwordHash ?? DUMMY_HASH, password.slice(0, 1024));
    if (!user || !valid || !user.active) {
      const lockSeconds = await this.lockout.recordFailure(address);
      throw new AppError(ErrorCode.UNAUTHENTICATED, 'E-mail address or password is wrong', lockSeconds > 0 ? { retryAfter: lockSeconds } : {});
    }
    await this.lockout.recordSuccess(address);
    return { token: this.tokens.sign(user.id, user.tokenVersion), user };
  }

  /** Revokes every token of the user (all devices): tokens carry the version they were issued with. */
  async logout(actor: Actor): Promise<void> {
    await this.users.bumpTokenVersion(actor.userId);
  }

  /** Checks the current password, stores the new one, revokes every older token and returns a fresh one. */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<{ token: string; user: UserEntity }> {
    const user = await this.users.findByIdOrFail(actor.userId);
    await this.lockout.assertNotLocked(user.email);
    if (!(await this.hasher.verify(user.passwordHash, currentPassword.slice(0, 1024)))) {
      await this.lockout.recordFailure(user.email);
      throw new AppError(ErrorCode.BAD_USER_INPUT, 'The current password is wrong', { field: 'currentPassword' });
    }
    validatePassword('newPassword', newPassword);
    if (newPassword === currentPassword) throw AppError.badInput('The new password must differ from the current one', 'newPassword');
    const tokenVersion = await this.users.bumpTokenVersion(user.id, await this.hasher.hash(newPassword));
    return { token: this.tokens.sign(user.id, tokenVersion), user: { ...user, tokenVersion } };
  }

  /** The actor behind a bearer token, or null when the token is invalid, expired or revoked. */
  async actorForToken(token: string): Promise<Actor | null> {
    const claims = this.tokens.verify(token);
    if (!claims) return null;
    const user = await this.users.findById(claims.sub);
    if (!user || !user.active || user.tokenVersion !== claims.ver) return null;
    return { userId: user.id, roles: user.roles, organisationId: user.organisationId };
  }

  async createUser(actor: Actor, command: CreateUserCommand): Promise<UserEntity> {
    const profile = await this.validProfile(actor, command);
    validatePassword('password', command.password);
    const passwordHash = await this.hasher.hash(command.password);
    return this.insert({ ...profile, passwordHash, active: true });
  }

  /**
   * Checks what a coordinator types about a user: address, name, roles, the organisation a scoped
   * role needs, language. Only an admin hands out the ADMIN role.
   */
  async validProfile(actor: Actor, command: Omit<CreateUserCommand, 'password'>): Promise<UserProfile> {
    if (!isCoordinator(actor)) throw AppError.forbidden('Only admins and coordinators manage users');
    if (command.roles.includes(Role.ADMIN) && !hasAnyRole(actor, Role.ADMIN)) throw AppError.forbidden('Only an admin creates another admin');
    const email = validate.email('email', command.email);
    const displayName = validate.text('displayName', command.displayName, { max: 200 });
    const roles = [...new Set(command.roles)];
    if (roles.length === 0) throw AppError.badInput('roles must name at least one role', 'roles');
    const organisationId = command.organisationId != null ? validate.uuid('organisationId', command.organisationId) : null;
    const organisation = organisationId ? await this.organisations.findById(organisationId) : null;
    if (organisationId && !organisation) throw AppError.notFound('Organisation', organisationId);
    for (const role of roles) {
      const kinds = SCOPED_ROLES[role];
      if (!kinds) continue;
      if (!organisation) throw AppError.badInput(`a ${role} needs an organisationId`, 'organisationId');
      if (kinds !== 'any' && !kinds.includes(organisation.kind)) {
        throw AppError.badInput(`a ${role} belongs to an organisation of kind ${kinds.join(' or ')}`, 'organisationId');
      }
    }
    const preferredLanguage = (command.preferredLanguage ?? 'nl').trim().toLowerCase();
    if (!LANGUAGE_TAG.test(preferredLanguage)) throw AppError.badInput('preferredLanguage must be a language tag like nl, ar or fr-BE', 'preferredLanguage');
    return { email, displayName, roles, organisationId, preferredLanguage };
  }

  /** Inserts the user; an address in use already is refused at the e-mail field. */
  async insert(user: Partial<UserEntity>, tx?: Transaction): Promise<UserEntity> {
    try {
      return await this.users.save(user, tx);
    } catch (error) {
      if (pgErrorCode(error) === PgErrorCode.UNIQUE_VIOLATION)
        throw new AppError(ErrorCode.CONFLICT, `A user with e-mail ${user.email} already exists`, { field: 'email' });
      throw error;
    }
  }

  /** The users a coordinator manages, by name or address; deactivated ones only when asked. */
  listUsers(actor: Actor, filter: UserFilter): Promise<UserEntity[]> {
    if (!isCoordinator(actor)) throw AppError.forbidden('Only admins and coordinators list users');
    const search = validate.optionalText('search', filter.search, 200) ?? '';
    return this.users.search({ search, role: filter.role ?? null, includeInactive: filter.includeInactive ?? false });
  }

  /** Changes name, roles, scope and language (not the address: it is how they log in). */
  async updateUser(actor: Actor, id: string, command: UpdateUserCommand): Promise<UserEntity> {
    const user = await this.managedUser(actor, id);
    const profile = await this.validProfile(actor, { ...command, email: user.email });
    const change = {
      displayName: profile.displayName,
      roles: profile.roles,
      organisationId: profile.organisationId,
      preferredLanguage: profile.preferredLanguage,
    };
    await this.users.update(user.id, change);
    return { ...user, ...change };
  }

  /** Deactivating revokes every token at once (the next request with one is anonymous) and stops logins. */
  async setActive(actor: Actor, id: string, active: boolean): Promise<UserEntity> {
    const user = await this.managedUser(actor, id);
    if (!active && user.id === actor.userId) throw AppError.badInput('You cannot deactivate your own account', 'id');
    if (user.erasedAt) throw AppError.badInput('An erased account stays inactive', 'id');
    return this.transactions.run(async (tx) => {
      await this.users.update(user.id, { active }, tx);
      const tokenVersion = active ? user.tokenVersion : await this.users.bumpTokenVersion(user.id, undefined, tx);
      return { ...user, active, tokenVersion };
    });
  }

  /** A user a coordinator may change: an admin's account only by an admin. */
  async managedUser(actor: Actor, id: string): Promise<UserEntity> {
    if (!isCoordinator(actor)) throw AppError.forbidden('Only admins and coordinators manage users');
    const user = await this.users.findById(validate.uuid('id', id));
    if (!user) throw AppError.notFound('User', id);
    if (user.roles.includes(Role.ADMIN) && !hasAnyRole(actor, Role.ADMIN)) throw AppError.forbidden('Only an admin changes an admin');
    return user;
  }

  /** Creates the ADMIN_EMAIL user, or resets its password and admin role, so a fresh database is usable. */
  /**
   * ADMIN_EMAIL logs in with ADMIN_PASSWORD after every start. When the password changed (the
   * operator's way to lock out whoever knew the old one), every token issued before is revoked too.
   */
  async ensureAdmin(): Promise<UserEntity> {
    const email = this.config.adminEmail;
    const existing = await this.users.findByEmail(email);
    if (!existing) {
      const passwordHash = await this.hasher.hash(this.config.adminPassword);
      await this.users.insertUnlessExists({ email, passwordHash, displayName: 'Administrator', roles: [Role.ADMIN], active: true });
    } else if (!(await this.hasher.verify(existing.passwordHash, this.config.adminPassword))) {
      await this.users.bumpTokenVersion(existing.id, await this.hasher.hash(this.config.adminPassword));
      this.logger.log(`admin user ${email}: new password from ADMIN_PASSWORD, earlier tokens revoked`);
    }
    const admin = await this.users.findByEmailOrFail(email);
    const roles = admin.roles.includes(Role.ADMIN) ? admin.roles : [...admin.roles, Role.ADMIN];
    if (!admin.active || roles !== admin.roles) await this.users.update(admin.id, { roles, active: true });
    this.logger.log(`admin user ${email} is ready`);
    return admin;
  }

  findByIds(ids: readonly string[]): Promise<UserEntity[]> {
    return this.users.findByIds(ids);
  }
}

/** The one password rule, for every way a password is set. */
export function validatePassword(field: string, password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > 256) {
    throw AppError.badInput(`${field} must be ${MIN_PASSWORD_LENGTH} to 256 characters`, field);
  }
}

// argon2id hash of a random string, used only to spend the same time on unknown e-mail addresses.
const DUMMY_HASH = '$argon2id$v=19$m=65536,t=3,p=4$mBoYUqRfiBoHYXtmWP8L2g$RKnZOZADrZUQGsNbxwBTsxMWbBoYFfpZxbbCbpw2clE';
