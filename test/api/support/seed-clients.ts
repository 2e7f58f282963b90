import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The Node sample of billing-logs-list.ko.txt, verbatim but for the key, the secret and the host
 * (the published page lost the template literal's backticks; they are restored).
 */
const seedNodeClient = (apiKey: string, apiSecret: string, baseUrl: string) => `
(async () => {
const crypto = require('crypto');
const apiKey = '${apiKey}';
const apiSecret = '${apiSecret}';
const dateTime = new Date().toISOString();
const salt = crypto.randomBytes(16).toString('hex');
const signature = crypto.createHmac('sha256', apiSecret).update(dateTime + salt).digest('hex');
const authHeader = \`HMAC-SHA256 apiKey=\${apiKey}, date=\${dateTime}, salt=\${salt}, signature=\${signature}\`;
const response = await fetch('${baseUrl}/crm-core/v1/plans/me/billing-logs?limit=20&offset=0', {
method: 'GET',
headers: { 'Authorization': authHeader, 'Content-Type': 'application/json' }
});
const data = await response.json();
console.log(JSON.stringify({ status: response.status, data }));
})();
`;

/** The curl + openssl sample of the same page, verbatim but for the key, the secret and the host. */
const seedCurlClient = (apiKey: string, apiSecret: string, baseUrl: string) => `
API_KEY="${apiKey}"
API_SECRET="${apiSecret}"
DATE=$(date -u +"%Y-%m-%dT%H:%M:%SZ")
SALT=$(openssl rand -hex 16)
SIGNATURE=$(echo -n "\${DATE}\${SALT}" | openssl dgst -sha256 -hmac "\${API_SECRET}" | awk '{print $NF}')
AUTH="HMAC-SHA256 apiKey=\${API_KEY}, date=\${DATE}, salt=\${SALT}, signature=\${SIGNATURE}"
curl -X GET '${baseUrl}/crm-core/v1/plans/me/billing-logs?limit=20&offset=0' \\
-H "Authorization: \${AUTH}" \\
-H "Content-Type: application/json"
`;

export const runSeedNodeClient = async (apiKey: string, apiSecret: string, baseUrl: string): Promise<{ status: number; data: unknown }> => {
  const { stdout } = await run(process.execPath, ['-e', seedNodeClient(apiKey, apiSecret, baseUrl)]);
  return JSON.parse(stdout) as { status: number; data: unknown };
};

export const runSeedCurlClient = async (apiKey: string, apiSecret: string, baseUrl: string): Promise<unknown> => {
  const { stdout } = await run('bash', ['-c', seedCurlClient(apiKey, apiSecret, baseUrl)]);
  return JSON.parse(stdout) as unknown;
};
