import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { isSupportedCountry, parsePhoneNumberWithError } from 'libphonenumber-js';

export type NodeEnv = 'development' | 'production' | 'test';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface AppConfig {
  nodeEnv: NodeEnv;
  logLevel: LogLevel;
  databaseUrl: string;
  redisUrl: string;
  /** HTTP port of the API (GraphQL at /graphql, health at /health). */
  port: number;
  /** HTTP port of the worker's health endpoint. */
  workerPort: number;
  /** Address the API listens on: loopback unless told otherwise (a container needs 0.0.0.0). */
  host: string;
  /** Address the worker's health endpoint listens on. */
  workerHost: string;
  jwtSecret: string;
  tokenTtlMinutes: number;
  adminEmail: string;
  adminPassword: string;
  /** smtp://user:pass@host:587 or smtps://…; the worker sends e-mail through it. */
  smtpUrl: string;
  mailFrom: string;
  /** The SMS gateway's endpoint for a JSON POST per message (see README). */
  smsGatewayUrl: string;
  smsGatewayToken: string | null;
  /** Browser origins allowed to call the API cross-origin; empty: same origin only. */
  corsOrigins: string[];
  /** Express `trust proxy`: which hops may set X-Forwarded-For, so rate limits see the client's address. */
  trustProxy: boolean | number | string;
  rateLimits: RateLimits;
  /** ISO 3166 countries whose mobile numbers may ask for a registration code by SMS (default BE). */
  smsCodeCountries: string[];
  /** Registration-code SMS the platform sends per hour at most, whoever asks; then requests are refused and coordinators alerted. */
  smsCodeBudgetPerHour: number;
  /** Participants with no activity for this many months are anonymised by the nightly retention job. */
  retentionMonths: number;
  /** The integration service's general number (E.164): the number messages give when the host organisation has none. */
  contactPhone: string | null;
  /** Where people open the web app (scheme://host[:port]): invitation and password links in mails point here. */
  publicBaseUrl: string;
  /**
   * HMAC key of the personal links in messages (`/r/<token>`, unsubscribe links): the worker derives
   * each token from it when it writes a message and the API checks it, so no token is ever stored.
   */
  personalLinkSecret: string;
  /**
   * HMAC key the SMS gateway signs the replies it forwards with (`POST /webhooks/sms`); null: the
   * city's gateway forwards none and the endpoint answers 404.
   */
  smsWebhookSecret: string | null;
  /**
   * How long an anonymous public answer stays in the Redis response cache at most (0: no cache).
   * Writes invalidate it at once; the time only bounds an invalidation that could not reach Redis.
   */
  responseCacheTtlSeconds: number;
}

export interface RateLimits {
  /**
   * Anonymous GraphQL operations per client address per minute (the public schedule, festival plan);
   * also anonymous HTTP requests to /graphql, valid or not.
   */
  publicPerMinute: number;
  /** HTTP requests to /graphql per logged-in user per minute, counted apart from anonymous ones. */
  userPerMinute: number;
  /** Login attempts per client address per 15 minutes, whatever the account. */
  loginPerIp: number;
  /** Login attempts per e-mail address per 15 minutes, whatever the address. */
  loginPerAccount: number;
  /** First lock after repeated failed logins of one account; each further failure doubles it (max 15 minutes). */
  lockoutSeconds: number;
}

/** Which process reads the configuration: the worker needs no login secrets. */
export type ConfigConsumer = 'api' | 'worker' | 'cli';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee "Configuration" in README.md.`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const NODE_ENVS: NodeEnv[] = ['development', 'production', 'test'];

/** The domain of a sender like `Name <local@domain>` or `local@domain`, lower-cased; null when it is no address. */
export function mailDomain(mailFrom: string): string | null {
  const address = /<([^<>]*)>\s*$/.exec(mailFrom)?.[1] ?? mailFrom;
  const match = /^[^\s@<>]+@([a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+)$/i.exec(address.trim());
  return match ? match[1].toLowerCase() : null;
}

/**
 * Reads and validates the environment once, collecting every problem so an operator fixes
 * them all in one go instead of one restart per variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv, consumer: ConfigConsumer): AppConfig {
  const problems: string[] = [];
  const needsLogin = consumer === 'api';
  const sends = consumer === 'worker';

  const read = (name: string, required: boolean, fallback = ''): string => {
    const value = env[name]?.trim() ?? '';
    if (value === '' && required) problems.push(`${name} is required but not set`);
    return value === '' ? fallback : value;
  };
  const oneOf = <T extends string>(name: string, allowed: T[], fallback: T): T => {
    const value = read(name, false, fallback);
    if (!allowed.includes(value as T)) problems.push(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
    return value as T;
  };
  const port = (name: string, fallback: number): number => {
    const raw = read(name, false, String(fallback));
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < 1 || value > 65535) problems.push(`${name} must be a port number 1-65535 (got "${raw}")`);
    return value;
  };
  // An IP address, or a hostname the system resolves (letters, digits, hyphens, dots).
  const host = (name: string): string => {
    const value = read(name, false, '127.0.0.1');
    const hostname = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;
    if (isIP(value) === 0 && !hostname.test(value)) problems.push(`${name} must be an IP address or a hostname, e.g. 127.0.0.1 or 0.0.0.0 (got "${value}")`);
    return value;
  };
  const url = (name: string, protocols: string[], required = true): string => {
    const value = read(name, required);
    if (value === '') return value;
    try {
      const parsed = new URL(value);
      if (!protocols.includes(parsed.protocol)) problems.push(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
    } catch {
      problems.push(`${name} is not a valid URL`);
    }
    return value;
  };

  const nodeEnv = oneOf('NODE_ENV', NODE_ENVS, 'development');
  const config: AppConfig = {
    nodeEnv,
    logLevel: oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    databaseUrl: url('DATABASE_URL', ['postgres:', 'postgresql:']),
    redisUrl: consumer === 'cli' ? read('REDIS_URL', false) : url('REDIS_URL', ['redis:', 'rediss:']),
    port: port('PORT', 3000),
    workerPort: port('WORKER_PORT', 3001),
    host: host('HOST'),
    workerHost: host('WORKER_HOST'),
    jwtSecret: read('JWT_SECRET', needsLogin),
    tokenTtlMinutes: 0,
    adminEmail: read('ADMIN_EMAIL', needsLogin).toLowerCase(),
    adminPassword: read('ADMIN_PASSWORD', needsLogin),
    smtpUrl: url('SMTP_URL', ['smtp:', 'smtps:'], sends),
    mailFrom: read('MAIL_FROM', false, 'Oefenkansen Kortrijk <oefenkansen@kortrijk.invalid>'),
    smsGatewayUrl: url('SMS_GATEWAY_URL', ['http:', 'https:'], sends),
    smsGatewayToken: read('SMS_GATEWAY_TOKEN', false) || null,
    corsOrigins: [],
    trustProxy: false,
    rateLimits: { publicPerMinute: 0, userPerMinute: 0, loginPerIp: 0, loginPerAccount: 0, lockoutSeconds: 0 },
    smsCodeCountries: [],
    smsCodeBudgetPerHour: 0,
    retentionMonths: 0,
    contactPhone: null,
    publicBaseUrl: '',
    personalLinkSecret: '',
    smsWebhookSecret: null,
    responseCacheTtlSeconds: 0,
  };
  const wholeNumber = (name: string, fallback: number, min: number, max: number, unit: string): number => {
    const raw = read(name, false, String(fallback));
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) problems.push(`${name} must be a whole number of ${unit} from ${min} to ${max} (got "${raw}")`);
    return value;
  };
  config.rateLimits = {
    publicPerMinute: wholeNumber('RATE_LIMIT_PUBLIC_PER_MINUTE', 300, 1, 1_000_000, 'requests'),
    userPerMinute: wholeNumber('RATE_LIMIT_USER_PER_MINUTE', 1200, 1, 1_000_000, 'requests'),
    loginPerIp: wholeNumber('RATE_LIMIT_LOGIN_PER_IP', 20, 1, 1_000_000, 'attempts'),
    loginPerAccount: wholeNumber('RATE_LIMIT_LOGIN_PER_ACCOUNT', 10, 1, 1_000_000, 'attempts'),
    lockoutSeconds: wholeNumber('LOGIN_LOCKOUT_SECONDS', 30, 1, 900, 'seconds'),
  };
  config.smsCodeBudgetPerHour = wholeNumber('SMS_CODE_BUDGET_PER_HOUR', 100, 1, 100_000, 'messages');
  config.smsCodeCountries = read('SMS_CODE_COUNTRIES', false, 'BE')
    .split(',')
    .map((country) => country.trim().toUpperCase())
    .filter((country) => country !== '');
  const unknownCountries = config.smsCodeCountries.filter((country) => !/^[A-Z]{2}$/.test(country) || !isSupportedCountry(country));
  if (unknownCountries.length > 0 || config.smsCodeCountries.length === 0) {
    problems.push(`SMS_CODE_COUNTRIES must be a comma-separated list of ISO country codes like "BE,NL" (got "${env.SMS_CODE_COUNTRIES ?? ''}")`);
  }
  config.retentionMonths = wholeNumber('RETENTION_MONTHS', 24, 1, 240, 'months');
  config.responseCacheTtlSeconds = wholeNumber('RESPONSE_CACHE_TTL_SECONDS', 30, 0, 3600, 'seconds');
  const contactPhone = read('CONTACT_PHONE', false);
  if (contactPhone !== '') {
    try {
      if (!/^[+0-9 ()./-]{1,30}$/.test(contactPhone)) throw new Error('not a number');
      const phone = parsePhoneNumberWithError(contactPhone, 'BE');
      if (!phone.isValid()) throw new Error('invalid');
      config.contactPhone = phone.format('E.164');
    } catch {
      problems.push(`CONTACT_PHONE must be a phone number, Belgian like "056 27 74 00" or international with +country code (got "${contactPhone}")`);
    }
  }
  config.corsOrigins = read('CORS_ORIGINS', false)
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  for (const origin of config.corsOrigins) {
    // An origin is scheme://host[:port] exactly as browsers send it: no path, no trailing slash, no wildcard.
    let valid = false;
    try {
      const parsed = new URL(origin);
      valid = ['http:', 'https:'].includes(parsed.protocol) && parsed.origin === origin;
    } catch {
      valid = false;
    }
    if (!valid) problems.push(`CORS_ORIGINS must be a comma-separated list of origins like https://oefenkansen.kortrijk.be (got "${origin}")`);
  }
  const trustProxy = read('TRUST_PROXY', false, 'false');
  if (trustProxy === 'false' || trustProxy === 'true') config.trustProxy = trustProxy === 'true';
  else if (/^\d{1,2}$/.test(trustProxy)) config.trustProxy = Number(trustProxy);
  else if (/^(loopback|linklocal|uniquelocal|[0-9a-f.:/]+)(\s*,\s*(loopback|linklocal|uniquelocal|[0-9a-f.:/]+))*$/i.test(trustProxy))
    config.trustProxy = trustProxy;
  else problems.push(`TRUST_PROXY must be false, true, a number of proxy hops, or addresses/subnets like "loopback, 10.0.0.0/8" (got "${trustProxy}")`);

  // Mail links need an absolute address; by default the API's own port, which serves the web app.
  config.publicBaseUrl = url('PUBLIC_BASE_URL', ['http:', 'https:'], false).replace(/\/+$/, '') || `http://localhost:${config.port}`;

  // Both the API and the worker must derive the same tokens. Outside production an unset key is
  // derived from DATABASE_URL, which both processes share, so the demo and tests need no extra setting.
  const linkSecret = read('PERSONAL_LINK_SECRET', consumer !== 'cli' && nodeEnv === 'production');
  if (linkSecret !== '') {
    if (linkSecret.length < 32) problems.push('PERSONAL_LINK_SECRET must be at least 32 characters');
    if (/change-?me/i.test(linkSecret)) problems.push('PERSONAL_LINK_SECRET is still the placeholder from .env.example; set a random value');
    config.personalLinkSecret = linkSecret;
  } else config.personalLinkSecret = createHash('sha256').update(`oefenkansen-development-links|${config.databaseUrl}`).digest('hex');

  const webhookSecret = read('SMS_WEBHOOK_SECRET', false);
  if (webhookSecret !== '') {
    if (webhookSecret.length < 32) problems.push('SMS_WEBHOOK_SECRET must be at least 32 characters');
    if (/change-?me/i.test(webhookSecret))
      problems.push('SMS_WEBHOOK_SECRET is still the placeholder from .env.example; set the random value the SMS gateway signs with');
    config.smsWebhookSecret = webhookSecret;
  }

  const ttlRaw = read('TOKEN_TTL_MINUTES', false, '720');
  config.tokenTtlMinutes = Number(ttlRaw);
  if (!/^\d+$/.test(ttlRaw) || config.tokenTtlMinutes < 5 || config.tokenTtlMinutes > 43200) {
    problems.push(`TOKEN_TTL_MINUTES must be a whole number of minutes from 5 to 43200 (got "${ttlRaw}")`);
  }
  const domain = mailDomain(config.mailFrom);
  if (domain === null)
    problems.push(`MAIL_FROM must be an e-mail address, optionally with a name: "Oefenkansen Kortrijk <oefenkansen@kortrijk.be>" (got "${config.mailFrom}")`);
  // The default's .invalid domain (RFC 2606) receives no replies and fails SPF/DMARC: a production worker would send mail that lands in spam.
  else if (sends && nodeEnv === 'production' && /(^|\.)invalid$/i.test(domain)) {
    problems.push(`MAIL_FROM must be a real sender address in production, not one at .invalid (got "${config.mailFrom}")`);
  }
  if (needsLogin) {
    if (config.jwtSecret && config.jwtSecret.length < 32) problems.push('JWT_SECRET must be at least 32 characters');
    // docker/.env.example ships placeholders; starting with one would make tokens forgeable.
    for (const [name, value] of [
      ['JWT_SECRET', config.jwtSecret],
      ['ADMIN_PASSWORD', config.adminPassword],
    ]) {
      if (/change-?me/i.test(value)) problems.push(`${name} is still the placeholder from .env.example; set a random value`);
    }
    if (config.adminEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(config.adminEmail)) problems.push('ADMIN_EMAIL is not a valid e-mail address');
    if (config.adminPassword && config.adminPassword.length < 12) problems.push('ADMIN_PASSWORD must be at least 12 characters');
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
