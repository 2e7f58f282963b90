import type { Principal } from './principal';

/** The principal the guard admitted, per request object (no global type augmentation needed). */
const principals = new WeakMap<object, Principal>();

export const attachPrincipal = (request: object, principal: Principal): void => {
  principals.set(request, principal);
};

export const principalOf = (request: object): Principal | undefined => principals.get(request);
