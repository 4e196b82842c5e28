import { RequestMethod } from '@nestjs/common';
import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import type { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ACCESS_REQUIREMENT, type AccessRequirement } from './auth.decorators';

export interface RouteEntry {
  readonly method: string;
  readonly path: string;
  /** `public`, a permission, or `UNDECLARED` (which the guard refuses). */
  readonly access: string;
}

/**
 * Every HTTP route of the app with the access it declares. A test snapshots it: a
 * change there changes who can reach an endpoint, and must be read as such.
 */
export function routeCatalogue(
  discovery: DiscoveryService,
  scanner: MetadataScanner,
  reflector: Reflector,
  prefix: string,
): RouteEntry[] {
  const routes: RouteEntry[] = [];
  for (const wrapper of discovery.getControllers()) {
    const { instance, metatype } = wrapper;
    if (!instance || !metatype) continue;
    const base = normalise(
      Reflect.getMetadata(PATH_METADATA, metatype) as string | string[] | undefined,
    );
    const prototype = Object.getPrototypeOf(instance) as object;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = (prototype as Record<string, unknown>)[name] as (
        ...args: unknown[]
      ) => unknown;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (method === undefined) continue;
      const path = normalise(
        Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined,
      );
      const requirement = reflector.getAllAndOverride<AccessRequirement | undefined>(
        ACCESS_REQUIREMENT,
        [handler, metatype],
      );
      routes.push({
        method: RequestMethod[method],
        path: `/${[prefix, base, path].filter(Boolean).join('/')}`,
        access: !requirement
          ? 'UNDECLARED'
          : 'public' in requirement
            ? 'public'
            : requirement.permission,
      });
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

function normalise(path: string | string[] | undefined): string {
  const value = Array.isArray(path) ? (path[0] ?? '') : (path ?? '');
  return value.replace(/^\/+|\/+$/g, '');
}
