import { bearer } from '../../api-ledger/support/ledger-api-harness';
import type { ApiNode } from './api-node';

/** What a portal form came to: the notice key of its redirect, and the commandId it was sent with. */
export interface PortalAnswer {
  readonly notice: string;
  readonly commandId?: string;
}

const noticeOf = (location: string | null): string => new URL(location ?? '', 'http://portal').searchParams.get('notice') ?? 'NONE';

/**
 * A customer's portal session on one api node, driven over plain HTTP as the browser would: a
 * single-use link from the customer's JWT, the session cookie it sets, then preview pages and the
 * confirm forms they render (CSRF token, commandId, the previewed total).
 */
export class PortalSession {
  private constructor(
    private readonly node: ApiNode,
    private readonly cookie: string,
  ) {}

  static async open(node: ApiNode, accountId: string): Promise<PortalSession> {
    const link = await fetch(`${node.baseUrl}/crm-core/v1/subscriptions/portal`, {
      method: 'POST',
      headers: { authorization: await bearer(accountId, 'customer'), 'content-type': 'application/json' },
      body: '{}',
    });
    if (link.status !== 200) throw new Error(`node ${node.name}: portal link answered ${link.status}: ${await link.text()}`);
    const url = new URL(((await link.json()) as { url: string }).url);
    const opened = await fetch(`${node.baseUrl}${url.pathname}${url.search}`, { redirect: 'manual' });
    const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0];
    if (opened.status !== 303 || !cookie) throw new Error(`node ${node.name}: opening the portal link answered ${opened.status}`);
    return new PortalSession(node, cookie);
  }

  /** Previews "seats up to `seatCount`" and confirms the total shown; a refused preview is its notice. */
  async addSeats(seatCount: number): Promise<PortalAnswer> {
    const preview = await fetch(`${this.node.baseUrl}/portal/seats/add?seatCount=${seatCount}`, { headers: { cookie: this.cookie }, redirect: 'manual' });
    if (preview.status === 303) return { notice: noticeOf(preview.headers.get('location')) };
    const page = await preview.text();
    const form = /<form[^>]*id="confirm-form"[^>]*>[\s\S]*?<\/form>/.exec(page)?.[0];
    if (preview.status !== 200 || !form) throw new Error(`node ${this.node.name}: seat preview answered ${preview.status} without a confirm form`);
    const fields = Object.fromEntries([...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map(([, name, value]) => [name, value]));
    const posted = await fetch(`${this.node.baseUrl}/portal/seats/add`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: this.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    if (posted.status !== 303) throw new Error(`node ${this.node.name}: seat form answered ${posted.status}: ${await posted.text()}`);
    return { notice: noticeOf(posted.headers.get('location')), commandId: fields.commandId };
  }
}
