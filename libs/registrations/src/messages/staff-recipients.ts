import { EntityManager } from 'typeorm';

/** Every active coordinator. */
export async function coordinators(manager: EntityManager): Promise<string[]> {
  const rows = await manager.query<{ id: string }[]>(`SELECT id FROM app_user WHERE active AND 'COORDINATOR' = ANY(roles::text[]) ORDER BY id`);
  return rows.map((row) => row.id);
}

/** Hosts of the session and every active coordinator: who hears that a table is full or empty. */
export async function sessionStaff(manager: EntityManager, sessionId: string): Promise<string[]> {
  const rows = await manager.query<{ id: string }[]>(
    `SELECT user_id AS id FROM session_host WHERE session_id = $1
     UNION SELECT id FROM app_user WHERE active AND 'COORDINATOR' = ANY(roles::text[])`,
    [sessionId],
  );
  return rows.map((row) => row.id);
}

export async function insertStaffNotification(manager: EntityManager, row: { kind: string; userId: string; sessionId: string | null; dueAt: Date; dedupeKey: string; payload?: object }): Promise<void> {
  await manager.query(
    `INSERT INTO notification (kind, channel, user_id, language, session_id, payload, due_at, dedupe_key)
     VALUES ($1, 'EMAIL', $2, (SELECT preferred_language FROM app_user WHERE id = $2), $3, $4, $5, $6) ON CONFLICT (dedupe_key) DO NOTHING`,
    [row.kind, row.userId, row.sessionId, JSON.stringify(row.payload ?? {}), row.dueAt, row.dedupeKey],
  );
}
