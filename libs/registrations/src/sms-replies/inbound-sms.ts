import { AppError, validate } from '@app/common';
import type { InboundSms } from './sms-replies.repository';

/** Longer than any concatenated SMS a phone sends (10 segments); anything longer is no reply. */
export const MAX_REPLY_LENGTH = 1600;
const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * The gateway's JSON `{"messageId","from","text","receivedAt"}`, checked field by field (the
 * signature was checked before): a clear BAD_USER_INPUT naming the field, nothing stored.
 */
export function parseInboundSms(body: unknown): InboundSms {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw AppError.badInput('The body must be a JSON object {messageId, from, text, receivedAt}');
  const { messageId, from, text, receivedAt } = body as Record<string, unknown>;
  if (typeof messageId !== 'string' && typeof messageId !== 'number') throw AppError.badInput('messageId must be a string', 'messageId');
  if (typeof from !== 'string') throw AppError.badInput('from must be the sender’s phone number, e.g. +32470123456', 'from');
  if (typeof text !== 'string') throw AppError.badInput('text must be a string (it may be empty)', 'text');
  if (typeof receivedAt !== 'string' || !ISO_MOMENT.test(receivedAt) || Number.isNaN(Date.parse(receivedAt)))
    throw AppError.badInput('receivedAt must be an ISO 8601 time with its offset, e.g. 2026-12-07T15:04:05Z', 'receivedAt');
  return {
    messageId: validate.text('messageId', String(messageId), { max: 200 }),
    fromPhone: validate.phone('from', gatewayNumber(from)),
    text: validate.text('text', text, { min: 0, max: MAX_REPLY_LENGTH }),
    receivedAt: new Date(receivedAt),
  };
}

/** Gateways write E.164 with or without its "+", or with "00": all become "+…"; a Belgian 04… stays as typed. */
function gatewayNumber(from: string): string {
  const trimmed = from.trim();
  if (/^00[1-9]\d{6,14}$/.test(trimmed)) return `+${trimmed.slice(2)}`;
  if (/^[1-9]\d{9,14}$/.test(trimmed)) return `+${trimmed}`;
  return trimmed;
}
