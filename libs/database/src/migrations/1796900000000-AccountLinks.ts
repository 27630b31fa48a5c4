import { MigrationInterface, QueryRunner } from 'typeorm';

/** One-time links to set a password (invitations, forgotten passwords), kept only as a hash. */
export class AccountLinks1796900000000 implements MigrationInterface {
  name = 'AccountLinks1796900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."account_link_purpose" AS ENUM('INVITATION', 'PASSWORD_RESET')`);
    await queryRunner.query(
      `CREATE TABLE "account_link" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "purpose" "public"."account_link_purpose" NOT NULL, "token_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_1af91112f0eef7205c6b0abcbfa" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_c733122ab222996a0d6cb19cc2" ON "account_link" ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_acb00bd0ff19fe4435b501ad86" ON "account_link" ("token_hash") `);
    await queryRunner.query(
      `ALTER TABLE "account_link" ADD CONSTRAINT "FK_c733122ab222996a0d6cb19cc2e" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "account_link"`);
    await queryRunner.query(`DROP TYPE "public"."account_link_purpose"`);
  }
}
