import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Newcomers registering themselves wait here for their SMS code. No audit trigger: a row is no
 * participant yet (the participant row it turns into is audited), and it lives for minutes.
 */
export class RegistrationCodeRequests1795457313317 implements MigrationInterface {
  name = 'RegistrationCodeRequests1795457313317';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."registration_code_status" AS ENUM('PENDING', 'USED', 'DEAD')`);
    await queryRunner.query(
      `CREATE TABLE "registration_code_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "session_id" uuid NOT NULL, "first_name" character varying(100) NOT NULL, "phone" character varying(20) NOT NULL, "preferred_language" character varying(10) NOT NULL, "code_hash" character varying(200) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "failed_attempts" integer NOT NULL DEFAULT '0', "status" "public"."registration_code_status" NOT NULL DEFAULT 'PENDING', "registration_id" uuid, CONSTRAINT "PK_31ee410e92411effe7adff9023b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_c7c8a1d8c2a8efc6c644f097fe" ON "registration_code_request"  ("session_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "registration_code_request_one_pending" ON "registration_code_request"  ("phone", "session_id") WHERE "status" = 'PENDING'`,
    );
    await queryRunner.query(
      `ALTER TABLE "registration_code_request" ADD CONSTRAINT "FK_c7c8a1d8c2a8efc6c644f097fec" FOREIGN KEY ("session_id") REFERENCES "session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "registration_code_request" DROP CONSTRAINT "FK_c7c8a1d8c2a8efc6c644f097fec"`);
    await queryRunner.query(`DROP INDEX "public"."registration_code_request_one_pending"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c7c8a1d8c2a8efc6c644f097fe"`);
    await queryRunner.query(`DROP TABLE "registration_code_request"`);
    await queryRunner.query(`DROP TYPE "public"."registration_code_status"`);
  }
}
