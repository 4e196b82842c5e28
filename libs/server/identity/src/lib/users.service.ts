import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  parseSort,
  type CreateUserRequest,
  type Page,
  type UpdateUserRequest,
  type UserDto,
  type UserListQuery,
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
import { Brackets, Repository, type EntityManager } from 'typeorm';
import { PasswordHasher } from './password-hasher';
import { UserEntity } from './user.entity';

const TAKEN = { 'zh-CN': '该用户名已被使用', en: 'This user name is taken' } as const;
const NO_ORGANISATION = { 'zh-CN': '没有这个单位', en: 'No such organisation' } as const;
const WRONG_PASSWORD = { 'zh-CN': '当前密码不正确', en: 'The current password is wrong' } as const;
const CITY_REQUIRED = {
  'zh-CN': '市级协调员须指定所辖城市',
  en: 'A city coordinator needs a city',
} as const;

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly passwords: PasswordHasher,
    private readonly audit: AuditService,
  ) {}

  /** Users a page at a time, filtered by role, state, organisation or text, with their organisation's name. */
  async list(query: UserListQuery): Promise<Page<UserDto>> {
    const sort = parseSort<'username' | 'displayName'>(query.sort);
    const builder = this.users.createQueryBuilder('u').innerJoinAndSelect('u.organisation', 'o');
    if (query.role) builder.andWhere('u.role = :role', { role: query.role });
    if (query.active) builder.andWhere('u.active = :active', { active: query.active === 'true' });
    if (query.organisationId)
      builder.andWhere('u.organisationId = :organisationId', {
        organisationId: query.organisationId,
      });
    if (query.q) {
      const q = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      builder.andWhere(
        new Brackets((w) =>
          w
            .where('u.username ILIKE :q', { q })
            .orWhere('u.displayName ILIKE :q', { q })
            .orWhere('o.name ILIKE :q', { q }),
        ),
      );
    }
    const [rows, total] = await builder
      .orderBy(sort.field === 'username' ? 'u.username' : 'u.displayName', sort.direction)
      .addOrderBy('u.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return {
      items: rows.map((row) => toDto(row, row.organisation?.name ?? '')),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async create(request: CreateUserRequest): Promise<UserDto> {
    if (request.role === 'city_coordinator' && !request.regionCode) {
      throw new ValidationFailedError([fieldError('regionCode', CITY_REQUIRED)]);
    }
    const passwordHash = await this.passwords.hash(request.password);
    try {
      return await this.users.manager.transaction(async (manager) => {
        const repository = manager.getRepository(UserEntity);
        const row = await repository.save(
          repository.create({
            username: request.username,
            displayName: request.displayName,
            role: request.role,
            organisationId: request.organisationId,
            regionCode: request.regionCode ?? null,
            passwordHash,
          }),
        );
        const dto = toDto(row, await organisationName(manager, row.organisationId));
        await this.audit.record(
          { action: 'user.create', subjectType: 'user', subjectId: row.id, after: dto },
          manager,
        );
        return dto;
      });
    } catch (error) {
      const constraint = violatedConstraint(error);
      if (constraint === 'uq_app_user_username')
        throw new ConflictError([fieldError('username', TAKEN)]);
      if (constraint === 'fk_app_user_organisation') {
        throw new ValidationFailedError([fieldError('organisationId', NO_ORGANISATION)]);
      }
      throw error;
    }
  }

  /** Optimistic concurrency like every update; deactivating or moving a user ends their sessions. */
  async update(id: string, request: UpdateUserRequest): Promise<UserDto> {
    const { version, ...changes } = request;
    try {
      return await this.users.manager.transaction(async (manager) => {
        const repository = manager.getRepository(UserEntity);
        const before = await repository.findOne({
          where: { id },
          lock: { mode: 'pessimistic_write' },
        });
        if (!before) throw new NotFoundError('user');
        if (before.version !== version) throw new ConflictError();
        const role = changes.role ?? before.role;
        const regionCode =
          changes.regionCode === undefined ? before.regionCode : changes.regionCode;
        if (role === 'city_coordinator' && !regionCode)
          throw new ValidationFailedError([fieldError('regionCode', CITY_REQUIRED)]);
        await repository.update({ id }, { ...changes, version: version + 1 });
        const ends =
          changes.active === false ||
          (changes.role && changes.role !== before.role) ||
          (changes.organisationId && changes.organisationId !== before.organisationId);
        if (ends) {
          await manager.query(
            `UPDATE auth_session SET revoked_at = now(), revoke_reason = 'account_changed' WHERE user_id = $1 AND revoked_at IS NULL`,
            [id],
          );
        }
        const updated = await repository.findOneByOrFail({ id });
        const after = toDto(updated, await organisationName(manager, updated.organisationId));
        await this.audit.record(
          {
            action: 'user.update',
            subjectType: 'user',
            subjectId: id,
            before: toDto(before, await organisationName(manager, before.organisationId)),
            after,
          },
          manager,
        );
        return after;
      });
    } catch (error) {
      if (violatedConstraint(error) === 'fk_app_user_organisation') {
        throw new ValidationFailedError([fieldError('organisationId', NO_ORGANISATION)]);
      }
      throw error;
    }
  }

  /** The province resets a password; every session of the user ends. */
  async resetPassword(id: string, password: string): Promise<void> {
    const hash = await this.passwords.hash(password);
    await this.users.manager.transaction(async (manager) => {
      const [, updated] = (await manager.query(
        `UPDATE app_user SET password_hash = $2, updated_at = now() WHERE id = $1`,
        [id, hash],
      )) as [unknown, number];
      if (!updated) throw new NotFoundError('user');
      await manager.query(
        `UPDATE auth_session SET revoked_at = now(), revoke_reason = 'password_reset' WHERE user_id = $1 AND revoked_at IS NULL`,
        [id],
      );
      await this.audit.record(
        { action: 'user.password_reset', subjectType: 'user', subjectId: id },
        manager,
      );
    });
  }

  /** The interface language a user chose; the next sign-in, on any device, starts in it. */
  async setLanguage(userId: string, language: 'zh-CN' | 'en'): Promise<void> {
    await this.users.update({ id: userId }, { language });
  }

  /** A user changes their own password with the current one; their other sessions end. */
  async changeOwnPassword(
    user: AuthenticatedUser,
    currentPassword: string,
    newPassword: string,
  ): Promise<void> {
    const row = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: user.id })
      .getOne();
    if (!row || !(await this.passwords.verify(row.passwordHash, currentPassword))) {
      throw new ValidationFailedError([fieldError('currentPassword', WRONG_PASSWORD)]);
    }
    const hash = await this.passwords.hash(newPassword);
    await this.users.manager.transaction(async (manager) => {
      await manager.query(
        `UPDATE app_user SET password_hash = $2, updated_at = now() WHERE id = $1`,
        [user.id, hash],
      );
      await manager.query(
        `UPDATE auth_session SET revoked_at = now(), revoke_reason = 'password_changed' WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL`,
        [user.id, user.sessionId],
      );
      await this.audit.record(
        { action: 'user.password_change', subjectType: 'user', subjectId: user.id },
        manager,
      );
    });
  }
}

async function organisationName(manager: EntityManager, id: string): Promise<string> {
  const [row] = (await manager.query(`SELECT name FROM organisation WHERE id = $1`, [id])) as {
    name: string;
  }[];
  return row?.name ?? '';
}

function toDto(row: UserEntity, organisation: string): UserDto {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    organisationId: row.organisationId,
    organisationName: organisation,
    regionCode: row.regionCode,
    active: row.active,
    version: row.version,
  };
}
