import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PlanCatalogue1795875589227 implements MigrationInterface {
  name = 'PlanCatalogue1795875589227';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "chain_city_layout" ("chain_id" uuid NOT NULL, "region_code" character(6) NOT NULL, "focus" text NOT NULL, "section" text NOT NULL, CONSTRAINT "pk_chain_city_layout" PRIMARY KEY ("chain_id", "region_code"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_chain_city_layout_region_code" ON "chain_city_layout"  ("region_code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "plan_indicator" ("code" text NOT NULL, "name_zh" text NOT NULL, "name_en" text NOT NULL, "unit" text NOT NULL, "base2020" numeric(16,4), "target2025" numeric(16,4), "nature" text, "category" text, "section" text NOT NULL, "note" text, "sort_order" integer NOT NULL DEFAULT '0', CONSTRAINT "ck_plan_indicator_nature" CHECK ("nature" IS NULL OR "nature" IN ('expected', 'binding')), CONSTRAINT "pk_plan_indicator" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "chain_city_layout" ADD CONSTRAINT "fk_chain_city_layout_chain" FOREIGN KEY ("chain_id") REFERENCES "chain"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "chain_city_layout" ADD CONSTRAINT "fk_chain_city_layout_region" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "chain_city_layout" DROP CONSTRAINT "fk_chain_city_layout_region"`,
    );
    await queryRunner.query(
      `ALTER TABLE "chain_city_layout" DROP CONSTRAINT "fk_chain_city_layout_chain"`,
    );
    await queryRunner.query(`DROP TABLE "plan_indicator"`);
    await queryRunner.query(`DROP INDEX "public"."ix_chain_city_layout_region_code"`);
    await queryRunner.query(`DROP TABLE "chain_city_layout"`);
  }
}
