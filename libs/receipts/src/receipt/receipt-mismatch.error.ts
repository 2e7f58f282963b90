/** The receipt would not add up to its billing log: a bug upstream, never something to print. */
export class ReceiptMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReceiptMismatchError';
  }
}
