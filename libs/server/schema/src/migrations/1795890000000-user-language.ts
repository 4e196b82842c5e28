import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The interface language is remembered per user, not per browser. */
export class UserLanguage1795890000000 implements MigrationInterface {
  name = 'UserLanguage1795890000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" ADD "language" text NOT NULL DEFAULT 'zh-CN'`);
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "ck_app_user_language" CHECK ("language" IN ('zh-CN', 'en'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "ck_app_user_language"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "language"`);
  }
}
