import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength } from 'class-validator';

const FLAG_VALUES = ['0', '1', 'true', 'false'];
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const HTTP_URL = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };
const splitList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.split(',').map((item) => item.trim()).filter((item) => item !== '') : value;

/**
 * The environment the api reads (architecture.md, "Configuration"); names are a contract.
 * Only the shape of each variable is checked here; rules across variables live in load-platform-config.ts.
 */
export class ApiEnvironment {
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(65535)
  PORT?: number;

  @IsOptional() @IsUrl(HTTP_URL, { message: 'LEDGER_PUBLIC_URL must be an http(s) URL, e.g. https://billing.example.com' })
  LEDGER_PUBLIC_URL?: string;

  @IsOptional() @IsString() @MinLength(1)
  LEDGER_DATA_DIR?: string;

  @IsOptional() @Matches(/^(esdb|kurrentdb|kdb)(\+discover)?:\/\/\S+$/, { message: 'KURRENTDB_URL must be a connection string such as kurrentdb://localhost:2113?tls=false' })
  KURRENTDB_URL?: string;

  @IsOptional() @Matches(/^mongodb(\+srv)?:\/\/\S+$/, { message: 'MONGO_URL must be a mongodb:// or mongodb+srv:// URL' })
  MONGO_URL?: string;

  @IsOptional() @Transform(splitList) @Matches(/^[^\s:,]+:\d{1,5}$/, { each: true, message: 'KAFKA_BROKERS must be a comma-separated list of host:port' })
  KAFKA_BROKERS?: string[];

  @IsOptional() @IsString() @MinLength(32, { message: 'LEDGER_JWT_SECRET must be at least 32 characters (an HS256 key needs 256 bits)' })
  LEDGER_JWT_SECRET?: string;

  @IsOptional() @Transform(({ value }) => (typeof value === 'string' ? value.replace(/\\n/g, '\n') : value))
  @Matches(/-----BEGIN PUBLIC KEY-----[\s\S]+-----END PUBLIC KEY-----/, { message: 'LEDGER_JWT_PUBLIC_KEY must be a PEM "BEGIN PUBLIC KEY" block (SPKI)' })
  LEDGER_JWT_PUBLIC_KEY?: string;

  @IsOptional() @IsString() @MinLength(1)
  LEDGER_JWT_ISSUER?: string;

  @IsOptional() @Transform(splitList) @IsString({ each: true })
  LEDGER_JWT_AUDIENCE?: string[];

  @IsOptional() @Matches(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$/, { message: 'LEDGER_MASTER_KEY must be 32 bytes as 64 hex characters or base64' })
  LEDGER_MASTER_KEY?: string;

  @IsOptional() @IsIn(FLAG_VALUES, { message: 'LEDGER_DEMO must be 0, 1, true or false' })
  LEDGER_DEMO?: string;

  @IsOptional() @IsIn(FLAG_VALUES, { message: 'LEDGER_TEST_CLOCK must be 0, 1, true or false' })
  LEDGER_TEST_CLOCK?: string;

  @IsOptional() @IsIn(FLAG_VALUES, { message: 'LEDGER_TRUST_PROXY must be 0, 1, true or false' })
  LEDGER_TRUST_PROXY?: string;

  @IsOptional() @Transform(splitList) @IsUrl(HTTP_URL, { each: true, message: 'LEDGER_PORTAL_ALLOWED_ORIGINS must be a comma-separated list of http(s) origins' })
  LEDGER_PORTAL_ALLOWED_ORIGINS?: string[];

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1_000_000)
  LEDGER_RATE_LIMIT_MAX?: number;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1000) @Max(3_600_000)
  LEDGER_RATE_LIMIT_WINDOW_MS?: number;

  @IsOptional() @IsIn(LOG_LEVELS, { message: `LEDGER_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LEDGER_LOG_LEVEL?: string;
}
