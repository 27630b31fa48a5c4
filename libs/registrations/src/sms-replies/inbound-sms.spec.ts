import { AppError } from '@app/common';
import { parseInboundSms } from './inbound-sms';

const valid = { messageId: 'gw-1', from: '+32470123456', text: 'Nee', receivedAt: '2026-12-07T15:04:05Z' };

function fieldOf(body: unknown): string | undefined {
  try {
    parseInboundSms(body);
  } catch (error) {
    if (error instanceof AppError) return (error.details.field as string | undefined) ?? '(body)';
    throw error;
  }
  return undefined;
}

describe('parseInboundSms', () => {
  it('reads the gateway’s JSON, the number as E.164', () => {
    expect(parseInboundSms(valid)).toEqual({ messageId: 'gw-1', fromPhone: '+32470123456', text: 'Nee', receivedAt: new Date('2026-12-07T15:04:05Z') });
    expect(parseInboundSms({ ...valid, from: '32470123456' }).fromPhone).toBe('+32470123456');
    expect(parseInboundSms({ ...valid, from: '0032470123456' }).fromPhone).toBe('+32470123456');
    expect(parseInboundSms({ ...valid, from: '0470 12 34 56' }).fromPhone).toBe('+32470123456');
    expect(parseInboundSms({ ...valid, messageId: 42 }).messageId).toBe('42');
    expect(parseInboundSms({ ...valid, text: '' }).text).toBe('');
    expect(parseInboundSms({ ...valid, receivedAt: '2026-12-07T16:04:05.123+01:00' }).receivedAt).toEqual(new Date('2026-12-07T15:04:05.123Z'));
  });

  it.each([
    [null, '(body)'],
    [[valid], '(body)'],
    ['Nee', '(body)'],
    [{ ...valid, messageId: undefined }, 'messageId'],
    [{ ...valid, messageId: '' }, 'messageId'],
    [{ ...valid, messageId: 'x'.repeat(201) }, 'messageId'],
    [{ ...valid, from: undefined }, 'from'],
    [{ ...valid, from: 'Oefenkansen' }, 'from'],
    [{ ...valid, from: '+1' }, 'from'],
    [{ ...valid, text: 12 }, 'text'],
    [{ ...valid, text: 'x'.repeat(1601) }, 'text'],
    [{ ...valid, text: 'Nee\u0000' }, 'text'],
    [{ ...valid, receivedAt: 'yesterday' }, 'receivedAt'],
    [{ ...valid, receivedAt: '2026-12-07T15:04:05' }, 'receivedAt'],
    [{ ...valid, receivedAt: '2026-13-07T15:04:05Z' }, 'receivedAt'],
  ])('refuses %j naming %s', (body, field) => {
    expect(fieldOf(body)).toBe(field);
  });
});
