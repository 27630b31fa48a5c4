import { MigrationInterface, QueryRunner } from 'typeorm';

export class SessionAlerts1795438000000 implements MigrationInterface {
  name = 'SessionAlerts1795438000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "session_alert" ("session_id" uuid NOT NULL, "condition" character varying(40) NOT NULL, "active" boolean NOT NULL DEFAULT false, "episodes" integer NOT NULL DEFAULT 0, CONSTRAINT "PK_session_alert" PRIMARY KEY ("session_id", "condition"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "session_alert"`);
  }
}
