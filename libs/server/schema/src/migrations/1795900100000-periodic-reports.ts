import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Weekly and monthly Excel reports: the report rows (a scheduled one once per scope,
 * chain, kind and period) and their files, kept in PostgreSQL so that every api and
 * worker replica shares them without a shared disk.
 */
export class PeriodicReports1795900100000 implements MigrationInterface {
  name = 'PeriodicReports1795900100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "periodic_report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "scope" text NOT NULL, "chain_id" uuid, "kind" text NOT NULL, "period_start" date NOT NULL, "period_end" date NOT NULL, "trigger" text NOT NULL, "requested_by_user_id" uuid, "status" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "lease_until" TIMESTAMP WITH TIME ZONE, "last_error" text, "file_name" text, "size_bytes" integer, "sha256" text, "duration_ms" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "generated_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_periodic_report_period" CHECK ("period_end" >= "period_start"), CONSTRAINT "ck_periodic_report_status" CHECK ("status" IN ('pending', 'generating', 'ready', 'failed')), CONSTRAINT "ck_periodic_report_trigger" CHECK ("trigger" IN ('schedule', 'on_demand')), CONSTRAINT "ck_periodic_report_kind" CHECK ("kind" IN ('weekly', 'monthly')), CONSTRAINT "ck_periodic_report_scope_chain" CHECK (("scope" = 'province') = ("chain_id" IS NULL)), CONSTRAINT "ck_periodic_report_scope" CHECK ("scope" IN ('province', 'chain')), CONSTRAINT "pk_periodic_report" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_periodic_report_open" ON "periodic_report" ("status", "updated_at") WHERE "status" IN ('pending', 'generating')`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_periodic_report_period_start" ON "periodic_report" ("period_start", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_periodic_report_chain_id" ON "periodic_report" ("chain_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_periodic_report_scheduled_chain" ON "periodic_report" ("chain_id", "kind", "period_start") WHERE "trigger" = 'schedule' AND "chain_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_periodic_report_scheduled_province" ON "periodic_report" ("kind", "period_start") WHERE "trigger" = 'schedule' AND "chain_id" IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "periodic_report_file" ("report_id" uuid NOT NULL, "content" bytea NOT NULL, CONSTRAINT "pk_periodic_report_file" PRIMARY KEY ("report_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "periodic_report" ADD CONSTRAINT "fk_periodic_report_chain" FOREIGN KEY ("chain_id") REFERENCES "chain"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "periodic_report" ADD CONSTRAINT "fk_periodic_report_requested_by_user" FOREIGN KEY ("requested_by_user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "periodic_report_file" ADD CONSTRAINT "fk_periodic_report_file_report" FOREIGN KEY ("report_id") REFERENCES "periodic_report"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "periodic_report_file" DROP CONSTRAINT "fk_periodic_report_file_report"`,
    );
    await queryRunner.query(
      `ALTER TABLE "periodic_report" DROP CONSTRAINT "fk_periodic_report_requested_by_user"`,
    );
    await queryRunner.query(
      `ALTER TABLE "periodic_report" DROP CONSTRAINT "fk_periodic_report_chain"`,
    );
    await queryRunner.query(`DROP TABLE "periodic_report_file"`);
    await queryRunner.query(`DROP INDEX "public"."ux_periodic_report_scheduled_province"`);
    await queryRunner.query(`DROP INDEX "public"."ux_periodic_report_scheduled_chain"`);
    await queryRunner.query(`DROP INDEX "public"."ix_periodic_report_chain_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_periodic_report_period_start"`);
    await queryRunner.query(`DROP INDEX "public"."ix_periodic_report_open"`);
    await queryRunner.query(`DROP TABLE "periodic_report"`);
  }
}
