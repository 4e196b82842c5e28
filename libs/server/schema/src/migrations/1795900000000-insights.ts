import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 6, insights: daily chain-health snapshots (one row per chain and Shanghai day,
 * written once), and the yearly actuals the province enters for the plan's main
 * indicators and for each chain's 2025 target, each with its source.
 */
export class Insights1795900000000 implements MigrationInterface {
  name = 'Insights1795900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "chain_health_snapshot" ("chain_id" uuid NOT NULL, "day" date NOT NULL, "score" numeric(5,1), "grade" text, "components" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_chain_health_snapshot_score" CHECK ("score" IS NULL OR "score" BETWEEN 0 AND 100), CONSTRAINT "ck_chain_health_snapshot_grade" CHECK ("grade" IS NULL OR "grade" IN ('green', 'yellow', 'red')), CONSTRAINT "pk_chain_health_snapshot" PRIMARY KEY ("chain_id", "day"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_chain_health_snapshot_day" ON "chain_health_snapshot" ("day") `,
    );
    await queryRunner.query(
      `CREATE TABLE "plan_indicator_actual" ("indicator_code" text NOT NULL, "year" integer NOT NULL, "value" numeric(16,4) NOT NULL, "source" text NOT NULL, "entered_by_user_id" uuid NOT NULL, "entered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_plan_indicator_actual_year" CHECK ("year" BETWEEN 2021 AND 2030), CONSTRAINT "pk_plan_indicator_actual" PRIMARY KEY ("indicator_code", "year"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "chain_output_actual" ("chain_id" uuid NOT NULL, "year" integer NOT NULL, "value" numeric(16,4) NOT NULL, "unit" text NOT NULL, "source" text NOT NULL, "entered_by_user_id" uuid NOT NULL, "entered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_chain_output_actual_year" CHECK ("year" BETWEEN 2021 AND 2030), CONSTRAINT "pk_chain_output_actual" PRIMARY KEY ("chain_id", "year"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "chain_health_snapshot" ADD CONSTRAINT "fk_chain_health_snapshot_chain" FOREIGN KEY ("chain_id") REFERENCES "chain"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "plan_indicator_actual" ADD CONSTRAINT "fk_plan_indicator_actual_indicator" FOREIGN KEY ("indicator_code") REFERENCES "plan_indicator"("code") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "plan_indicator_actual" ADD CONSTRAINT "fk_plan_indicator_actual_entered_by_user" FOREIGN KEY ("entered_by_user_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "chain_output_actual" ADD CONSTRAINT "fk_chain_output_actual_chain" FOREIGN KEY ("chain_id") REFERENCES "chain"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "chain_output_actual" ADD CONSTRAINT "fk_chain_output_actual_entered_by_user" FOREIGN KEY ("entered_by_user_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "chain_output_actual" DROP CONSTRAINT "fk_chain_output_actual_entered_by_user"`,
    );
    await queryRunner.query(
      `ALTER TABLE "chain_output_actual" DROP CONSTRAINT "fk_chain_output_actual_chain"`,
    );
    await queryRunner.query(
      `ALTER TABLE "plan_indicator_actual" DROP CONSTRAINT "fk_plan_indicator_actual_entered_by_user"`,
    );
    await queryRunner.query(
      `ALTER TABLE "plan_indicator_actual" DROP CONSTRAINT "fk_plan_indicator_actual_indicator"`,
    );
    await queryRunner.query(
      `ALTER TABLE "chain_health_snapshot" DROP CONSTRAINT "fk_chain_health_snapshot_chain"`,
    );
    await queryRunner.query(`DROP TABLE "chain_output_actual"`);
    await queryRunner.query(`DROP TABLE "plan_indicator_actual"`);
    await queryRunner.query(`DROP INDEX "public"."ix_chain_health_snapshot_day"`);
    await queryRunner.query(`DROP TABLE "chain_health_snapshot"`);
  }
}
