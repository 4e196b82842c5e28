import { Controller, Get, Global, Module, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  auditListQuerySchema,
  type AuditEntryDto,
  type AuditListQuery,
  type Page,
} from '@lianzhang/contracts';
import { DataSource } from 'typeorm';
import { Authenticated } from '../auth/auth.decorators';
import { ZodValidationPipe } from '../errors/zod-validation.pipe';
import { SqlFilter } from '../database/sql-filter';
import { AuditService } from './audit.service';

@Global()
@Module({ providers: [AuditService], exports: [AuditService] })
export class AuditModule {}

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Authenticated('audit:read')
  @Get()
  @ApiOperation({
    summary: 'The audit log, newest first, filtered by actor, action, subject and time',
  })
  async list(
    @Query(new ZodValidationPipe(auditListQuerySchema)) query: AuditListQuery,
  ): Promise<Page<AuditEntryDto>> {
    const filter = new SqlFilter();
    if (query.actorId) filter.add('actor_id = ?', query.actorId);
    if (query.action) filter.add('action = ?', query.action);
    if (query.subjectType) filter.add('subject_type = ?', query.subjectType);
    if (query.subjectId) filter.add('subject_id = ?', query.subjectId);
    if (query.from) filter.add('occurred_at >= ?::timestamptz', query.from);
    if (query.to) filter.add('occurred_at < ?::timestamptz', query.to);
    const [{ total }] = (await this.dataSource.query(
      `SELECT count(*)::int AS total FROM audit_entry WHERE ${filter.where}`,
      filter.params,
    )) as [{ total: number }];
    const page = filter.page(query);
    const rows = (await this.dataSource.query(
      `SELECT id::text, occurred_at, actor_id, actor_role, action, subject_type, subject_id, before, after, client_address, request_id,
              (SELECT u.display_name FROM app_user u WHERE u.id::text = audit_entry.actor_id::text) AS actor_name
       FROM audit_entry WHERE ${filter.where} ORDER BY audit_entry.id DESC ${page.sql}`,
      page.params,
    )) as Record<string, unknown>[];
    return {
      items: rows.map((r) => ({
        id: r['id'] as string,
        occurredAt: (r['occurred_at'] as Date).toISOString(),
        actorId: r['actor_id'] as string | null,
        actorRole: r['actor_role'] as string | null,
        actorName: r['actor_name'] as string | null,
        action: r['action'] as string,
        subjectType: r['subject_type'] as string | null,
        subjectId: r['subject_id'] as string | null,
        before: r['before'],
        after: r['after'],
        clientAddress: r['client_address'] as string | null,
        requestId: r['request_id'] as string | null,
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}

/** The audit query endpoint; imported by apps/api only. */
@Module({ controllers: [AuditController] })
export class AuditHttpModule {}
