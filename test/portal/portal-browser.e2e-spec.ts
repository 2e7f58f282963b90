import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { extractPdfText } from '../../libs/receipts/src/testing/pdf-text';
import { launchChromium } from './support/browser';
import { PortalHarness, kst } from './support/portal-harness';

const ACCOUNT = 'acct-portal';
const NOW = kst('2026-04-23 09:15:30.123');
const ARTIFACTS = join(__dirname, '../../test-artifacts/portal');
const VISA_OK = { billingKey: 'sandbox:4242424242424242', brand: 'VISA', last4: '4242' };
const RENEWED_PERIODS = ['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04'];

describe('hosted billing portal in a real browser (e2e)', () => {
  let harness: PortalHarness;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  const charges = () => harness.gateway.listMovements().filter((movement) => movement.kind === 'charge');
  const text = (selector: string) => page.locator(selector).innerText();
  const screenshot = async (name: string) => {
    await page.evaluate('document.fonts.ready');
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  };
  /** Submits a form and waits for the redirect that reports its outcome. */
  const submit = async (selector: string) => {
    await Promise.all([page.waitForURL(/notice=/), page.locator(selector).click()]);
  };
  const noticeText = () => text('#notice');

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    harness = await PortalHarness.start();
    // A customer on STARTER since June 2025, renewed every month, with some usage this month.
    await harness.run(ACCOUNT, 'PAYMENT_METHOD_UPDATE', VISA_OK, kst('2025-06-10 10:00:00.000'));
    await harness.run(ACCOUNT, 'UPGRADE', { toTier: 'STARTER', seatCount: 2 }, kst('2025-06-10 10:00:00.000'));
    for (const period of RENEWED_PERIODS) await harness.run(ACCOUNT, 'RENEWAL', { period }, kst(`${period}-01 00:00:00.000`), 'SYSTEM');
    await harness.run(ACCOUNT, 'USAGE_RECORD', { usageId: 'u-1', metric: 'messages', quantity: 1_850 }, kst('2026-04-20 12:00:00.000'));
    await harness.run(ACCOUNT, 'USAGE_RECORD', { usageId: 'u-2', metric: 'contacts', quantity: 4_200 }, kst('2026-04-20 12:00:00.000'));
    harness.clock.set(NOW);
    browser = await launchChromium();
    context = await browser.newContext({ acceptDownloads: true, locale: 'ko-KR', viewport: { width: 1100, height: 900 } });
    page = await context.newPage();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  it('opens from a JWT portal link: session cookie, redirect to /portal, the plan, usage and 12 months of charges', async () => {
    const returnUrl = `${harness.baseUrl}/settings/billing`;
    const response = await harness.post('/crm-core/v1/subscriptions/portal', { authorization: await harness.bearer(ACCOUNT) }, { returnUrl });
    expect(response.status).toBe(200);
    const { url } = (await response.json()) as { url: string };

    await page.goto(url);
    expect(new URL(page.url()).pathname).toBe('/portal');
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({ name: 'ledger_portal', path: '/portal', httpOnly: true, sameSite: 'Lax', secure: false });
    expect(cookie.expires * 1000 - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(cookie.expires * 1000 - Date.now()).toBeLessThanOrEqual(60 * 60_000);

    expect(await text('#plan-tier')).toBe('스타터');
    expect(await text('#plan-seats')).toBe('2');
    expect(await text('#usage')).toContain('1,850');
    expect(await page.locator('#usage .bar').count()).toBe(3);
    const bars = page.locator('#charges svg rect');
    expect(await bars.count()).toBe(12);
    expect(await bars.first().getAttribute('data-period')).toBe('2025-05');
    expect(await bars.nth(1).getAttribute('data-amount')).toBe('29260');
    expect(await bars.last().getAttribute('data-amount')).toBe('41800');
    expect(await page.locator('#return-link').getAttribute('href')).toBe(returnUrl);
    await screenshot('overview');
    copyFileSync(join(ARTIFACTS, 'overview.png'), join(__dirname, '../../docs/images/portal.png'));
  });

  it('upgrades after showing the exact prorated price, charges exactly that, and a double submit is a DUPLICATE', async () => {
    await page.goto(`${harness.baseUrl}/portal/plan`);
    await page.locator('#upgrade-PRO input[name=seatCount]').fill('3');
    await Promise.all([page.waitForURL(/\/portal\/plan\/upgrade/), page.locator('#upgrade-PRO button').click()]);
    const previewed = Number(await page.locator('#preview-total').getAttribute('data-amount'));
    expect(previewed).toBe(31_972); // floor((49,000 × 3 − 19,000 × 2) × 8 / 30) = 29,066 + VAT 2,906
    await screenshot('upgrade-preview');
    const form: Record<string, string> = {};
    for (const input of await page.locator('#confirm-form input').all()) form[(await input.getAttribute('name')) ?? ''] = await input.inputValue();
    const before = charges().length;

    await submit('#confirm-form button');
    expect(await noticeText()).toContain('업그레이드');
    expect(await text('#plan-tier')).toBe('프로');
    expect(charges().length).toBe(before + 1);
    expect(charges().at(-1)?.amount).toBe(previewed);

    const cookieHeader = (await context.cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
    const again = await fetch(`${harness.baseUrl}/portal/plan/upgrade`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader },
      body: new URLSearchParams(form).toString(),
      redirect: 'manual',
    });
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe('/portal?notice=DUPLICATE');
    expect(charges().length).toBe(before + 1);
  });

  it('schedules a downgrade for the period end, shows it, and revokes it', async () => {
    const before = charges().length;
    await page.goto(`${harness.baseUrl}/portal/plan`);
    await submit('#downgrade-STARTER button');
    expect(await text('#scheduled-change')).toContain('스타터 요금제로 다운그레이드 예정 (2026-05-01부터)');
    expect(await text('#plan-tier')).toBe('프로');
    await screenshot('downgrade-scheduled');
    await submit('#revoke-form button');
    expect(await noticeText()).toContain('예약된 변경을 취소');
    expect(await page.locator('#scheduled-change').count()).toBe(0);
    expect(charges().length).toBe(before);
  });

  it('adds seats at the previewed prorated price and schedules a seat reduction', async () => {
    await page.goto(`${harness.baseUrl}/portal/seats`);
    await page.locator('#seat-add-form input[name=seatCount]').fill('5');
    await Promise.all([page.waitForURL(/\/portal\/seats\/add/), page.locator('#seat-add-form button').click()]);
    const previewed = Number(await page.locator('#preview-total').getAttribute('data-amount'));
    expect(previewed).toBe(28_746); // floor(49,000 × 2 × 8 / 30) = 26,133 + VAT 2,613
    await submit('#confirm-form button');
    expect(charges().at(-1)?.amount).toBe(previewed);
    expect(await text('#plan-seats')).toBe('5');

    await page.goto(`${harness.baseUrl}/portal/seats`);
    await page.locator('#seat-reduce-form input[name=seatCount]').fill('4');
    await submit('#seat-reduce-form button');
    expect(await text('#scheduled-change')).toContain('좌석 4개로 감소 예정');
    await submit('#revoke-form button');
  });

  it('updates the card through the gateway card form; the card number never reaches the ledger', async () => {
    await page.goto(`${harness.baseUrl}/portal/payment-method`);
    await page.locator('#card-number').fill('1234 5678');
    await page.locator('#card-form button').click();
    await page.locator('#card-error').waitFor({ state: 'visible' });
    expect(await text('#card-error')).toContain('13~19자리');

    await page.locator('#card-number').fill('5555 5555 5555 4444');
    await submit('#card-form button');
    expect(await noticeText()).toContain('결제 수단을 변경');
    expect(await text('#card-on-file')).toContain('MASTERCARD •••• 4444');
    await screenshot('payment-method');
    const events = await harness.runtime.eventStore.readAll({});
    expect(JSON.stringify(events, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value))).not.toContain('5555555555554444');
  });

  it('lists the billing history with pagination, shows a receipt and downloads its PDF', async () => {
    await page.goto(`${harness.baseUrl}/portal/history`);
    expect(await text('#history-count')).toBe('13');
    expect(await page.locator('#history tbody tr').count()).toBe(10);
    expect(await text('#page-info')).toBe('1 / 2');
    await screenshot('history');
    await page.locator('a[rel=next]').click();
    await page.waitForURL(/page=2/);
    expect(await page.locator('#history tbody tr').count()).toBe(3);

    await page.goto(`${harness.baseUrl}/portal/history`);
    const newest = page.locator('#history tbody tr').first();
    const charged = await newest.locator('td.num').first().innerText();
    await Promise.all([page.waitForURL(/\/portal\/receipts\//), newest.locator('a').click()]);
    expect(await text('#receipt')).toContain(`합계\t${charged}`);
    await screenshot('receipt');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#receipt-pdf').click()]);
    const pdf = readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await extractPdfText(pdf)).toContain('영수증');
  });

  it('cancels at the period end and resumes', async () => {
    await page.goto(`${harness.baseUrl}/portal`);
    await submit('#cancel-form button');
    expect(await text('#scheduled-change')).toContain('구독 해지 예정');
    await screenshot('cancel-scheduled');
    await submit('#revoke-form button');
    expect(await page.locator('#scheduled-change').count()).toBe(0);
    expect(await page.locator('#cancel-form').count()).toBe(1);
  });

  it('shows a clear message for a declined card and charges nothing', async () => {
    await page.goto(`${harness.baseUrl}/portal/payment-method`);
    await page.locator('#card-number').fill('4000000000000002');
    await submit('#card-form button');
    expect(await text('#card-on-file')).toContain('VISA •••• 0002');
    const before = harness.gateway.totals();

    await page.goto(`${harness.baseUrl}/portal/seats/add?seatCount=6`);
    await submit('#confirm-form button');
    expect(await noticeText()).toContain('카드 결제가 거절되었습니다');
    expect(await text('#plan-seats')).toBe('5');
    await screenshot('declined');
    expect(harness.gateway.totals().chargedAmount).toBe(before.chargedAmount);
    expect(harness.gateway.totals().declinedCount).toBe(before.declinedCount + 1);
  });
});
