import type { TestApi } from './test-api';

export const REQUEST_CODE = `mutation($i: RequestRegistrationCodeInput!) { requestRegistrationCode(input: $i) { requestId expiresAt } }`;
export const CONFIRM_CODE = `mutation($r: ID!, $c: String!) { confirmRegistrationCode(requestId: $r, code: $c) { id status waitlistPosition sessionId } }`;

/**
 * The code of a request as its SMS will carry it, read from the outbox row while the SMS is on its
 * way (the worker does not run in API tests); fails when the row no longer holds it.
 */
export async function codeSentFor(api: TestApi, requestId: string): Promise<string> {
  const [row] = await api.dataSource.query<{ code: string | null }[]>(
    `SELECT payload ->> 'code' AS code FROM notification WHERE kind = 'REGISTRATION_CODE' AND payload ->> 'requestId' = $1`,
    [requestId],
  );
  if (!row?.code) throw new Error(`no code SMS on its way for request ${requestId}`);
  return row.code;
}
