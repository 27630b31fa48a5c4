import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1795437000000 implements MigrationInterface {
  name = 'Notifications1795437000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."notification_channel" AS ENUM('EMAIL', 'SMS')`);
    await queryRunner.query(`CREATE TYPE "public"."notification_status" AS ENUM('PENDING', 'SENT', 'FAILED', 'CANCELLED')`);
    await queryRunner.query(
      `CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "kind" character varying(40) NOT NULL, "channel" "public"."notification_channel" NOT NULL, "participant_id" uuid, "user_id" uuid, "language" character varying(10) NOT NULL, "registration_id" uuid, "session_id" uuid, "offset_minutes" integer, "payload" jsonb NOT NULL DEFAULT '{}', "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "dedupe_key" character varying(200) NOT NULL, "status" "public"."notification_status" NOT NULL DEFAULT 'PENDING', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_fac2df0134335b3bdbadd6e244" ON "notification"  ("session_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_39bf58e21eda67c4455e1f9cdf" ON "notification"  ("registration_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_fb3860cf9bafdb6e0f3220f0b8" ON "notification"  ("status", "due_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "notification_dedupe_key" ON "notification"  ("dedupe_key") `);
    await queryRunner.query(`CREATE TYPE "public"."delivery_outcome" AS ENUM('STARTED', 'SUCCEEDED', 'FAILED')`);
    await queryRunner.query(
      `CREATE TABLE "delivery_attempt" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "notification_id" uuid NOT NULL, "attempt" integer NOT NULL, "outcome" "public"."delivery_outcome" NOT NULL DEFAULT 'STARTED', "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE, "error" text, "provider_id" character varying(200), CONSTRAINT "PK_a43b0e18756fc86d042eeef093b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_540cf123ca248f277157c1ebab" ON "delivery_attempt"  ("notification_id", "attempt") `);
    await queryRunner.query(
      `ALTER TABLE "delivery_attempt" ADD CONSTRAINT "FK_af905fbb9aa9dfcd803e563483b" FOREIGN KEY ("notification_id") REFERENCES "notification"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "delivery_attempt" DROP CONSTRAINT "FK_af905fbb9aa9dfcd803e563483b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_540cf123ca248f277157c1ebab"`);
    await queryRunner.query(`DROP TABLE "delivery_attempt"`);
    await queryRunner.query(`DROP TYPE "public"."delivery_outcome"`);
    await queryRunner.query(`DROP INDEX "public"."notification_dedupe_key"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fb3860cf9bafdb6e0f3220f0b8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_39bf58e21eda67c4455e1f9cdf"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fac2df0134335b3bdbadd6e244"`);
    await queryRunner.query(`DROP TABLE "notification"`);
    await queryRunner.query(`DROP TYPE "public"."notification_status"`);
    await queryRunner.query(`DROP TYPE "public"."notification_channel"`);
  }
}
