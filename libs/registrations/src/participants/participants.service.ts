import { Injectable } from '@nestjs/common';
import { Actor, AppError, Clock, ErrorCode, validate } from '@app/common';
import { type Transaction, Transactions } from '@app/database';
import { ContactChannel, ParticipantEntity } from '../entities';
import { registrationPolicy } from '../registration-policy';
import { ValidParticipant, validateNewParticipant } from './participant-rules';
import { fullView, ParticipantView, restrictedView } from './participant-view';
import { ConsentChange, ContactChange, NoShowStats, ParticipantSearch, ParticipantsRepository } from './participants.repository';

export type { ConsentChange, NoShowStats } from './participants.repository';

export const MAX_SEARCH_RESULTS = 50;

/** What a coordinator, school contact or host changes about someone they see in full; a field left out stays. */
export interface UpdateParticipantCommand {
  phone?: string | null;
  email?: string | null;
  preferredLanguage?: string | null;
  contactChannel?: ContactChannel | null;
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
    private readonly repository: ParticipantsRepository,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
  ) {}

  /**
   * Phone, e-mail, language and contact channel of someone the actor sees in full, checked by the
   * rules a new participant meets (SMS needs a phone and consent, EMAIL an address and consent,
   * VIA_ORGANISATION the organisation that registered them). Consent itself changes only through
   * recordConsent, which records who and when. The audit triggers log the change (libs/privacy).
   */
  async updateParticipant(actor: Actor | null, id: string, input: UpdateParticipantCommand): Promise<ParticipantView> {
    const viewer = registrationPolicy.requireLoggedIn(actor);
    const participantId = validate.uuid('id', id);
    return this.transactions.run(async (tx) => {
      // Refuses an erased participant (CONFLICT) and one the actor may not see (NOT_FOUND).
      const current = await this.requireVisible(tx, viewer, participantId);
      const pick = <T>(given: T | null | undefined, kept: T) => (given === undefined ? kept : given);
      const checked = asInputFields(() =>
        validateNewParticipant(
          {
            firstName: current.firstName,
            lastName: current.lastName,
            phone: pick(input.phone, current.phone),
            email: pick(input.email, current.email),
            preferredLanguage: input.preferredLanguage ?? current.preferredLanguage,
            contactChannel: input.contactChannel ?? current.contactChannel,
            consentToContact: current.consentToContact,
          },
          current.registeredByOrganisationId,
        ),
      );
      const change: ContactChange = {
        phone: checked.phone,
        email: checked.email,
        preferredLanguage: checked.preferredLanguage,
        contactChannel: checked.contactChannel,
      };
      await this.repository.updateContact(participantId, change, tx);
      return fullView({ ...current, ...change } as ParticipantEntity);
    });
  }

  /**
   * Creates a participant in the caller's transaction, flagging (never merging) a likely duplicate.
   * actor null: the newcomer registered themself, so they gave their consent themself.
   */
  async createParticipant(tx: Transaction, actor: Actor | null, participant: ValidParticipant, organisationId: string | null): Promise<ParticipantEntity> {
    return this.repository.insertFlaggingDuplicate(
      {
        ...participant,
        registeredByOrganisationId: organisationId,
        createdById: actor?.userId ?? null,
        // A "no" is a recorded answer too: when and by whom (the creator, the same column), like a "yes".
        consentRecordedAt: this.clock.now(),
      },
      tx,
    );
  }

  /**
   * The participant this organisation already registered as this person, if any: same phone (both
   * E.164), same first name folded for case and accents, and no other last name. Without a phone
   * a name alone is too weak (two parents called Amina), so a new record is made and only flagged.
   * Takes a transaction-long lock on (organisation, phone), so two simultaneous requests for the
   * same new parent cannot both create one (README, "One parent, one record").
   */
  async findKnownParent(tx: Transaction, actor: Actor, participant: ValidParticipant, organisationId: string | null): Promise<ParticipantEntity | null> {
    if (!participant.phone || !organisationId) return null;
    await this.repository.lockParent(organisationId, participant.phone, tx);
    const candidates = await this.repository.visibleByPhone(actor, organisationId, participant.phone, tx);
    return (
      candidates.find(
        (known) =>
          sameName(known.firstName, participant.firstName) && (!known.lastName || !participant.lastName || sameName(known.lastName, participant.lastName)),
      ) ?? null
    );
  }

  /**
   * An existing participant the actor may register (or record the consent of); others look exactly
   * like unknown ids. An erased participant is only figures now: new activity would start a new
   * record of the same person under an anonymous one.
   */
  async requireVisible(tx: Transaction, actor: Actor, participantId: string): Promise<ParticipantEntity> {
    const id = validate.uuid('participantId', participantId);
    const participant = await this.repository.findVisible(actor, id, tx);
    // An anonymous walk-in was a count at one session, nobody to register again.
    if (!participant || participant.anonymous) throw AppError.notFound('Participant', id);
    if (participant.erasedAt)
      throw new AppError(ErrorCode.CONFLICT, 'This participant’s data was erased; enter them as a new participant if they come back', { participantId: id });
    return participant;
  }

  async findParticipant(actor: Actor | null, id: string): Promise<ParticipantView | null> {
    const visible = registrationPolicy.requireLoggedIn(actor);
    const participantId = validate.uuid('id', id);
    const found = await this.repository.findVisible(visible, participantId);
    return found && fullView(found);
  }

  /**
   * Finds participants by name or phone so the same parent is not entered twice: digits search
   * the phone number, anything else first and last name.
   */
  async searchParticipants(actor: Actor | null, search: string | null | undefined, first?: number | null): Promise<ParticipantView[]> {
    const visible = registrationPolicy.requireLoggedIn(actor);
    const limit = validate.int('first', first ?? 20, 1, MAX_SEARCH_RESULTS);
    const term = validate.optionalText('search', search, 100);
    let filter: ParticipantSearch = null;
    if (term) {
      const digits = term.replace(/[^0-9]/g, '');
      if (digits.length >= 4 && /^[+0-9 ()./-]+$/.test(term)) {
        // Typed as 0470…, stored as +32470…: match on the national part.
        filter = { phoneDigits: digits.replace(/^0+/, '') };
      } else {
        filter = { namePattern: term.replace(/[\\%_]/g, (c) => `\\${c}`) };
      }
    }
    return (await this.repository.search(visible, filter, limit)).map(fullView);
  }

  /**
   * Participants reached through something the actor may already see (a registration at a session
   * they are responsible for, a message, a trajectory): in full where visibleTo allows, otherwise
   * the first name only. The caller checks that the actor may see the registration itself.
   */
  async viewsFor(actor: Actor | null, ids: readonly string[]): Promise<ParticipantView[]> {
    if (ids.length === 0) return [];
    const rows = await this.repository.withVisibility(actor, ids);
    return rows.map(({ participant, inFull }) => (inFull ? fullView(participant) : restrictedView(participant)));
  }

  /** Whether the actor may act on the participant's own record (cancel for them, record consent). */
  async seesInFull(actor: Actor, participantId: string): Promise<boolean> {
    return (await this.visibleIds(actor, [participantId])).has(participantId);
  }

  /** Ids among these the actor may see, in one statement (for field-level checks). */
  async visibleIds(actor: Actor | null, ids: readonly string[]): Promise<Set<string>> {
    if (!actor || ids.length === 0) return new Set();
    return this.repository.visibleIds(actor, ids);
  }

  /**
   * No-shows in total and in a row since the last attended session, for a batch of participants;
   * history, so only of those the actor sees in full (the others are left out of the map).
   */
  async noShowStats(actor: Actor | null, participantIds: readonly string[]): Promise<Map<string, NoShowStats>> {
    if (!actor || participantIds.length === 0) return new Map();
    return this.repository.noShowStats(actor, participantIds);
  }

  /** Consent given or withdrawn, in the caller's transaction: privacy records it, this lib owns the row. */
  async recordConsent(tx: Transaction, participantId: string, change: ConsentChange): Promise<void> {
    await this.repository.updateConsent(participantId, change, tx);
  }
}

/** The new-participant rules name their fields participant.x; here they are the update's input.x. */
function asInputFields<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof AppError && typeof error.details.field === 'string')
      throw new AppError(error.code, error.message, { ...error.details, field: error.details.field.replace(/^participant\./, 'input.') });
    throw error;
  }
}

/** "Zoë", " zoe " and "ZOE" are one name: accents, case and spaces are how it was typed, not who it is. */
function foldName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('und').replace(/\s+/g, ' ').trim();
}

function sameName(a: string, b: string): boolean {
  return foldName(a) === foldName(b);
}
