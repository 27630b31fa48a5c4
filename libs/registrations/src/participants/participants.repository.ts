import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, DeepPartial, SelectQueryBuilder } from 'typeorm';
import { Actor, hasAnyRole, Role } from '@app/common';
import { BaseRepository, entityFromRow, Transaction } from '@app/database';
import { ContactChannel, ParticipantEntity, RegistrationStatus } from '../entities';
import { registrationPolicy } from '../registration-policy';
import type { ValidParticipant } from './participant-rules';

export interface NoShowStats {
  noShowCount: number;
  consecutiveNoShows: number;
}

/** How a search narrows the list: the national part of a phone number, or a name (already escaped for LIKE). */
export type ParticipantSearch = { phoneDigits: string } | { namePattern: string } | null;

/** A participant as created: the consent answer recorded by whoever created them (null: they registered themself). */
export interface NewParticipantRow extends ValidParticipant {
  registeredByOrganisationId: string | null;
  createdById: string | null;
  consentRecordedAt: Date;
}

/** What recording consent changes on the participant row. */
export interface ContactChange {
  phone: string | null;
  email: string | null;
  preferredLanguage: string;
  contactChannel: ContactChannel;
}

export interface ConsentChange {
  consentToContact: boolean;
  consentRecordedAt: Date;
  consentRecordedById: string | null;
}

/**
 * The participant table, and the visibility rule as SQL. The rule reads session_host (scheduling)
 * and trajectory (volunteers, a lib above this one, against the arrows): it must stay one condition
 * inside each statement so that every path to a participant applies it; a port that volunteers
 * fills in would replace that one subquery.
 */
@Injectable()
export class ParticipantsRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /**
   * A new participant, flagged with the oldest one that looks like the same person (same phone, or
   * the same name at the same organisation): the lookup and the insert in one round trip.
   */
  async insertFlaggingDuplicate(participant: NewParticipantRow, tx: Transaction): Promise<ParticipantEntity> {
    const [row] = await tx.query<Record<string, unknown>[]>(
      `INSERT INTO participant (first_name, last_name, phone, email, preferred_language, contact_channel, consent_to_contact,
                                referral_channel, registered_by_organisation_id, created_by_id, consent_recorded_at, consent_recorded_by_id,
                                possible_duplicate_of_id)
       VALUES ($1::varchar, $2::varchar, $3::varchar, $4::varchar, $5::varchar, $6::contact_channel, $7::boolean,
               $8::referral_channel, $9::uuid, $10::uuid, $11::timestamptz, $10::uuid,
               (SELECT id FROM participant
                 WHERE ($3::varchar IS NOT NULL AND phone = $3::varchar)
                    OR (registered_by_organisation_id = $9::uuid AND lower(first_name) = lower($1::varchar)
                        AND lower(coalesce(last_name, '')) = lower(coalesce($2::varchar, '')))
                 ORDER BY created_at LIMIT 1))
       RETURNING *`,
      [
        participant.firstName,
        participant.lastName,
        participant.phone,
        participant.email,
        participant.preferredLanguage,
        participant.contactChannel,
        participant.consentToContact,
        participant.referralChannel,
        participant.registeredByOrganisationId,
        participant.createdById,
        participant.consentRecordedAt,
      ],
    );
    return entityFromRow(tx, ParticipantEntity, row);
  }

  insert(participant: DeepPartial<ParticipantEntity>, tx?: Transaction): Promise<ParticipantEntity> {
    return this.on(tx).getRepository(ParticipantEntity).save(participant) as Promise<ParticipantEntity>;
  }

  /** Transaction-long lock on (organisation, phone): one request at a time creates a given new parent. */
  async lockParent(organisationId: string, phone: string, tx: Transaction): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`participant:${organisationId}:${phone}`]);
  }

  /** Not erased, registered by the organisation with this phone, visible to the actor; oldest first. */
  visibleByPhone(actor: Actor, organisationId: string, phone: string, tx?: Transaction): Promise<ParticipantEntity[]> {
    return this.visibleTo(actor, this.on(tx).getRepository(ParticipantEntity).createQueryBuilder('p'))
      .andWhere('p.registered_by_organisation_id = :organisationId AND p.phone = :phone AND p.erased_at IS NULL', { organisationId, phone })
      .orderBy('p.created_at')
      .getMany();
  }

  findVisible(actor: Actor, id: string, tx?: Transaction): Promise<ParticipantEntity | null> {
    return this.visibleTo(actor, this.on(tx).getRepository(ParticipantEntity).createQueryBuilder('p'))
      .andWhere('p.id = :participantId', { participantId: id })
      .getOne();
  }

  /** Erased participants are only figures now, and anonymous walk-ins never were anyone: nobody should pick them to register again. */
  search(actor: Actor, search: ParticipantSearch, limit: number, tx?: Transaction): Promise<ParticipantEntity[]> {
    const query = this.visibleTo(actor, this.on(tx).getRepository(ParticipantEntity).createQueryBuilder('p')).andWhere(
      'p.erased_at IS NULL AND NOT p.anonymous',
    );
    if (search && 'phoneDigits' in search) query.andWhere('p.phone LIKE :phone', { phone: `%${search.phoneDigits}%` });
    else if (search) query.andWhere(`(p.first_name || ' ' || coalesce(p.last_name, '')) ILIKE :name`, { name: `%${search.namePattern}%` });
    return query.orderBy('p.first_name').addOrderBy('p.last_name').addOrderBy('p.id').take(limit).getMany();
  }

  /** One statement: the rows and, beside each, whether the rule lets the actor see it in full. */
  async withVisibility(actor: Actor | null, ids: readonly string[], tx?: Transaction): Promise<{ participant: ParticipantEntity; inFull: boolean }[]> {
    const { sql, params } = this.visibility(actor);
    const { entities, raw } = await this.on(tx)
      .getRepository(ParticipantEntity)
      .createQueryBuilder('p')
      .addSelect(sql, 'in_full')
      .where('p.id IN (:...ids)', { ids: [...ids], ...params })
      .getRawAndEntities<{ p_id: string; in_full: boolean }>();
    const inFull = new Set(raw.filter((row) => row.in_full).map((row) => row.p_id));
    return entities.map((participant) => ({ participant, inFull: inFull.has(participant.id) }));
  }

  /** Ids among these the actor may see, in one statement. */
  async visibleIds(actor: Actor, ids: readonly string[], tx?: Transaction): Promise<Set<string>> {
    const rows = await this.visibleTo(actor, this.on(tx).getRepository(ParticipantEntity).createQueryBuilder('p'))
      .select('p.id', 'id')
      .andWhere('p.id IN (:...ids)', { ids: [...ids] })
      .getRawMany<{ id: string }>();
    return new Set(rows.map((row) => row.id));
  }

  /** No-shows in total and in a row since the last attended session, of those the actor sees in full. */
  async noShowStats(actor: Actor, participantIds: readonly string[], tx?: Transaction): Promise<Map<string, NoShowStats>> {
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
    const rows = await this.on(tx).query<{ participant_id: string; no_shows: number; streak: number }[]>(query, parameters);
    return new Map(rows.map((row) => [row.participant_id, { noShowCount: row.no_shows, consecutiveNoShows: row.streak }]));
  }

  /** Consent given or withdrawn, on the participant's row (privacy's ConsentService calls it through ParticipantsService). */
  async updateContact(participantId: string, change: ContactChange, tx?: Transaction): Promise<void> {
    await this.on(tx).update(ParticipantEntity, participantId, change);
  }

  async updateConsent(participantId: string, change: ConsentChange, tx?: Transaction): Promise<void> {
    await this.on(tx).update(ParticipantEntity, participantId, change);
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
