import 'reflect-metadata';
import { MESSAGE_KINDS, MESSAGE_KINDS_METADATA } from '@app/messaging';
import { SmsReplyComposer } from '../sms-replies/sms-reply-composer';
import { ParticipantMessageComposer } from './participant-composer';
import { RegistrationCodeComposer } from './registration-code-messages';
import { RegistrationMessageKind } from './registration-message-kinds';
import { StaffMessageComposer } from './staff-messages';

describe('registrations message kinds', () => {
  const kinds: string[] = Object.values(RegistrationMessageKind);

  it('are keys of the catalogue, unchanged', () => {
    expect(kinds.filter((kind) => !(MESSAGE_KINDS as readonly string[]).includes(kind))).toEqual([]);
  });

  it('each have exactly one of the registrations composers', () => {
    const composed = [ParticipantMessageComposer, StaffMessageComposer, RegistrationCodeComposer, SmsReplyComposer].flatMap(
      (composer) => Reflect.getMetadata(MESSAGE_KINDS_METADATA, composer) as string[],
    );
    expect([...composed].sort()).toEqual([...kinds].sort());
  });
});
