/** Exit codes, stable for scripts. */
export const EXIT = {
  OK: 0,
  /** verify found a broken chain, a replay failure or a differing read model. */
  FINDINGS: 1,
  /** Bad arguments. */
  USAGE: 2,
  /** The store, the read store or a file could not be used. */
  FAILURE: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
