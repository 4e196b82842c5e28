import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Permission, Role } from '@lianzhang/domain';

/** The user a request acts for, read from a valid access token and its live session. */
export interface AuthenticatedUser {
  readonly id: string;
  readonly sessionId: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly organisationId: string;
  /** The city a city coordinator coordinates; null for every other role. */
  readonly regionCode: string | null;
}

export type AccessRequirement = { readonly public: true } | { readonly permission: Permission };

export const ACCESS_REQUIREMENT = 'lz:access';

/**
 * Deny by default: the global guard refuses any route that declares neither
 * {@link Public} nor {@link Authenticated}, and a test lists every route with what it declares.
 */
export const Public = (): MethodDecorator & ClassDecorator =>
  SetMetadata<string, AccessRequirement>(ACCESS_REQUIREMENT, { public: true });

/** A signed-in user whose role grants `permission`; rows are then scoped by the service. */
export const Authenticated = (permission: Permission): MethodDecorator & ClassDecorator =>
  SetMetadata<string, AccessRequirement>(ACCESS_REQUIREMENT, { permission });

export const USER_KEY = 'lzUser';

/** The {@link AuthenticatedUser} of the request (set by the guard). */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser => {
    const request = context.switchToHttp().getRequest<Record<string, unknown>>();
    const user = request[USER_KEY] as AuthenticatedUser | undefined;
    if (!user) {
      throw new Error('CurrentUser used on a route without @Authenticated');
    }
    return user;
  },
);
