import { Client } from 'pg';

export async function seedVenueAndProgramme(db: Client): Promise<void> {
  await db.query(`INSERT INTO organisation (name, kind) VALUES ('Wijkcentrum', 'NEIGHBOURHOOD_CENTRE')`);
  await db.query(`INSERT INTO venue (organisation_id, name, address) SELECT id, 'Zaal', 'Leiestraat 1, 8500 Kortrijk' FROM organisation`);
  await db.query(`INSERT INTO programme (name, kind, default_capacity) VALUES ('Praattafel', 'TABLE', 1000)`);
}

/** A session of the one programme at the one venue, two days ahead (real time), with room for a thousand. */
async function seedSessionTwoDaysAhead(db: Client, round: string): Promise<{ id: string; starts_at: Date }> {
  const { rows } = await db.query(
    `INSERT INTO session (programme_id, venue_id, title, starts_at, ends_at, capacity)
     SELECT p.id, v.id, $1, now() + interval '2 days', now() + interval '2 days 1 hour', 1000 FROM programme p, venue v RETURNING id, starts_at`,
    [`Praattafel ${round}`],
  );
  return rows[0] as { id: string; starts_at: Date };
}

/** `count` confirmed participants of a session two days ahead (real time), each with an e-mail reminder due now; returns the dedupe keys. */
export async function seedDueReminders(db: Client, round: string, count: number): Promise<string[]> {
  const session = await seedSessionTwoDaysAhead(db, round);
  const { rows } = await db.query(
    `WITH people AS (
       INSERT INTO participant (first_name, email, preferred_language, contact_channel, consent_to_contact)
       SELECT 'Ouder ' || g, $2 || '-' || g || '@example.org', 'nl', 'EMAIL', true FROM generate_series(1, $3::int) g RETURNING id
     ), seats AS (
       INSERT INTO registration (session_id, participant_id, status) SELECT $1, id, 'CONFIRMED' FROM people RETURNING id, participant_id
     )
     INSERT INTO notification (kind, channel, participant_id, language, registration_id, session_id, offset_minutes, payload, due_at, dedupe_key)
     SELECT 'SESSION_REMINDER', 'EMAIL', participant_id, 'nl', id, $1, 1440, jsonb_build_object('startsAt', to_char($4::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
            now() - interval '1 minute', 'SESSION_REMINDER|' || id || '|1440' FROM seats
     RETURNING dedupe_key`,
    [session.id, round, count, session.starts_at],
  );
  return rows.map((row: { dedupe_key: string }) => row.dedupe_key);
}

/**
 * `count` confirmed participants of a session two days ahead, each with the answer to an SMS reply
 * ("help": their personal link) due now, by text message; returns the dedupe keys, which are the
 * gateway references. These answers ignore quiet hours, so the test means the same at 03:00.
 */
export async function seedDueTextMessages(db: Client, round: string, count: number): Promise<string[]> {
  const session = await seedSessionTwoDaysAhead(db, round);
  const { rows } = await db.query(
    `WITH people AS (
       INSERT INTO participant (first_name, phone, preferred_language, contact_channel, consent_to_contact)
       SELECT 'Ouder ' || g, '+3247' || lpad(g::text, 7, '0'), 'nl', 'SMS', true FROM generate_series(1, $2::int) g RETURNING id
     ), seats AS (
       INSERT INTO registration (session_id, participant_id, status) SELECT $1, id, 'CONFIRMED' FROM people RETURNING id, participant_id
     )
     INSERT INTO notification (kind, channel, participant_id, language, registration_id, session_id, payload, due_at, dedupe_key)
     SELECT 'SMS_REPLY_HELP', 'SMS', participant_id, 'nl', id, $1, '{}'::jsonb, now() - interval '1 minute', 'SMS_REPLY_HELP|' || id FROM seats
     RETURNING dedupe_key`,
    [session.id, count],
  );
  return rows.map((row: { dedupe_key: string }) => row.dedupe_key);
}
