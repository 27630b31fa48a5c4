import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tables holding personal data, and the column naming whose data a row is: every INSERT, UPDATE or
 * DELETE of one of their rows writes a CHANGE to audit_log_entry in the same transaction (written by
 * hand below; TypeORM does not know triggers). Written as a list so that `down` drops exactly these.
 */
const AUDITED: { table: string; subjectKind: 'PARTICIPANT' | 'USER' | 'TRAJECTORY'; subjectColumn: string }[] = [
  { table: 'participant', subjectKind: 'PARTICIPANT', subjectColumn: 'id' },
  { table: 'registration', subjectKind: 'PARTICIPANT', subjectColumn: 'participant_id' },
  { table: 'trajectory', subjectKind: 'TRAJECTORY', subjectColumn: 'id' },
  { table: 'trajectory_status_change', subjectKind: 'TRAJECTORY', subjectColumn: 'trajectory_id' },
  { table: 'trajectory_follow_up', subjectKind: 'TRAJECTORY', subjectColumn: 'trajectory_id' },
  { table: 'volunteer_profile', subjectKind: 'USER', subjectColumn: 'user_id' },
  { table: 'volunteer_absence', subjectKind: 'USER', subjectColumn: 'user_id' },
];

/** The personal columns of app_user: a login (the lockout) or a token revocation is no change of personal data. */
const USER_PERSONAL_COLUMNS = ['email', 'display_name', 'preferred_language', 'roles', 'active', 'organisation_id', 'erased_at'];

export class Privacy1795452254589 implements MigrationInterface {
  name = 'Privacy1795452254589';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."audit_action" AS ENUM('READ', 'CHANGE', 'EXPORT', 'ERASE')`);
    await queryRunner.query(`CREATE TYPE "public"."audit_subject_kind" AS ENUM('PARTICIPANT', 'USER', 'TRAJECTORY')`);
    await queryRunner.query(
      `CREATE TABLE "audit_log_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "actor_user_id" uuid, "action" "public"."audit_action" NOT NULL, "subject_kind" "public"."audit_subject_kind" NOT NULL, "subject_id" uuid NOT NULL, "operation" character varying(100) NOT NULL, "request_id" character varying(64), "reason" character varying(500), "transaction_id" bigint, CONSTRAINT "PK_905deda75b16075725a02ef38a0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "audit_log_entry_one_change_per_transaction" ON "audit_log_entry"  ("transaction_id", "subject_kind", "subject_id") WHERE "action" = 'CHANGE'`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_90427aac71a7d68bb5294a8e74" ON "audit_log_entry"  ("actor_user_id", "at") `);
    await queryRunner.query(`CREATE INDEX "IDX_ce80381ac2091f1d19880eaee9" ON "audit_log_entry"  ("subject_id", "at") `);
    await queryRunner.query(`CREATE INDEX "IDX_692b954bf30d106cd1ed7d7394" ON "audit_log_entry"  ("at", "id") `);
    await queryRunner.query(`ALTER TABLE "app_user" ADD "erased_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD "erased_by_id" uuid`);
    await queryRunner.query(`ALTER TABLE "participant" ADD "erased_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "participant" ADD "erased_by_id" uuid`);

    // Who and through which operation come from transaction-local settings that libs/privacy's
    // AuditScopeSubscriber sets before the first write of a request or job; without them (psql,
    // a migration) the change is still recorded, with no actor and the operation 'unattributed'.
    await queryRunner.query(`
      CREATE FUNCTION audit_personal_data_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        changed jsonb;
      BEGIN
        IF TG_OP = 'DELETE' THEN changed := to_jsonb(OLD); ELSE changed := to_jsonb(NEW); END IF;
        INSERT INTO audit_log_entry (actor_user_id, action, subject_kind, subject_id, operation, request_id, transaction_id)
        VALUES (nullif(current_setting('oefenkansen.actor_user_id', true), '')::uuid, 'CHANGE', TG_ARGV[0]::audit_subject_kind, (changed ->> TG_ARGV[1])::uuid,
                coalesce(nullif(current_setting('oefenkansen.operation', true), ''), 'unattributed'), nullif(current_setting('oefenkansen.request_id', true), ''),
                pg_current_xact_id()::text::bigint)
        ON CONFLICT (transaction_id, subject_kind, subject_id) WHERE action = 'CHANGE' DO NOTHING;
        RETURN NULL;
      END $$`);
    for (const { table, subjectKind, subjectColumn } of AUDITED) {
      await queryRunner.query(
        `CREATE TRIGGER "${table}_audit" AFTER INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION audit_personal_data_change('${subjectKind}', '${subjectColumn}')`,
      );
    }
    await queryRunner.query(
      `CREATE TRIGGER "app_user_audit" AFTER INSERT OR DELETE ON "app_user" FOR EACH ROW EXECUTE FUNCTION audit_personal_data_change('USER', 'id')`,
    );
    const personal = (row: 'OLD' | 'NEW') => USER_PERSONAL_COLUMNS.map((column) => `${row}."${column}"`).join(', ');
    await queryRunner.query(
      `CREATE TRIGGER "app_user_audit_update" AFTER UPDATE ON "app_user" FOR EACH ROW WHEN ((${personal('OLD')}) IS DISTINCT FROM (${personal('NEW')})) EXECUTE FUNCTION audit_personal_data_change('USER', 'id')`,
    );

    // The log is evidence: nothing rewrites or removes an entry.
    await queryRunner.query(`
      CREATE FUNCTION audit_log_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log_entry is append-only: % is not allowed', TG_OP;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "audit_log_entry_append_only" BEFORE UPDATE OR DELETE ON "audit_log_entry" FOR EACH ROW EXECUTE FUNCTION audit_log_entry_append_only()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "audit_log_entry_append_only" ON "audit_log_entry"`);
    await queryRunner.query(`DROP FUNCTION audit_log_entry_append_only()`);
    await queryRunner.query(`DROP TRIGGER "app_user_audit_update" ON "app_user"`);
    await queryRunner.query(`DROP TRIGGER "app_user_audit" ON "app_user"`);
    for (const { table } of AUDITED) await queryRunner.query(`DROP TRIGGER "${table}_audit" ON "${table}"`);
    await queryRunner.query(`DROP FUNCTION audit_personal_data_change()`);
    await queryRunner.query(`ALTER TABLE "participant" DROP COLUMN "erased_by_id"`);
    await queryRunner.query(`ALTER TABLE "participant" DROP COLUMN "erased_at"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "erased_by_id"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "erased_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_692b954bf30d106cd1ed7d7394"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ce80381ac2091f1d19880eaee9"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_90427aac71a7d68bb5294a8e74"`);
    await queryRunner.query(`DROP INDEX "public"."audit_log_entry_one_change_per_transaction"`);
    await queryRunner.query(`DROP TABLE "audit_log_entry"`);
    await queryRunner.query(`DROP TYPE "public"."audit_subject_kind"`);
    await queryRunner.query(`DROP TYPE "public"."audit_action"`);
  }
}
