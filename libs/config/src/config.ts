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
    jwtSecret: read('JWT_SECRET', needsLogin),
    tokenTtlMinutes: 0,
    adminEmail: read('ADMIN_EMAIL', needsLogin).toLowerCase(),
    adminPassword: read('ADMIN_PASSWORD', needsLogin),
    smtpUrl: url('SMTP_URL', ['smtp:', 'smtps:'], sends),
    mailFrom: read('MAIL_FROM', false, 'Oefenkansen Kortrijk <oefenkansen@kortrijk.invalid>'),
    smsGatewayUrl: url('SMS_GATEWAY_URL', ['http:', 'https:'], sends),
    smsGatewayToken: read('SMS_GATEWAY_TOKEN', false) || null,
  };

  const ttlRaw = read('TOKEN_TTL_MINUTES', false, '720');
  config.tokenTtlMinutes = Number(ttlRaw);
  if (!/^\d+$/.test(ttlRaw) || config.tokenTtlMinutes < 5 || config.tokenTtlMinutes > 43200) {
    problems.push(`TOKEN_TTL_MINUTES must be a whole number of minutes from 5 to 43200 (got "${ttlRaw}")`);
  }
  if (needsLogin) {
    if (config.jwtSecret && config.jwtSecret.length < 32) problems.push('JWT_SECRET must be at least 32 characters');
    // docker/.env.example ships placeholders; starting with one would make tokens forgeable.
    for (const [name, value] of [['JWT_SECRET', config.jwtSecret], ['ADMIN_PASSWORD', config.adminPassword]]) {
      if (/change-?me/i.test(value)) problems.push(`${name} is still the placeholder from .env.example; set a random value`);
    }
    if (config.adminEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(config.adminEmail)) problems.push('ADMIN_EMAIL is not a valid e-mail address');
    if (config.adminPassword && config.adminPassword.length < 12) problems.push('ADMIN_PASSWORD must be at least 12 characters');
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
