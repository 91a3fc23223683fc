/**
 * The only reader of process.env. Every variable is validated here; when anything is wrong the
 * process stops and lists every problem at once, so an operator fixes the whole file in one pass.
 */
import fs from 'node:fs';
import path from 'node:path';

export type NodeEnv = 'development' | 'production' | 'test';
export type MessageSenderKind = 'dev' | 'smtp';
export type PaymentProviderKind = 'vietqr' | 'vnpay';

export interface Config {
  nodeEnv: NodeEnv;
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | null;
  databasePoolMax: number;
  seedDemo: boolean;
  logLevel: string;
  trustProxy: boolean;
  bodyLimitBytes: number;
  rateLimitPerMinute: number;
  session: { ttlHours: number; cookieName: string; cookieSecure: boolean };
  login: { maxFailuresPerAccount: number; maxFailuresPerIp: number; ipWindowMinutes: number };
  passwordHash: { memoryCost: number; timeCost: number; parallelism: number };
  messages: { sender: MessageSenderKind; smtpUrl: string | null; mailFrom: string };
  webDistDir: string;
  shutdownTimeoutMs: number;
  /** Office hours in the city's time zone, as minutes after midnight. */
  officeHours: { startMinute: number; endMinute: number; timeZone: string };
  /** Also e-mail in-app notices to users who have an e-mail address. */
  notifyByEmail: boolean;
  /** Origins of map tile servers the web app may load images from (Content-Security-Policy img-src). */
  mapTileOrigins: string[];
  /** Open311 GeoReport v2: the jurisdiction_id this single-city server accepts and the contact in its discovery document. */
  open311: { jurisdictionId: string; contact: string };
  /** Signed documents: the secret that encrypts signing keys at rest, and a PEM bundle of trusted roots. */
  signing: { keySecret: string; trustedRootsFile: string | null; tsaUrl: string | null; remoteSignerUrl: string | null };
  /** Cashless payment of fees: the providers offered, and whether the built-in simulator stands in for them. */
  payments: PaymentsConfig;
}

export interface PaymentsConfig {
  /** Providers offered to citizens; empty when online payment is off. */
  providers: PaymentProviderKind[];
  /** The built-in simulator plays the bank feed and the gateway (development and demos only, never production). */
  isSandbox: boolean;
  intentTtlMinutes: number;
  /** The first letters of every payment reference (the code citizens' transfers carry), e.g. HUE. */
  referencePrefix: string;
  /** How old a signed webhook may be (replay protection). */
  webhookToleranceSeconds: number;
  /** VietQR transfers to the collection account, confirmed by the bank's balance-change feed (signed webhook). */
  vietqr: { bankBin: string; accountNumber: string; accountName: string; feedSecret: string } | null;
  /** A VNPay-compatible card and wallet gateway (version 2.1.0), confirmed by its IPN. */
  vnpay: { tmnCode: string; hashSecret: string; paymentUrl: string } | null;
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.problems = problems;
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Reads and validates the environment; throws ConfigError naming every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const boolean = (name: string, fallback: boolean): boolean => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
    if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
    problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    if (!allowed.includes(raw as T)) {
      problems.push(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
      return fallback;
    }
    return raw as T;
  };

  const nodeEnv = oneOf<NodeEnv>('NODE_ENV', ['development', 'production', 'test'], 'development');
  const isProduction = nodeEnv === 'production';
  const port = integer('PORT', 3000, 0, 65535);
  const host = read('HOST') ?? '127.0.0.1';
  const publicUrl = (read('PUBLIC_URL') ?? `http://localhost:${port}`).replace(/\/$/, '');
  if (!/^https?:\/\/[^\s/]+/.test(publicUrl)) problems.push(`PUBLIC_URL must be an http(s) URL (got "${publicUrl}")`);

  const databaseUrl = read('DATABASE_URL') ?? null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const seedDemo = boolean('SEED_DEMO', !isProduction);
  if (isProduction && seedDemo) problems.push('SEED_DEMO must not be true when NODE_ENV=production (demo accounts have published passwords)');

  const sender = oneOf<MessageSenderKind>('MESSAGE_SENDER', ['dev', 'smtp'], isProduction ? 'smtp' : 'dev');
  const smtpUrl = read('SMTP_URL') ?? null;
  if (sender === 'smtp' && smtpUrl === null) problems.push('SMTP_URL is required when MESSAGE_SENDER=smtp');
  if (smtpUrl !== null && !/^smtps?:\/\//.test(smtpUrl)) problems.push('SMTP_URL must start with smtp:// or smtps://');
  if (isProduction && sender === 'dev') problems.push('MESSAGE_SENDER=dev is for development only; use smtp in production');

  const officeHoursText = read('OFFICE_HOURS') ?? '07:30-17:00';
  const officeMatch = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/.exec(officeHoursText);
  const officeStart = officeMatch ? Number(officeMatch[1]) * 60 + Number(officeMatch[2]) : 450;
  const officeEnd = officeMatch ? Number(officeMatch[3]) * 60 + Number(officeMatch[4]) : 1020;
  if (!officeMatch || officeStart >= officeEnd) problems.push(`OFFICE_HOURS must look like 07:30-17:00 with the start before the end (got "${officeHoursText}")`);
  const timeZone = read('TIME_ZONE') ?? 'Asia/Ho_Chi_Minh';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    problems.push(`TIME_ZONE must be an IANA time zone such as Asia/Ho_Chi_Minh (got "${timeZone}")`);
  }

  // Open311 suggests the city's root domain as jurisdiction_id; by default the host of PUBLIC_URL.
  const jurisdictionId = read('OPEN311_JURISDICTION_ID') ?? (URL.canParse(publicUrl) ? new URL(publicUrl).hostname : 'localhost');
  if (!/^[A-Za-z0-9.-]{1,100}$/.test(jurisdictionId)) problems.push(`OPEN311_JURISDICTION_ID must be a domain name such as hue.gov.vn (got "${jurisdictionId}")`);
  const open311Contact = read('OPEN311_CONTACT') ?? `OneCity operations centre, ${publicUrl}`;

  const mapTileOrigins: string[] = [];
  for (const origin of (read('MAP_TILE_ORIGINS') ?? '').split(',').map((value) => value.trim()).filter(Boolean)) {
    try {
      const url = new URL(origin);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('scheme');
      mapTileOrigins.push(url.origin);
    } catch {
      problems.push(`MAP_TILE_ORIGINS must be a comma-separated list of http(s) origins (got "${origin}")`);
    }
  }

  // Private signing keys are encrypted with a key derived from this secret; a development default must never sign for real.
  const signingKeySecret = read('SIGNING_KEY_SECRET') ?? (isProduction ? '' : 'onecity-development-signing-secret-not-for-production');
  if (signingKeySecret.length < 32) problems.push('SIGNING_KEY_SECRET must be set to at least 32 characters (it encrypts signing keys at rest)');
  const trustedRootsFile = read('TRUSTED_ROOTS_FILE') ?? null;
  if (trustedRootsFile && !fs.existsSync(trustedRootsFile)) problems.push(`TRUSTED_ROOTS_FILE does not exist: ${trustedRootsFile}`);
  // An RFC 3161 time-stamping authority makes signatures PAdES B-T (the signing time is proven, not claimed).
  const tsaUrl = read('TSA_URL') ?? null;
  if (tsaUrl && !/^https?:\/\/\S+$/.test(tsaUrl)) problems.push(`TSA_URL must be an http(s) URL (got "${tsaUrl}")`);
  // A remote signing service (or an HSM gateway) for keys that never leave it; see docs/ARCHITECTURE.md for its protocol.
  const remoteSignerUrl = read('REMOTE_SIGNER_URL') ?? null;
  if (remoteSignerUrl && !/^https?:\/\/\S+$/.test(remoteSignerUrl)) problems.push(`REMOTE_SIGNER_URL must be an http(s) URL (got "${remoteSignerUrl}")`);

  // Payments: "sandbox" turns on both providers against the built-in simulator with published secrets.
  const paymentNames = (read('PAYMENT_PROVIDERS') ?? (isProduction ? '' : 'sandbox')).split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
  for (const name of paymentNames) if (!['sandbox', 'vietqr', 'vnpay'].includes(name)) problems.push(`PAYMENT_PROVIDERS must list sandbox, vietqr or vnpay (got "${name}")`);
  const isPaymentSandbox = paymentNames.includes('sandbox');
  if (isPaymentSandbox && isProduction) problems.push('PAYMENT_PROVIDERS=sandbox is for development and demos only: its secrets are published and its simulator confirms payments nobody made');
  if (isPaymentSandbox && paymentNames.length > 1) problems.push('PAYMENT_PROVIDERS=sandbox cannot be combined with real providers');
  const paymentProviders: PaymentProviderKind[] = isPaymentSandbox ? ['vietqr', 'vnpay'] : (paymentNames.filter((name) => name === 'vietqr' || name === 'vnpay') as PaymentProviderKind[]);
  const referencePrefix = read('PAYMENT_REFERENCE_PREFIX') ?? 'OC';
  if (!/^[A-Z]{2,4}$/.test(referencePrefix)) problems.push(`PAYMENT_REFERENCE_PREFIX must be 2 to 4 capital letters A-Z (got "${referencePrefix}")`);
  let vietqr: PaymentsConfig['vietqr'] = null;
  if (paymentProviders.includes('vietqr')) {
    const bankBin = read('PAYMENT_VIETQR_BANK_BIN') ?? (isPaymentSandbox ? '970415' : '');
    const accountNumber = read('PAYMENT_VIETQR_ACCOUNT_NUMBER') ?? (isPaymentSandbox ? '113366668888' : '');
    const accountName = read('PAYMENT_VIETQR_ACCOUNT_NAME') ?? (isPaymentSandbox ? 'KHO BAC NHA NUOC (DEMO)' : '');
    const feedSecret = read('PAYMENT_BANK_FEED_SECRET') ?? (isPaymentSandbox ? 'onecity-sandbox-bank-feed-secret-not-for-production' : '');
    if (!/^\d{6}$/.test(bankBin)) problems.push('PAYMENT_VIETQR_BANK_BIN must be the 6-digit NAPAS BIN of the collecting bank');
    if (!/^[0-9A-Za-z]{6,19}$/.test(accountNumber)) problems.push('PAYMENT_VIETQR_ACCOUNT_NUMBER must be 6 to 19 letters or digits');
    if (!/^[\x20-\x7e]{2,50}$/.test(accountName)) problems.push('PAYMENT_VIETQR_ACCOUNT_NAME must be 2 to 50 ASCII characters (as the bank spells it, without diacritics)');
    if (feedSecret.length < 32) problems.push('PAYMENT_BANK_FEED_SECRET must be at least 32 characters (it signs the bank feed webhook)');
    vietqr = { bankBin, accountNumber, accountName, feedSecret };
  }
  let vnpay: PaymentsConfig['vnpay'] = null;
  if (paymentProviders.includes('vnpay')) {
    const tmnCode = read('PAYMENT_VNPAY_TMN_CODE') ?? (isPaymentSandbox ? 'ONECITY1' : '');
    const hashSecret = read('PAYMENT_VNPAY_HASH_SECRET') ?? (isPaymentSandbox ? 'ONECITYSANDBOXVNPAYSECRETNOTREAL' : '');
    const paymentUrl = read('PAYMENT_VNPAY_URL') ?? (isPaymentSandbox ? `${publicUrl}/api/v1/payments/sandbox/vnpay/pay` : '');
    if (!/^[0-9A-Za-z]{8}$/.test(tmnCode)) problems.push('PAYMENT_VNPAY_TMN_CODE must be the 8-character terminal code VNPay issued');
    if (hashSecret.length < 32) problems.push('PAYMENT_VNPAY_HASH_SECRET must be the (at least 32-character) hash secret VNPay issued');
    if (!/^https?:\/\/\S+$/.test(paymentUrl) || (isProduction && !paymentUrl.startsWith('https://'))) problems.push('PAYMENT_VNPAY_URL must be the gateway address (https in production)');
    vnpay = { tmnCode, hashSecret, paymentUrl };
  }

  const logLevel = read('LOG_LEVEL') ?? (nodeEnv === 'test' ? 'silent' : 'info');
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);

  const config: Config = {
    nodeEnv,
    port,
    host,
    publicUrl,
    dataDir: path.resolve(read('DATA_DIR') ?? './data'),
    databaseUrl,
    databasePoolMax: integer('DATABASE_POOL_MAX', 10, 1, 500),
    seedDemo,
    logLevel,
    trustProxy: boolean('TRUST_PROXY', false),
    bodyLimitBytes: integer('BODY_LIMIT_BYTES', 1024 * 1024, 1024, 100 * 1024 * 1024),
    rateLimitPerMinute: integer('RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000),
    session: {
      ttlHours: integer('SESSION_TTL_HOURS', 12, 1, 24 * 90),
      cookieName: 'onecity_session',
      cookieSecure: boolean('COOKIE_SECURE', publicUrl.startsWith('https://')),
    },
    login: {
      maxFailuresPerAccount: integer('LOGIN_MAX_FAILURES', 10, 3, 100),
      maxFailuresPerIp: integer('LOGIN_MAX_FAILURES_PER_IP', 50, 5, 100_000),
      ipWindowMinutes: integer('LOGIN_IP_WINDOW_MINUTES', 15, 1, 24 * 60),
    },
    // OWASP Password Storage Cheat Sheet: argon2id with m=19 MiB, t=2, p=1 as the minimum.
    passwordHash: {
      memoryCost: integer('ARGON2_MEMORY_KIB', 19_456, isProduction ? 19_456 : 64, 4_194_304),
      timeCost: integer('ARGON2_ITERATIONS', 2, isProduction ? 2 : 1, 100),
      parallelism: 1,
    },
    messages: { sender, smtpUrl, mailFrom: read('MAIL_FROM') ?? 'OneCity <no-reply@onecity.local>' },
    webDistDir: path.resolve(read('WEB_DIST_DIR') ?? path.join(import.meta.dirname, '../../web/dist')),
    shutdownTimeoutMs: integer('SHUTDOWN_TIMEOUT_MS', 10_000, 100, 600_000),
    officeHours: { startMinute: officeStart, endMinute: officeEnd, timeZone },
    mapTileOrigins,
    notifyByEmail: boolean('NOTIFY_BY_EMAIL', false),
    open311: { jurisdictionId, contact: open311Contact },
    signing: { keySecret: signingKeySecret, trustedRootsFile, tsaUrl, remoteSignerUrl },
    payments: {
      providers: paymentProviders,
      isSandbox: isPaymentSandbox,
      intentTtlMinutes: integer('PAYMENT_INTENT_TTL_MINUTES', 24 * 60, 15, 30 * 24 * 60),
      referencePrefix,
      webhookToleranceSeconds: 300,
      vietqr,
      vnpay,
    },
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
