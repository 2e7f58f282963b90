import { RequestMethod } from '@nestjs/common';
import { GUARDS_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AUTH_REQUIREMENT, type AuthRequirement } from '../../../apps/api/src/auth/auth-requirement';

/** `GET /crm-core/v1/plans/me/billing-logs/:logId` */
export type RouteKey = string;

const TREE_LINE = /^((?:[│ ] {3})*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/;

/**
 * Every route Fastify will answer, read from its own router (`printRoutes`), so routes that Nest
 * does not know about (Swagger UI, plugins) are listed too. HEAD twins of GET routes are left out:
 * Fastify adds them by itself and they run the GET handler.
 */
export const fastifyRouteKeys = (app: NestFastifyApplication): RouteKey[] => {
  const tree = app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false });
  const prefixes: string[] = [];
  const keys = new Set<RouteKey>();
  for (const line of tree.split('\n')) {
    const match = TREE_LINE.exec(line);
    if (match === null) continue;
    const depth = match[1].length / 4;
    prefixes.length = depth;
    const path = `${prefixes.join('')}${match[2]}`;
    prefixes.push(match[2]);
    const methods = (match[3] ?? '').split(',').map((method) => method.trim()).filter((method) => method !== '');
    for (const method of methods) keys.add(`${method} ${path}`);
  }
  return [...keys].filter((key) => !(key.startsWith('HEAD ') && keys.has(key.replace(/^HEAD /, 'GET ')))).sort();
};

const joinPaths = (...parts: unknown[]): string =>
  `/${parts.flatMap((part) => (Array.isArray(part) ? part : [part])).filter((part): part is string => typeof part === 'string' && part !== '' && part !== '/').map((part) => part.replace(/^\/+|\/+$/g, '')).join('/')}`;

const guardNames = (...targets: object[]): string[] =>
  targets.flatMap((target) => (Reflect.getMetadata(GUARDS_METADATA, target) as Array<{ name: string }> | undefined) ?? []).map((guard) => guard.name);

/**
 * How each Nest route is protected, from the decorators themselves: `auth:<mode>:<roles>` for
 * `@Auth`, `portal-session[+csrf]` for the portal's own session, `public` for no guard at all.
 */
export const nestRouteRules = (app: NestFastifyApplication): Map<RouteKey, string> => {
  const scanner = app.get(MetadataScanner);
  const rules = new Map<RouteKey, string>();
  for (const wrapper of app.get(DiscoveryService).getControllers()) {
    const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
    if (controller === null || controller === undefined) continue;
    const prototype = controller.prototype as Record<string, (...args: unknown[]) => unknown>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name];
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (method === undefined) continue;
      const key = `${RequestMethod[method]} ${joinPaths(Reflect.getMetadata(PATH_METADATA, controller), Reflect.getMetadata(PATH_METADATA, handler))}`;
      rules.set(key, ruleOf(controller, handler));
    }
  }
  return rules;
};

const ruleOf = (controller: object, handler: object): string => {
  const requirement = (Reflect.getMetadata(AUTH_REQUIREMENT, handler) ?? Reflect.getMetadata(AUTH_REQUIREMENT, controller)) as AuthRequirement | undefined;
  const guards = guardNames(controller, handler);
  if (requirement !== undefined) return `auth:${requirement.mode}:${requirement.roles.join('|') || 'any-role'}`;
  if (guards.includes('PortalSessionGuard')) return guards.includes('PortalCsrfGuard') ? 'portal-session+csrf' : 'portal-session';
  return guards.length === 0 ? 'public' : `guards:${guards.join('+')}`;
};
