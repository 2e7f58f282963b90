import type { DemoApiKey, DemoTokens } from './demo-credentials';

export const CURL_BEGIN = '----- copy from here (bash, needs openssl and curl) -----';
export const CURL_END = '----- to here -----';
export const BILLING_LOGS_PATH = '/crm-core/v1/plans/me/billing-logs';
export const PORTAL_PATH = '/crm-core/v1/subscriptions/portal';

export interface StartBannerInfo {
  readonly url: string;
  /** e.g. "embedded: SQLite under ./data, in-memory read models" */
  readonly storage: string;
  /** What happened to demo data at this start, one line. */
  readonly demoData: string;
  readonly apiKey?: DemoApiKey & { readonly freshOnRestart: boolean };
  readonly tokens?: DemoTokens;
  /** Where the HS256 secret comes from, one line. */
  readonly jwtSecretSource: string;
}

/** The seed's bash sample, unchanged but for the host, key and secret. */
export const signedCurlScript = (url: string, key: DemoApiKey): string =>
  [
    `API_KEY="${key.apiKey}"`,
    `API_SECRET="${key.apiSecret}"`,
    'DATE=$(date -u +"%Y-%m-%dT%H:%M:%SZ")',
    'SALT=$(openssl rand -hex 16)',
    `SIGNATURE=$(echo -n "\${DATE}\${SALT}" | openssl dgst -sha256 -hmac "\${API_SECRET}" | awk '{print $NF}')`,
    'AUTH="HMAC-SHA256 apiKey=${API_KEY}, date=${DATE}, salt=${SALT}, signature=${SIGNATURE}"',
    `curl -X GET '${url}${BILLING_LOGS_PATH}?limit=20&offset=0' \\`,
    '-H "Authorization: ${AUTH}" \\',
    '-H "Content-Type: application/json"',
  ].join('\n');

const apiKeySection = (info: StartBannerInfo, key: StartBannerInfo['apiKey'] & object): string[] => [
  `Demo account   ${key.accountId}`,
  `  API key      ${key.apiKey}`,
  `  API secret   ${key.apiSecret}`,
  key.freshOnRestart
    ? '  (a fresh key pair for this run: secrets are shown only once; keys printed at earlier starts still work)'
    : '  (the secret is shown only once; every start prints a fresh pair)',
  '',
  `Signed request, exactly like the API docs' bash sample:`,
  CURL_BEGIN,
  signedCurlScript(info.url, key),
  CURL_END,
];

const tokenSection = (info: StartBannerInfo, tokens: DemoTokens): string[] => [
  `Bearer tokens (HS256, valid 12 h; ${info.jwtSecretSource})`,
  `  admin        ${tokens.admin}`,
  ...(tokens.customer === undefined ? [] : [`  customer     ${tokens.customer}`]),
  ...(tokens.customer === undefined
    ? []
    : [
        '',
        'Billing portal for the demo account (a link to the hosted portal):',
        `  curl -X POST '${info.url}${PORTAL_PATH}' -H "Authorization: Bearer ${tokens.customer}" -H "Content-Type: application/json" -d '{}'`,
      ]),
];

/** What `npm start` prints once, when the api listens: how to call it, nothing else. */
export function renderStartBanner(info: StartBannerInfo): string {
  const rule = '='.repeat(78);
  const lines = [
    rule,
    `Billing ledger is listening on ${info.url}`,
    `  OpenAPI docs ${info.url}/docs`,
    `  Storage      ${info.storage}`,
    `  Demo data    ${info.demoData}`,
    '',
    ...(info.apiKey === undefined ? [] : [...apiKeySection(info, info.apiKey), '']),
    ...(info.tokens === undefined ? ['Bearer tokens: RS256 is configured; sign tokens with your private key.'] : tokenSection(info, info.tokens)),
    rule,
  ];
  return `${lines.join('\n')}\n`;
}
