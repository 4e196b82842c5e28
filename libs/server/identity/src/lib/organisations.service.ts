import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  parseSort,
  type CreateOrganisationRequest,
  type OrganisationDto,
  type Page,
  type UpdateOrganisationRequest,
  organisationListQuerySchema,
  VALIDATION_MESSAGES,
} from '@lianzhang/contracts';
import {
  AuditService,
  ConflictError,
  fieldError,
  NotFoundError,
  ValidationFailedError,
  type AuthenticatedUser,
  violatedConstraint,
} from '@lianzhang/server/core';
import { Brackets, Repository } from 'typeorm';
import type { z } from 'zod';
import { OrganisationEntity } from './organisation.entity';

type ListQuery = z.output<typeof organisationListQuerySchema>;

const SORT_COLUMNS = { name: 'o.name', createdAt: 'o.createdAt' } as const;

const DUPLICATE_CREDIT_CODE = {
  'zh-CN': '该统一社会信用代码已登记',
  en: 'This unified social credit code is already registered',
} as const;
const UNKNOWN_REGION = { 'zh-CN': '没有这个行政区划代码', en: 'No region has this code' } as const;

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectRepository(OrganisationEntity)
    private readonly organisations: Repository<OrganisationEntity>,
    private readonly audit: AuditService,
  ) {}

  /** An enterprise user sees their own organisation only; the government side sees all. */
  async list(user: AuthenticatedUser, query: ListQuery): Promise<Page<OrganisationDto>> {
    const sort = parseSort<keyof typeof SORT_COLUMNS>(query.sort);
    const builder = this.organisations.createQueryBuilder('o');
    if (user.role === 'enterprise_user')
      builder.andWhere('o.id = :own', { own: user.organisationId });
    if (query.kind) builder.andWhere('o.kind = :kind', { kind: query.kind });
    if (query.regionCode) builder.andWhere('o.regionCode = :region', { region: query.regionCode });
    if (query.q) {
      const q = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      builder.andWhere(
        new Brackets((w) =>
          w.where('o.name ILIKE :q', { q }).orWhere('o.creditCode ILIKE :q', { q }),
        ),
      );
    }
    const [rows, total] = await builder
      .orderBy(SORT_COLUMNS[sort.field], sort.direction)
      .addOrderBy('o.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: rows.map(toDto), total, page: query.page, pageSize: query.pageSize };
  }

  async get(user: AuthenticatedUser, id: string): Promise<OrganisationDto> {
    if (user.role === 'enterprise_user' && id !== user.organisationId)
      throw new NotFoundError('organisation');
    const row = await this.organisations.findOneBy({ id });
    if (!row) throw new NotFoundError('organisation');
    return toDto(row);
  }

  async create(request: CreateOrganisationRequest): Promise<OrganisationDto> {
    try {
      return await this.organisations.manager.transaction(async (manager) => {
        const repository = manager.getRepository(OrganisationEntity);
        const row = await repository.save(
          repository.create({
            name: request.name,
            kind: request.kind,
            creditCode: request.creditCode ?? null,
            regionCode: request.regionCode,
          }),
        );
        const dto = toDto(row);
        await this.audit.record(
          {
            action: 'organisation.create',
            subjectType: 'organisation',
            subjectId: row.id,
            after: dto,
          },
          manager,
        );
        return dto;
      });
    } catch (error) {
      throw translateWriteError(error);
    }
  }

  /**
   * Optimistic concurrency: the update names the version it read; a stale one changes
   * nothing (409). The row is locked for the check, so two racing updates cannot both win.
   */
  async update(id: string, request: UpdateOrganisationRequest): Promise<OrganisationDto> {
    const { version, ...changes } = request;
    try {
      return await this.organisations.manager.transaction(async (manager) => {
        const repository = manager.getRepository(OrganisationEntity);
        const before = await repository.findOne({
          where: { id },
          lock: { mode: 'pessimistic_write' },
        });
        if (!before) throw new NotFoundError('organisation');
        if (before.version !== version) throw new ConflictError();
        await repository.update({ id }, { ...changes, version: before.version + 1 });
        const after = toDto(await repository.findOneByOrFail({ id }));
        await this.audit.record(
          {
            action: 'organisation.update',
            subjectType: 'organisation',
            subjectId: id,
            before: toDto(before),
            after,
          },
          manager,
        );
        return after;
      });
    } catch (error) {
      throw translateWriteError(error);
    }
  }
}

function toDto(row: OrganisationEntity): OrganisationDto {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    creditCode: row.creditCode,
    regionCode: row.regionCode,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Constraint violations become field errors; anything else stays what it was. */
function translateWriteError(error: unknown): unknown {
  const constraint = violatedConstraint(error);
  if (constraint === 'uq_organisation_credit_code')
    return new ConflictError([fieldError('creditCode', DUPLICATE_CREDIT_CODE)]);
  if (constraint === 'fk_organisation_region')
    return new ValidationFailedError([fieldError('regionCode', UNKNOWN_REGION)]);
  if (constraint === 'ck_organisation_enterprise_credit_code') {
    return new ValidationFailedError([
      fieldError('creditCode', VALIDATION_MESSAGES['creditCode.required']),
    ]);
  }
  return error;
}
