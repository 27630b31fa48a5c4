import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { Actor, AppError, Clock, ErrorCode, hasAnyRole, validate } from '@app/common';
import { ParticipantEntity, RegistrationStatus, Role } from '@app/database';
import { registrationPolicy } from '../registration-policy';
import { ValidParticipant } from './participant-rules';
import { fullView, ParticipantView, restrictedView } from './participant-view';

export const MAX_SEARCH_RESULTS = 50;

export interface NoShowStats {
  noShowCount: number;
  consecutiveNoShows: number;
}

/**
 * Participants and who may see them: coordinators all; a school contact those their school
 * registered; a host those they created or who are registered at a session they host; a volunteer
 * those they are the buddy of. This one rule (visibleTo) decides every path to a participant:
 * searched, by id, or reached through a registration, a message or a trajectory (viewsFor), where
 * anyone else responsible for the session gets the first name only (restrictedView).
 */
@Injectable()
export class ParticipantsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Creates a participant in the caller's transaction, flagging (never merging) a likely duplicate.
   * actor null: the newcomer registered themself, so they gave their consent themself.
   */
  async createParticipant(manager: EntityManager, actor: Actor | null, participant: ValidParticipant, organisationId: string | null): Promise<ParticipantEntity> {
    const [duplicate] = await manager.query<{ id: string }[]>(
      `SELECT id FROM participant
        WHERE ($1::text IS NOT NULL AND phone = $1)
           OR (registered_by_organisation_id = $4::uuid AND lower(first_name) = lower($2) AND lower(coalesce(last_name, '')) = lower(coalesce($3, '')))
        ORDER BY created_at LIMIT 1`,
      [participant.phone, participant.firstName, participant.lastName, organisationId],
    );
    return manager.getRepository(ParticipantEntity).save({
      ...participant,
      registeredByOrganisationId: organisationId,
      createdById: actor?.userId ?? null,
      // A "no" is a recorded answer too: when and by whom, like a "yes".
      consentRecordedAt: this.clock.now(),
      consentRecordedById: actor?.userId ?? null,
      possibleDuplicateOfId: duplicate?.id ?? null,
    });
  }

  /**
   * The participant this organisation already registered as this person, if any: same phone (both
   * E.164), same first name folded for case and accents, and no other last name. Without a phone
   * a name alone is too weak (two parents called Amina), so a new record is made and only flagged.
   * Takes a transaction-long lock on (organisation, phone), so two simultaneous requests for the
   * same new parent cannot both create one (README, "One parent, one record").
   */
  async findKnownParent(manager: EntityManager, actor: Actor, participant: ValidParticipant, organisationId: string | null): Promise<ParticipantEntity | null> {
    if (!participant.phone || !organisationId) return null;
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`participant:${organisationId}:${participant.phone}`]);
    const candidates = await this.visibleTo(actor, manager.getRepository(ParticipantEntity).createQueryBuilder('p'))
      .andWhere('p.registered_by_organisation_id = :organisationId AND p.phone = :phone AND p.erased_at IS NULL', { organisationId, phone: participant.phone })
      .orderBy('p.created_at')
      .getMany();
    return candidates.find((known) => sameName(known.firstName, participant.firstName) && (!known.lastName || !participant.lastName || sameName(known.lastName, participant.lastName))) ?? null;
  }

  /**
   * An existing participant the actor may register (or record the consent of); others look exactly
   * like unknown ids. An erased participant is only figures now: new activity would start a new
   * record of the same person under an anonymous one.
   */
  async requireVisible(manager: EntityManager, actor: Actor, participantId: string): Promise<ParticipantEntity> {
    const id = validate.uuid('participantId', participantId);
    const participant = await this.visibleTo(actor, manager.getRepository(ParticipantEntity).createQueryBuilder('p')).andWhere('p.id = :id', { id }).getOne();
    if (!participant) throw AppError.notFound('Participant', id);
    if (participant.erasedAt) throw new AppError(ErrorCode.CONFLICT, 'This participant’s data was erased; enter them as a new participant if they come back', { participantId: id });
    return participant;
  }

  async findParticipant(actor: Actor | null, id: string): Promise<ParticipantView | null> {
    const visible = registrationPolicy.requireLoggedIn(actor);
    const participantId = validate.uuid('id', id);
    const found = await this.visibleTo(visible, this.dataSource.getRepository(ParticipantEntity).createQueryBuilder('p')).andWhere('p.id = :participantId', { participantId }).getOne();
    return found && fullView(found);
  }

  /**
   * Finds participants by name or phone so the same parent is not entered twice: digits search
   * the phone number, anything else first and last name.
   */
  async searchParticipants(actor: Actor | null, search: string | null | undefined, first?: number | null): Promise<ParticipantView[]> {
    const visible = registrationPolicy.requireLoggedIn(actor);
    const limit = validate.int('first', first ?? 20, 1, MAX_SEARCH_RESULTS);
    // Erased participants are only figures now: nobody should pick them to register again.
    const query = this.visibleTo(visible, this.dataSource.getRepository(ParticipantEntity).createQueryBuilder('p')).andWhere('p.erased_at IS NULL');
    const term = validate.optionalText('search', search, 100);
    if (term) {
      const digits = term.replace(/[^0-9]/g, '');
      if (digits.length >= 4 && /^[+0-9 ()./-]+$/.test(term)) {
        // Typed as 0470…, stored as +32470…: match on the national part.
        query.andWhere('p.phone LIKE :phone', { phone: `%${digits.replace(/^0+/, '')}%` });
      } else {
        query.andWhere(`(p.first_name || ' ' || coalesce(p.last_name, '')) ILIKE :name`, { name: `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
      }
    }
    return (await query.orderBy('p.first_name').addOrderBy('p.last_name').addOrderBy('p.id').take(limit).getMany()).map(fullView);
  }

  /**
   * Participants reached through something the actor may already see (a registration at a session
   * they are responsible for, a message, a trajectory): in full where visibleTo allows, otherwise
   * the first name only. The caller checks that the actor may see the registration itself.
   */
  async viewsFor(actor: Actor | null, ids: readonly string[]): Promise<ParticipantView[]> {
    if (ids.length === 0) return [];
    const { sql, params } = this.visibility(actor);
    // One statement: the rows and, beside each, whether the rule lets the actor see it in full.
    const { entities, raw } = await this.dataSource
      .getRepository(ParticipantEntity)
      .createQueryBuilder('p')
      .addSelect(sql, 'in_full')
      .where('p.id IN (:...ids)', { ids: [...ids], ...params })
      .getRawAndEntities<{ p_id: string; in_full: boolean }>();
    const inFull = new Set(raw.filter((row) => row.in_full).map((row) => row.p_id));
    return entities.map((participant) => (inFull.has(participant.id) ? fullView(participant) : restrictedView(participant)));
  }

  /** Whether the actor may act on the participant's own record (cancel for them, record consent). */
  async seesInFull(actor: Actor, participantId: string): Promise<boolean> {
    return (await this.visibleIds(actor, [participantId])).has(participantId);
  }

  /** Ids among these the actor may see, in one statement (for field-level checks). */
  async visibleIds(actor: Actor | null, ids: readonly string[]): Promise<Set<string>> {
    if (!actor || ids.length === 0) return new Set();
    const rows = await this.visibleTo(actor, this.dataSource.getRepository(ParticipantEntity).createQueryBuilder('p'))
      .select('p.id', 'id')
      .andWhere('p.id IN (:...ids)', { ids: [...ids] })
      .getRawMany<{ id: string }>();
    return new Set(rows.map((row) => row.id));
  }

  /**
   * No-shows in total and in a row since the last attended session, for a batch of participants;
   * history, so only of those the actor sees in full (the others are left out of the map).
   */
  async noShowStats(actor: Actor | null, participantIds: readonly string[]): Promise<Map<string, NoShowStats>> {
    if (!actor || participantIds.length === 0) return new Map();
    const { sql, params } = this.visibility(actor);
    const [query, parameters] = this.dataSource.driver.escapeQueryWithParameters(
      `SELECT r.participant_id,
              count(*) FILTER (WHERE r.status = :noShow)::int AS no_shows,
              count(*) FILTER (WHERE r.status = :noShow AND s.starts_at > coalesce(last.attended_at, '-infinity'))::int AS streak
         FROM registration r
         JOIN session s ON s.id = r.session_id
         LEFT JOIN LATERAL (
           SELECT max(s2.starts_at) AS attended_at FROM registration r2 JOIN session s2 ON s2.id = r2.session_id
            WHERE r2.participant_id = r.participant_id AND r2.status = :attended
         ) last ON true
        WHERE r.participant_id = ANY(CAST(:ids AS uuid[]))
          AND r.participant_id IN (SELECT p.id FROM participant p WHERE ${sql})
        GROUP BY r.participant_id`,
      { ids: [...participantIds], noShow: RegistrationStatus.NO_SHOW, attended: RegistrationStatus.ATTENDED, ...params },
    );
    const rows = await this.dataSource.query<{ participant_id: string; no_shows: number; streak: number }[]>(query, parameters);
    return new Map(rows.map((row) => [row.participant_id, { noShowCount: row.no_shows, consecutiveNoShows: row.streak }]));
  }

  private visibleTo(actor: Actor, query: SelectQueryBuilder<ParticipantEntity>): SelectQueryBuilder<ParticipantEntity> {
    const { sql, params } = this.visibility(actor);
    return query.andWhere(sql, params);
  }

  /** The rule, as a condition on participant `p` with named parameters. */
  private visibility(actor: Actor | null): { sql: string; params: Record<string, unknown> } {
    if (!actor) return { sql: 'false', params: {} };
    if (registrationPolicy.isCoordinator(actor)) return { sql: 'true', params: {} };
    const conditions: string[] = [];
    if (hasAnyRole(actor, Role.SCHOOL_CONTACT) && actor.organisationId) conditions.push('p.registered_by_organisation_id = :myOrganisation');
    if (hasAnyRole(actor, Role.HOST)) conditions.push('p.created_by_id = :me');
    // A volunteer co-hosting a table sees who comes to it, as a host does.
    if (hasAnyRole(actor, Role.HOST, Role.VOLUNTEER)) {
      conditions.push('p.id IN (SELECT hr.participant_id FROM registration hr JOIN session_host sh ON sh.session_id = hr.session_id WHERE sh.user_id = :me)');
    }
    // A buddy calls and meets the newcomer of their trajectory (the volunteers library's table).
    if (hasAnyRole(actor, Role.VOLUNTEER)) conditions.push('p.id IN (SELECT t.participant_id FROM trajectory t WHERE t.buddy_id = :me)');
    if (conditions.length === 0) return { sql: 'false', params: {} };
    return { sql: `(${conditions.join(' OR ')})`, params: { me: actor.userId, myOrganisation: actor.organisationId } };
  }
}

/** "Zoë", " zoe " and "ZOE" are one name: accents, case and spaces are how it was typed, not who it is. */
function foldName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('und').replace(/\s+/g, ' ').trim();
}

function sameName(a: string, b: string): boolean {
  return foldName(a) === foldName(b);
}
