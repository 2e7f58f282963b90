/** A filter, sort or projection outside the subset both adapters implement identically. */
export class UnsupportedQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedQueryError';
  }
}

/** A document the read store refuses to store (missing `_id`, reserved field, non-JSON value). */
export class InvalidDocumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidDocumentError';
  }
}

/** The store is closed or cannot be reached; the operation may be retried on a live store. */
export class ReadStoreUnavailableError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'ReadStoreUnavailableError';
  }
}
