import { randomUUID } from 'node:crypto';
import { Actor, AppError, ErrorCode, Role } from '@app/common';
import { auditScope } from './audit/audit-scope';
import { AuditSubjectKind } from './entities';
import { ERASED_LANGUAGE, erasedEmailOf } from './erasure/personal-data-erasure.service';
import { PERSONAL_COLUMN, PERSONAL_DATA_TABLES } from './personal-data-tables';
import { privacyPolicy } from './privacy-policy';
import { personalDataSubject } from './subject';

function refusal(run: () => unknown): { code: ErrorCode; field?: unknown } | null {
  try {
    run();
    return null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { code: error.code, ...(error.details.field ? { field: error.details.field } : {}) };
  }
}

describe('whose personal data', () => {
  it('is a participant or a user, given by exactly one id', () => {
    const id = randomUUID();
    expect(personalDataSubject({ participantId: id.toUpperCase() })).toEqual({ kind: AuditSubjectKind.PARTICIPANT, id });
    expect(personalDataSubject({ userId: id, participantId: null })).toEqual({ kind: AuditSubjectKind.USER, id });
    expect(refusal(() => personalDataSubject({}))).toEqual({ code: ErrorCode.BAD_USER_INPUT, field: 'subject' });
    expect(refusal(() => personalDataSubject({ participantId: id, userId: id }))).toEqual({ code: ErrorCode.BAD_USER_INPUT, field: 'subject' });
    expect(refusal(() => personalDataSubject({ userId: 'someone' }))).toEqual({ code: ErrorCode.BAD_USER_INPUT, field: 'subject.userId' });
  });
});

describe('who exports, erases and reads the audit log', () => {
  const as = (...roles: Role[]): Actor => ({ userId: randomUUID(), roles, organisationId: null });

  it('exports and erasures: coordinators and admins', () => {
    expect(
      [as(Role.COORDINATOR), as(Role.ADMIN), as(Role.HOST), as(Role.SCHOOL_CONTACT), null].map(
        (who) => refusal(() => privacyPolicy.requireCoordinator(who, 'erase personal data'))?.code ?? null,
      ),
    ).toEqual([null, null, ErrorCode.FORBIDDEN, ErrorCode.FORBIDDEN, ErrorCode.UNAUTHENTICATED]);
  });

  it('the audit log, which shows what coordinators did: admins only', () => {
    expect(refusal(() => privacyPolicy.requireAdmin(as(Role.ADMIN), 'read the audit log'))).toBeNull();
    expect(refusal(() => privacyPolicy.requireAdmin(as(Role.COORDINATOR), 'read the audit log'))?.code).toBe(ErrorCode.FORBIDDEN);
    expect(refusal(() => privacyPolicy.requireAdmin(null, 'read the audit log'))?.code).toBe(ErrorCode.UNAUTHENTICATED);
  });
});

describe('which columns hold personal data', () => {
  it('names, contact details, notes, reasons and errors, also with a prefix', () => {
    const personal = [
      'first_name',
      'last_name',
      'display_name',
      'phone',
      'email',
      'address',
      'note',
      'notes',
      'reason',
      'error',
      'neighbourhood',
      'last_error',
      'cancellation_reason',
      'contact_phone',
    ];
    expect(personal.filter((column) => !PERSONAL_COLUMN.test(column))).toEqual([]);
  });

  it('not ids, times, counts or flags that only contain such a word', () => {
    const notPersonal = [
      'id',
      'participant_id',
      'created_at',
      'phone_verified_at',
      'email_sent',
      'error_count',
      'notes_count',
      'phonebook',
      'reasoning',
      'address_id',
    ];
    expect(notPersonal.filter((column) => PERSONAL_COLUMN.test(column))).toEqual([]);
  });

  it('every table listed says how export and erasure cover it, or why it is not about a person', () => {
    for (const [table, coverage] of Object.entries(PERSONAL_DATA_TABLES)) {
      if ('notAboutAPerson' in coverage) expect({ table, why: coverage.notAboutAPerson.length > 10 }).toEqual({ table, why: true });
      else
        expect({ table, subject: ['participant', 'user'].includes(coverage.subject), exported: !!coverage.exported, erased: !!coverage.erased }).toEqual({
          table,
          subject: true,
          exported: true,
          erased: true,
        });
    }
    expect(PERSONAL_DATA_TABLES.participant).toMatchObject({ subject: 'participant' });
    expect(PERSONAL_DATA_TABLES.app_user).toMatchObject({ subject: 'user' });
  });
});

describe('what erased data becomes', () => {
  it("a user's unique e-mail becomes an address that cannot receive mail, one per user", () => {
    const [a, b] = [randomUUID(), randomUUID()];
    expect(erasedEmailOf(a)).toMatch(/@erased\.invalid$/);
    expect(erasedEmailOf(a)).toContain(a);
    expect(erasedEmailOf(a)).not.toBe(erasedEmailOf(b));
    expect(ERASED_LANGUAGE).toBe('und');
  });
});

describe('the audit scope', () => {
  it('follows one operation through its awaits, and not into another', async () => {
    const seen: (string | null | undefined)[] = [];
    const work = (operation: string) =>
      auditScope.run({ actorUserId: null, operation, requestId: null }, async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        seen.push(auditScope.current()?.operation);
      });
    await Promise.all([work('erasePersonalData'), work('anonymiseInactiveParticipants')]);
    expect(seen.sort()).toEqual(['anonymiseInactiveParticipants', 'erasePersonalData']);
    expect(auditScope.current()).toBeUndefined();
  });
});
