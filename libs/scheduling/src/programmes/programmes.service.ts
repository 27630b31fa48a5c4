import { Injectable } from '@nestjs/common';
import { Actor, AppError, ErrorCode, validate } from '@app/common';
import { pgErrorCode, PgErrorCode, Transaction, Transactions } from '@app/database';
import { DomainEvents } from '@app/events';
import { ProgrammeEntity, ProgrammeKind } from '../entities';
import { schedulingPolicy } from '../scheduling-policy';
import { ProgrammesRepository } from './programmes.repository';

export const MAX_CAPACITY = 1000;
/** A room of toddlers with their minders, not a school; the database checks the same range. */
export const MAX_CHILDCARE_CAPACITY = 200;
/** Reminders up to four weeks ahead; more than a few per session only annoys people. */
const MAX_REMINDER_OFFSET_MINUTES = 4 * 7 * 24 * 60;
const MAX_REMINDERS = 5;
export const DEFAULT_REMINDER_OFFSETS = [1440, 120];
/** Offers up to two weeks before a session; 0 gives every freed seat at once, as before offers existed. */
export const MAX_SEAT_OFFER_WINDOW_MINUTES = 14 * 24 * 60;
/** At least a quarter of an hour to answer, at most two days. */
export const MIN_SEAT_OFFER_HOLD_MINUTES = 15;
export const MAX_SEAT_OFFER_HOLD_MINUTES = 2 * 24 * 60;

export interface CreateProgrammeCommand {
  name: string;
  kind: ProgrammeKind;
  description?: string | null;
  defaultCapacity: number;
  reminderOffsetsMinutes?: number[] | null;
  languages?: string[] | null;
  seatOfferWindowMinutes?: number | null;
  seatOfferHoldMinutes?: number | null;
  /** null: no childcare; otherwise the children it takes per session, apart from the seats. */
  childcareCapacity?: number | null;
  listsChildren?: boolean | null;
}

export type UpdateProgrammeCommand = { [K in keyof CreateProgrammeCommand]?: CreateProgrammeCommand[K] | null } & { active?: boolean | null };

const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

@Injectable()
export class ProgrammesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly programmes: ProgrammesRepository,
    private readonly events: DomainEvents,
  ) {}

  async createProgramme(actor: Actor | null, input: CreateProgrammeCommand): Promise<ProgrammeEntity> {
    schedulingPolicy.requireCoordinator(actor, 'create programmes');
    const programme = {
      name: validate.text('name', input.name, { max: 200 }),
      kind: input.kind,
      description: validate.optionalText('description', input.description, 2000),
      defaultCapacity: validate.int('defaultCapacity', input.defaultCapacity, 1, MAX_CAPACITY),
      reminderOffsetsMinutes: this.reminderOffsets(input.reminderOffsetsMinutes ?? DEFAULT_REMINDER_OFFSETS),
      languages: this.languages(input.languages ?? ['nl']),
      seatOfferWindowMinutes: seatOfferWindow(input.seatOfferWindowMinutes ?? 1440),
      seatOfferHoldMinutes: seatOfferHold(input.seatOfferHoldMinutes ?? 180),
      active: true,
      childcareCapacity: childcareCapacity(input.childcareCapacity),
      listsChildren: input.listsChildren ?? false,
    };
    return this.saveUnique(programme);
  }

  async updateProgramme(actor: Actor | null, id: string, input: UpdateProgrammeCommand): Promise<ProgrammeEntity> {
    schedulingPolicy.requireCoordinator(actor, 'change programmes');
    const programme = await this.programmes.findById(validate.uuid('id', id));
    if (!programme) throw AppError.notFound('Programme', id);
    if (input.name != null) programme.name = validate.text('name', input.name, { max: 200 });
    if (input.kind != null) programme.kind = input.kind;
    if (input.description !== undefined) programme.description = validate.optionalText('description', input.description, 2000);
    if (input.defaultCapacity != null) programme.defaultCapacity = validate.int('defaultCapacity', input.defaultCapacity, 1, MAX_CAPACITY);
    const previousOffsets = programme.reminderOffsetsMinutes.join();
    if (input.reminderOffsetsMinutes != null) programme.reminderOffsetsMinutes = this.reminderOffsets(input.reminderOffsetsMinutes);
    if (input.languages != null) programme.languages = this.languages(input.languages);
    if (input.active != null) programme.active = input.active;
    if (input.seatOfferWindowMinutes != null) programme.seatOfferWindowMinutes = seatOfferWindow(input.seatOfferWindowMinutes);
    if (input.seatOfferHoldMinutes != null) programme.seatOfferHoldMinutes = seatOfferHold(input.seatOfferHoldMinutes);
    const previousChildcare = programme.childcareCapacity;
    if (input.childcareCapacity !== undefined) programme.childcareCapacity = childcareCapacity(input.childcareCapacity);
    if (input.listsChildren != null) programme.listsChildren = input.listsChildren;
    const offsetsChanged = programme.reminderOffsetsMinutes.join() !== previousOffsets;
    return this.transactions.run(async (tx) => {
      const saved = await this.saveUnique(programme, tx);
      // Reminders of people already registered follow the new offsets, in the same transaction.
      if (offsetsChanged) await this.events.emit(tx, 'programme.reminderOffsetsChanged', { programmeId: saved.id });
      if (saved.childcareCapacity !== previousChildcare) await this.events.emit(tx, 'programme.childcareChanged', { programmeId: saved.id });
      return saved;
    });
  }

  /** The programmes query: active ones for everyone; retired ones too only for coordinators. */
  listProgrammesFor(actor: Actor | null, includeInactive: boolean): Promise<ProgrammeEntity[]> {
    if (includeInactive) schedulingPolicy.requireCoordinator(actor, 'see retired programmes');
    return this.listProgrammes(includeInactive);
  }

  listProgrammes(includeInactive = false): Promise<ProgrammeEntity[]> {
    return this.programmes.listByName(includeInactive);
  }

  findByIds(ids: readonly string[]): Promise<ProgrammeEntity[]> {
    return this.programmes.findByIds(ids);
  }

  private reminderOffsets(offsets: number[]): number[] {
    if (offsets.length > MAX_REMINDERS) throw AppError.badInput(`reminderOffsetsMinutes holds at most ${MAX_REMINDERS} offsets`, 'reminderOffsetsMinutes');
    for (const offset of offsets) validate.int('reminderOffsetsMinutes', offset, 1, MAX_REMINDER_OFFSET_MINUTES);
    return [...new Set(offsets)].sort((a, b) => b - a);
  }

  private languages(languages: string[]): string[] {
    if (languages.length === 0 || languages.length > 30) throw AppError.badInput('languages must list 1 to 30 language tags', 'languages');
    for (const tag of languages)
      if (!LANGUAGE_TAG.test(tag)) throw AppError.badInput(`languages: "${tag.slice(0, 20)}" is not a BCP 47 tag like nl or ar`, 'languages');
    return [...new Set(languages)];
  }

  private async saveUnique(programme: Partial<ProgrammeEntity>, tx?: Transaction): Promise<ProgrammeEntity> {
    try {
      return await this.programmes.save(programme, tx);
    } catch (error) {
      if (pgErrorCode(error) === PgErrorCode.UNIQUE_VIOLATION)
        throw new AppError(ErrorCode.CONFLICT, `A programme named ${programme.name} already exists`, { field: 'name' });
      throw error;
    }
  }
}

function seatOfferWindow(minutes: number): number {
  return validate.int('seatOfferWindowMinutes', minutes, 0, MAX_SEAT_OFFER_WINDOW_MINUTES);
}

function seatOfferHold(minutes: number): number {
  return validate.int('seatOfferHoldMinutes', minutes, MIN_SEAT_OFFER_HOLD_MINUTES, MAX_SEAT_OFFER_HOLD_MINUTES);
}

/** Childcare is optional: null (or left out) offers none; a number is the children it takes per session. */
function childcareCapacity(value: number | null | undefined): number | null {
  return value == null ? null : validate.int('childcareCapacity', value, 1, MAX_CHILDCARE_CAPACITY);
}
