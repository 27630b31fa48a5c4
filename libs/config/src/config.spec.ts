import { ConfigError, loadConfig } from './config';

const valid = {
  DATABASE_URL: 'postgres://u:p@localhost:5432/db',
  REDIS_URL: 'redis://127.0.0.1:6379',
  JWT_SECRET: 'x'.repeat(32),
  ADMIN_EMAIL: 'Admin@Kortrijk.be',
  ADMIN_PASSWORD: 'long-enough-password',
};

describe('loadConfig', () => {
  it('reads a valid environment with defaults', () => {
    const config = loadConfig(valid, 'api');
    expect(config).toMatchObject({ port: 3000, workerPort: 3001, nodeEnv: 'development', logLevel: 'info', adminEmail: 'admin@kortrijk.be', tokenTtlMinutes: 720 });
  });

  it('names every missing variable in one error', () => {
    try {
      loadConfig({}, 'api');
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      for (const name of ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'ADMIN_EMAIL', 'ADMIN_PASSWORD']) expect(message).toContain(`${name} is required`);
    }
  });

  it('rejects wrong values with the variable name', () => {
    expect(() => loadConfig({ ...valid, PORT: 'abc' }, 'api')).toThrow(/PORT must be a port number/);
    expect(() => loadConfig({ ...valid, DATABASE_URL: 'mysql://x' }, 'api')).toThrow(/DATABASE_URL must start with postgres:/);
    expect(() => loadConfig({ ...valid, LOG_LEVEL: 'loud' }, 'api')).toThrow(/LOG_LEVEL must be one of/);
    expect(() => loadConfig({ ...valid, JWT_SECRET: 'short' }, 'api')).toThrow(/JWT_SECRET must be at least 32/);
    expect(() => loadConfig({ ...valid, NODE_ENV: 'staging' }, 'api')).toThrow(/NODE_ENV must be one of/);
  });

  it('refuses the placeholders of docker/.env.example', () => {
    expect(() => loadConfig({ ...valid, JWT_SECRET: 'change-me-to-64-random-characters' }, 'api')).toThrow(/JWT_SECRET is still the placeholder/);
    expect(() => loadConfig({ ...valid, ADMIN_PASSWORD: 'change-me-admin-password' }, 'api')).toThrow(/ADMIN_PASSWORD is still the placeholder/);
  });

  it('does not ask the worker for login secrets, but for its mail and SMS routes', () => {
    const worker = { DATABASE_URL: valid.DATABASE_URL, REDIS_URL: valid.REDIS_URL, SMTP_URL: 'smtp://mail.example.org:587', SMS_GATEWAY_URL: 'https://sms.example.org/messages' };
    expect(loadConfig(worker, 'worker').smtpUrl).toBe('smtp://mail.example.org:587');
    expect(() => loadConfig({ ...worker, SMTP_URL: '' }, 'worker')).toThrow(/SMTP_URL is required/);
    expect(() => loadConfig({ ...worker, SMS_GATEWAY_URL: 'ftp://x' }, 'worker')).toThrow(/SMS_GATEWAY_URL must start with http:\/\/ or https:\/\//);
    // The API writes messages to the outbox but never sends them.
    expect(loadConfig({ ...valid, SMTP_URL: '' }, 'api').smtpUrl).toBe('');
  });
});
