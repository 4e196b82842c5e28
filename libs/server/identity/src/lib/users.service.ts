import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { CreateUserRequest, UserDto } from '@lianzhang/contracts';
import {
  AuditService,
  ConflictError,
  fieldError,
  ValidationFailedError,
} from '@lianzhang/server/core';
import { QueryFailedError, Repository } from 'typeorm';
import { PasswordHasher } from './password-hasher';
import { UserEntity } from './user.entity';

const TAKEN = { 'zh-CN': '该用户名已被使用', en: 'This user name is taken' } as const;
const NO_ORGANISATION = { 'zh-CN': '没有这个单位', en: 'No such organisation' } as const;
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

  async list(): Promise<UserDto[]> {
    return (await this.users.find({ order: { username: 'ASC' } })).map(toDto);
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
        const dto = toDto(row);
        await this.audit.record(
          { action: 'user.create', subjectType: 'user', subjectId: row.id, after: dto },
          manager,
        );
        return dto;
      });
    } catch (error) {
      if (error instanceof QueryFailedError) {
        const constraint = (error.driverError as { constraint?: string }).constraint;
        if (constraint === 'uq_app_user_username')
          throw new ConflictError([fieldError('username', TAKEN)]);
        if (constraint === 'fk_app_user_organisation') {
          throw new ValidationFailedError([fieldError('organisationId', NO_ORGANISATION)]);
        }
      }
      throw error;
    }
  }
}

function toDto(row: UserEntity): UserDto {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    organisationId: row.organisationId,
    regionCode: row.regionCode,
    active: row.active,
    version: row.version,
  };
}
