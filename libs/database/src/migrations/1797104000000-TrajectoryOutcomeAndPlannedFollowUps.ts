import { MigrationInterface, QueryRunner } from 'typeorm';

/** Picnik case work: where a newcomer went on after a closed trajectory, and follow-ups planned with a due date before they are done. */
export class TrajectoryOutcomeAndPlannedFollowUps1797104000000 implements MigrationInterface {
  name = 'TrajectoryOutcomeAndPlannedFollowUps1797104000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."trajectory_outcome" AS ENUM('CONTINUES_AT_REFU_INTERIM', 'ASSOCIATION_MEMBER', 'CITY_PROJECTS', 'OTHER', 'UNKNOWN')`,
    );
    await queryRunner.query(`ALTER TABLE "trajectory" ADD "outcome" "public"."trajectory_outcome"`);
    await queryRunner.query(`ALTER TABLE "trajectory_follow_up" ADD "due_on" date`);
    await queryRunner.query(`ALTER TABLE "trajectory_follow_up" ADD "planned_note" character varying(1000)`);
    await queryRunner.query(`ALTER TABLE "trajectory_follow_up" ALTER COLUMN "recorded_on" DROP NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "trajectory_follow_up" WHERE "recorded_on" IS NULL`);
    await queryRunner.query(`ALTER TABLE "trajectory_follow_up" ALTER COLUMN "recorded_on" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "trajectory_follow_up" DROP COLUMN "planned_note"`);
    await queryRunner.query(`ALTER TABLE "trajectory_follow_up" DROP COLUMN "due_on"`);
    await queryRunner.query(`ALTER TABLE "trajectory" DROP COLUMN "outcome"`);
    await queryRunner.query(`DROP TYPE "public"."trajectory_outcome"`);
  }
}
