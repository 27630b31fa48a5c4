import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a calendar needs to update an entry it already holds (RFC 5545 §3.8.7.4): a SEQUENCE
 * that only grows and the time of the change (LAST-MODIFIED), per session, shift assignment and stand
 * booking. A trigger keeps them, so every path that moves or cancels (one session, a series, a closure
 * day, a shift following its session) bumps them in its own transaction, and no application write
 * can lower them.
 */
const REVISED: { table: string; columns: string[] }[] = [
  { table: 'session', columns: ['starts_at', 'ends_at', 'status', 'venue_id'] },
  { table: 'shift_assignment', columns: ['starts_at', 'ends_at', 'status'] },
  { table: 'stand_booking', columns: ['plot_id', 'starts_at', 'ends_at', 'status'] },
];

export class CalendarRevisions1796599042173 implements MigrationInterface {
  name = 'CalendarRevisions1796599042173';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const { table, columns } of REVISED) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD "calendar_sequence" integer NOT NULL DEFAULT 0`);
      await queryRunner.query(`ALTER TABLE "${table}" ADD "calendar_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
      await queryRunner.query(`UPDATE "${table}" SET "calendar_changed_at" = "created_at"`);
      const row = (alias: string) => columns.map((column) => `${alias}."${column}"::text`).join(', ');
      await queryRunner.query(
        `CREATE FUNCTION "${table}_calendar_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           IF ROW(${row('NEW')}) IS DISTINCT FROM ROW(${row('OLD')}) THEN
             NEW.calendar_sequence := OLD.calendar_sequence + 1;
             NEW.calendar_changed_at := now();
           ELSE
             NEW.calendar_sequence := OLD.calendar_sequence;
             NEW.calendar_changed_at := OLD.calendar_changed_at;
           END IF;
           RETURN NEW;
         END $$`,
      );
      await queryRunner.query(
        `CREATE TRIGGER "${table}_calendar_revision" BEFORE UPDATE ON "${table}" FOR EACH ROW EXECUTE FUNCTION "${table}_calendar_revision"()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table } of [...REVISED].reverse()) {
      await queryRunner.query(`DROP TRIGGER "${table}_calendar_revision" ON "${table}"`);
      await queryRunner.query(`DROP FUNCTION "${table}_calendar_revision"()`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "calendar_changed_at"`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "calendar_sequence"`);
    }
  }
}
