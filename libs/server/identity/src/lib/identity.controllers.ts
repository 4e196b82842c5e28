import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  createOrganisationSchema,
  createUserSchema,
  organisationListQuerySchema,
  changeOwnPasswordSchema,
  resetPasswordSchema,
  setLanguageSchema,
  userListQuerySchema,
  updateOrganisationSchema,
  updateUserSchema,
  type ChangeOwnPasswordRequest,
  type UpdateUserRequest,
  type CreateOrganisationRequest,
  type CreateUserRequest,
  type OrganisationDto,
  type Page,
  type UpdateOrganisationRequest,
  type SetLanguageRequest,
  type UserDto,
  type UserListQuery,
} from '@lianzhang/contracts';
import {
  Authenticated,
  CurrentUser,
  ZodValidationPipe,
  type AuthenticatedUser,
  uuidParam,
} from '@lianzhang/server/core';
import type { z } from 'zod';
import { OrganisationsService } from './organisations.service';
import { UsersService } from './users.service';

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Authenticated('organisation:read')
  @Get()
  @ApiOperation({ summary: 'Organisations (an enterprise user sees only their own)' })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query(new ZodValidationPipe(organisationListQuerySchema))
    query: z.output<typeof organisationListQuerySchema>,
  ): Promise<Page<OrganisationDto>> {
    return this.organisations.list(user, query);
  }

  @Authenticated('organisation:read')
  @Get(':id')
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) organisationId: string,
  ): Promise<OrganisationDto> {
    return this.organisations.get(user, organisationId);
  }

  @Authenticated('organisation:manage')
  @Post()
  @ApiOperation({ summary: 'Register an organisation; an enterprise needs a valid credit code' })
  create(
    @Body(new ZodValidationPipe(createOrganisationSchema)) body: CreateOrganisationRequest,
  ): Promise<OrganisationDto> {
    return this.organisations.create(body);
  }

  @Authenticated('organisation:manage')
  @Patch(':id')
  @ApiOperation({
    summary: 'Change an organisation; `version` must be the one read (409 otherwise)',
  })
  update(
    @Param('id', uuidParam()) organisationId: string,
    @Body(new ZodValidationPipe(updateOrganisationSchema)) body: UpdateOrganisationRequest,
  ): Promise<OrganisationDto> {
    return this.organisations.update(organisationId, body);
  }
}

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Authenticated('user:read')
  @Get()
  @ApiOperation({ summary: 'Users, a page at a time, by role, state, organisation or text' })
  list(
    @Query(new ZodValidationPipe(userListQuerySchema)) query: UserListQuery,
  ): Promise<Page<UserDto>> {
    return this.users.list(query);
  }

  @Authenticated('user:manage')
  @Patch(':id')
  @ApiOperation({
    summary:
      'Change a user (name, role, organisation, city, active); deactivating ends their sessions',
  })
  update(
    @Param('id', uuidParam()) userId: string,
    @Body(new ZodValidationPipe(updateUserSchema)) body: UpdateUserRequest,
  ): Promise<UserDto> {
    return this.users.update(userId, body);
  }

  @Authenticated('user:manage')
  @Post(':id/password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Reset a user’s password (the policy applies); their sessions end' })
  async resetPassword(
    @Param('id', uuidParam()) userId: string,
    @Body(new ZodValidationPipe(resetPasswordSchema)) body: { password: string },
  ): Promise<void> {
    await this.users.resetPassword(userId, body.password);
  }

  @Authenticated('user:manage')
  @Post()
  @ApiOperation({ summary: 'Create a user; the password must meet the policy' })
  create(@Body(new ZodValidationPipe(createUserSchema)) body: CreateUserRequest): Promise<UserDto> {
    return this.users.create(body);
  }
}

@ApiTags('auth')
@Controller('me')
export class MyPasswordController {
  constructor(private readonly users: UsersService) {}

  @Authenticated('me:read')
  @Post('password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change one’s own password with the current one; other sessions end' })
  async change(
    @CurrentUser() user: AuthenticatedUser,
    @Body(new ZodValidationPipe(changeOwnPasswordSchema)) body: ChangeOwnPasswordRequest,
  ): Promise<void> {
    await this.users.changeOwnPassword(user, body.currentPassword, body.newPassword);
  }

  @Authenticated('me:read')
  @Put('language')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remember the interface language one chose, for every device' })
  async language(
    @CurrentUser() user: AuthenticatedUser,
    @Body(new ZodValidationPipe(setLanguageSchema)) body: SetLanguageRequest,
  ): Promise<void> {
    await this.users.setLanguage(user.id, body.language);
  }
}
