import { GatewayUnavailableError, type ChargeRequest, type PaymentGateway, type PaymentResult, type RefundRequest } from '../payment-gateway.port';

/** `before`: the request never reaches the gateway. `after`: the gateway processed it, the answer is lost. */
export type FailurePoint = 'before' | 'after';

/** Test double that makes a gateway unreachable on demand, to exercise retries with the same key. */
export class FlakyGateway implements PaymentGateway {
  private readonly pendingFailures: FailurePoint[] = [];
  private unavailable = false;
  calls = 0;

  constructor(private readonly inner: PaymentGateway) {}

  failNext(count = 1, point: FailurePoint = 'before'): this {
    for (let index = 0; index < count; index += 1) this.pendingFailures.push(point);
    return this;
  }

  setUnavailable(unavailable: boolean): this {
    this.unavailable = unavailable;
    return this;
  }

  charge(request: ChargeRequest): Promise<PaymentResult> {
    return this.call(() => this.inner.charge(request));
  }

  refund(request: RefundRequest): Promise<PaymentResult> {
    return this.call(() => this.inner.refund(request));
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private async call(forward: () => Promise<PaymentResult>): Promise<PaymentResult> {
    this.calls += 1;
    const failure = this.unavailable ? 'before' : this.pendingFailures.shift();
    if (failure === 'before') throw new GatewayUnavailableError('injected: gateway unreachable');
    const result = await forward();
    if (failure === 'after') throw new GatewayUnavailableError('injected: gateway timed out after processing');
    return result;
  }
}
