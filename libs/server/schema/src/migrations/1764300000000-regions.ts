import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Regions1764300000000 implements MigrationInterface {
  name = 'Regions1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "region" (
        "code" char(6) NOT NULL,
        "name_zh" text NOT NULL,
        "name_en" text NOT NULL,
        "level" text NOT NULL,
        "parent_code" char(6),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_region" PRIMARY KEY ("code"),
        CONSTRAINT "ck_region_code" CHECK ("code" ~ '^[0-9]{6}$'),
        CONSTRAINT "ck_region_level" CHECK ("level" IN ('province', 'city', 'county')),
        CONSTRAINT "fk_region_parent" FOREIGN KEY ("parent_code") REFERENCES "region" ("code")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_region_parent_code" ON "region" ("parent_code")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "region"`);
  }
}
