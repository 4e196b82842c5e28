import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasPermission } from '@lianzhang/domain';
import {
  ACCESS_REQUIREMENT,
  AuditService,
  currentRequestContext,
  DomainError,
  USER_KEY,
  type AccessRequirement,
} from '@lianzhang/server/core';
import type { Request } from 'express';
import { AuthService } from './auth.service';

/**
 * The one global guard: deny by default. A route must declare `@Public()` or
 * `@Authenticated(permission)`; anything else is refused. Which rows a permitted user
 * may touch is then the service's business, from the user's scope in the database.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const requirement = this.reflector.getAllAndOverride<AccessRequirement | undefined>(
      ACCESS_REQUIREMENT,
      [context.getHandler(), context.getClass()],
    );
    const request = context.switchToHttp().getRequest<Request & Record<string, unknown>>();
    if (!requirement) {
      this.logger.error(
        `route ${request.method} ${request.path} declares no access requirement: refused`,
      );
      throw new DomainError('FORBIDDEN');
    }
    if ('public' in requirement) return true;
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token) throw new DomainError('UNAUTHENTICATED');
    const user = await this.auth.authenticate(token);
    request[USER_KEY] = user;
    const requestContext = currentRequestContext();
    if (requestContext) requestContext.user = user;
    if (!hasPermission(user.role, requirement.permission)) {
      await this.audit.record({
        action: 'access.denied',
        subjectType: 'route',
        subjectId: `${request.method} ${(request.route as { path?: string } | undefined)?.path ?? request.path}`,
        after: { permission: requirement.permission },
      });
      throw new DomainError('FORBIDDEN');
    }
    return true;
  }
}
