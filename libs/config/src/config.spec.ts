import { ConfigError, loadConfig, mailDomain } from './config';

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
    expect(config).toMatchObject({
      port: 3000,
      workerPort: 3001,
      nodeEnv: 'development',
      logLevel: 'info',
      adminEmail: 'admin@kortrijk.be',
      tokenTtlMinutes: 720,
    });
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

  it('listens on loopback unless HOST and WORKER_HOST say otherwise, and refuses what is no address', () => {
    expect(loadConfig(valid, 'api')).toMatchObject({ host: '127.0.0.1', workerHost: '127.0.0.1' });
    expect(loadConfig({ ...valid, HOST: '0.0.0.0', WORKER_HOST: '::' }, 'api')).toMatchObject({ host: '0.0.0.0', workerHost: '::' });
    expect(loadConfig({ ...valid, HOST: 'api.internal', WORKER_HOST: 'localhost' }, 'api')).toMatchObject({ host: 'api.internal', workerHost: 'localhost' });
    try {
      loadConfig({ ...valid, HOST: 'http://0.0.0.0', WORKER_HOST: '0.0.0.0:3001' }, 'api');
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect((error as Error).message).toContain('HOST must be an IP address or a hostname, e.g. 127.0.0.1 or 0.0.0.0 (got "http://0.0.0.0")');
      expect((error as Error).message).toContain('WORKER_HOST must be an IP address or a hostname, e.g. 127.0.0.1 or 0.0.0.0 (got "0.0.0.0:3001")');
    }
  });

  it('rejects wrong values with the variable name', () => {
    expect(() => loadConfig({ ...valid, PORT: 'abc' }, 'api')).toThrow(/PORT must be a port number/);
    expect(() => loadConfig({ ...valid, DATABASE_URL: 'mysql://x' }, 'api')).toThrow(/DATABASE_URL must start with postgres:/);
    expect(() => loadConfig({ ...valid, LOG_LEVEL: 'loud' }, 'api')).toThrow(/LOG_LEVEL must be one of/);
    expect(() => loadConfig({ ...valid, JWT_SECRET: 'short' }, 'api')).toThrow(/JWT_SECRET must be at least 32/);
    expect(() => loadConfig({ ...valid, NODE_ENV: 'staging' }, 'api')).toThrow(/NODE_ENV must be one of/);
  });

  it('refuses a production worker whose MAIL_FROM is the .invalid default, in the all-problems message; demo and tests keep it', () => {
    const worker = { ...valid, SMTP_URL: 'smtp://127.0.0.1:25', SMS_GATEWAY_URL: 'http://127.0.0.1:9/messages' };
    try {
      loadConfig({ ...worker, NODE_ENV: 'production', PORT: 'abc' }, 'worker');
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect((error as Error).message).toContain(
        'MAIL_FROM must be a real sender address in production, not one at .invalid (got "Oefenkansen Kortrijk <oefenkansen@kortrijk.invalid>")',
      );
      expect((error as Error).message).toContain('PORT must be a port number');
    }
    expect(() => loadConfig({ ...worker, NODE_ENV: 'production', MAIL_FROM: 'x@mail.example.INVALID' }, 'worker')).toThrow(
      /MAIL_FROM must be a real sender address/,
    );
    expect(
      loadConfig({ ...worker, NODE_ENV: 'production', PERSONAL_LINK_SECRET: 'k'.repeat(32), MAIL_FROM: 'Oefenkansen <oefenkansen@kortrijk.be>' }, 'worker')
        .mailFrom,
    ).toBe('Oefenkansen <oefenkansen@kortrijk.be>');
    for (const nodeEnv of ['development', 'test']) expect(loadConfig({ ...worker, NODE_ENV: nodeEnv }, 'worker').mailFrom).toMatch(/@kortrijk\.invalid>$/);
    expect(() => loadConfig({ ...worker, MAIL_FROM: 'Oefenkansen <nobody>' }, 'worker')).toThrow(/MAIL_FROM must be an e-mail address/);
  });

  it('reads CONTACT_PHONE as E.164, optional, and names it when it is no phone number', () => {
    expect(loadConfig(valid, 'api').contactPhone).toBeNull();
    expect(loadConfig({ ...valid, CONTACT_PHONE: '056 27 74 00' }, 'api').contactPhone).toBe('+3256277400');
    expect(
      loadConfig({ ...valid, SMTP_URL: 'smtp://127.0.0.1:25', SMS_GATEWAY_URL: 'http://127.0.0.1:9/messages', CONTACT_PHONE: '+32 56 27 74 00' }, 'worker')
        .contactPhone,
    ).toBe('+3256277400');
    for (const bad of ['12', 'bel ons', '056 27 74 00 of 056 27 74 01']) {
      expect(() => loadConfig({ ...valid, CONTACT_PHONE: bad, PORT: 'abc' }, 'api')).toThrow(
        new RegExp(`PORT must be[\\s\\S]*CONTACT_PHONE must be a phone number[^\\n]*got "${bad}"`),
      );
    }
  });

  it('reads the sender domain from MAIL_FROM, with or without a display name', () => {
    expect(mailDomain('Oefenkansen Kortrijk <oefenkansen@Kortrijk.be>')).toBe('kortrijk.be');
    expect(mailDomain('noreply@mail.kortrijk.be')).toBe('mail.kortrijk.be');
    expect(mailDomain('"A <b@c>" <d@e.org>')).toBe('e.org');
    expect(mailDomain('localhost-only@host')).toBeNull();
  });

  it('reads CORS origins, the proxies to trust and the rate limits, with safe defaults', () => {
    expect(loadConfig(valid, 'api')).toMatchObject({
      corsOrigins: [],
      trustProxy: false,
      rateLimits: { publicPerMinute: 300, userPerMinute: 1200, loginPerIp: 20, loginPerAccount: 10, lockoutSeconds: 30 },
      smsCodeCountries: ['BE'],
      smsCodeBudgetPerHour: 100,
    });
    const tuned = loadConfig(
      {
        ...valid,
        CORS_ORIGINS: 'https://oefenkansen.kortrijk.be, http://localhost:5173',
        TRUST_PROXY: 'loopback, 10.0.0.0/8',
        RATE_LIMIT_LOGIN_PER_IP: '5',
        LOGIN_LOCKOUT_SECONDS: '60',
      },
      'api',
    );
    expect(tuned).toMatchObject({
      corsOrigins: ['https://oefenkansen.kortrijk.be', 'http://localhost:5173'],
      trustProxy: 'loopback, 10.0.0.0/8',
      rateLimits: { loginPerIp: 5, lockoutSeconds: 60 },
    });
    expect(loadConfig({ ...valid, TRUST_PROXY: '1' }, 'api').trustProxy).toBe(1);
    expect(() => loadConfig({ ...valid, CORS_ORIGINS: 'https://kortrijk.be/app' }, 'api')).toThrow(
      /CORS_ORIGINS must be a comma-separated list of origins.*kortrijk\.be\/app/,
    );
    expect(() => loadConfig({ ...valid, CORS_ORIGINS: '*' }, 'api')).toThrow(/CORS_ORIGINS/);
    expect(() => loadConfig({ ...valid, TRUST_PROXY: 'everyone' }, 'api')).toThrow(/TRUST_PROXY must be/);
    expect(() => loadConfig({ ...valid, RATE_LIMIT_PUBLIC_PER_MINUTE: '0' }, 'api')).toThrow(
      /RATE_LIMIT_PUBLIC_PER_MINUTE must be a whole number of requests from 1/,
    );
    expect(() => loadConfig({ ...valid, LOGIN_LOCKOUT_SECONDS: '3600' }, 'api')).toThrow(
      /LOGIN_LOCKOUT_SECONDS must be a whole number of seconds from 1 to 900/,
    );
    expect(() => loadConfig({ ...valid, SMS_CODE_COUNTRIES: 'BE,XX' }, 'api')).toThrow(
      /SMS_CODE_COUNTRIES must be a comma-separated list of ISO country codes like "BE,NL" \(got "BE,XX"\)/,
    );
    expect(() => loadConfig({ ...valid, SMS_CODE_BUDGET_PER_HOUR: '0' }, 'api')).toThrow(/SMS_CODE_BUDGET_PER_HOUR must be a whole number of messages from 1/);
    expect(loadConfig({ ...valid, SMS_CODE_COUNTRIES: ' be, nl ' }, 'api').smsCodeCountries).toEqual(['BE', 'NL']);
  });

  it('refuses the placeholders of docker/.env.example', () => {
    expect(() => loadConfig({ ...valid, JWT_SECRET: 'change-me-to-64-random-characters' }, 'api')).toThrow(/JWT_SECRET is still the placeholder/);
    expect(() => loadConfig({ ...valid, ADMIN_PASSWORD: 'change-me-admin-password' }, 'api')).toThrow(/ADMIN_PASSWORD is still the placeholder/);
  });

  it('needs the personal-link key in production for API and worker, and derives the same one for both elsewhere', () => {
    const production = {
      ...valid,
      NODE_ENV: 'production',
      SMTP_URL: 'smtp://mail.example.org:587',
      SMS_GATEWAY_URL: 'https://sms.example.org/m',
      MAIL_FROM: 'a@kortrijk.be',
    };
    expect(() => loadConfig(production, 'api')).toThrow(/PERSONAL_LINK_SECRET is required/);
    expect(() => loadConfig(production, 'worker')).toThrow(/PERSONAL_LINK_SECRET is required/);
    expect(() => loadConfig({ ...production, PERSONAL_LINK_SECRET: 'short' }, 'api')).toThrow(/PERSONAL_LINK_SECRET must be at least 32/);
    expect(() => loadConfig({ ...production, PERSONAL_LINK_SECRET: 'change-me-to-64-random-characters-as-well' }, 'api')).toThrow(
      /PERSONAL_LINK_SECRET is still the placeholder/,
    );
    expect(loadConfig({ ...production, PERSONAL_LINK_SECRET: 'k'.repeat(40) }, 'worker').personalLinkSecret).toBe('k'.repeat(40));
    const api = loadConfig(valid, 'api').personalLinkSecret;
    expect(api).toHaveLength(64);
    expect(loadConfig({ ...valid, SMTP_URL: 'smtp://m:25', SMS_GATEWAY_URL: 'http://s/m' }, 'worker').personalLinkSecret).toBe(api);
    expect(loadConfig({ ...valid, DATABASE_URL: 'postgres://u:p@localhost:5432/other' }, 'api').personalLinkSecret).not.toBe(api);
  });

  it('takes the SMS webhook key when set (at least 32 characters, not the placeholder) and leaves the webhook off when not', () => {
    expect(loadConfig(valid, 'api').smsWebhookSecret).toBeNull();
    expect(loadConfig({ ...valid, SMS_WEBHOOK_SECRET: 'w'.repeat(32) }, 'api').smsWebhookSecret).toBe('w'.repeat(32));
    expect(() => loadConfig({ ...valid, SMS_WEBHOOK_SECRET: 'too-short' }, 'api')).toThrow(/SMS_WEBHOOK_SECRET must be at least 32/);
    expect(() => loadConfig({ ...valid, SMS_WEBHOOK_SECRET: 'change-me-to-the-secret-of-the-sms-gateway' }, 'api')).toThrow(
      /SMS_WEBHOOK_SECRET is still the placeholder/,
    );
  });

  it('does not ask the worker for login secrets, but for its mail and SMS routes', () => {
    const worker = {
      DATABASE_URL: valid.DATABASE_URL,
      REDIS_URL: valid.REDIS_URL,
      SMTP_URL: 'smtp://mail.example.org:587',
      SMS_GATEWAY_URL: 'https://sms.example.org/messages',
    };
    expect(loadConfig(worker, 'worker').smtpUrl).toBe('smtp://mail.example.org:587');
    expect(() => loadConfig({ ...worker, SMTP_URL: '' }, 'worker')).toThrow(/SMTP_URL is required/);
    expect(() => loadConfig({ ...worker, SMS_GATEWAY_URL: 'ftp://x' }, 'worker')).toThrow(/SMS_GATEWAY_URL must start with http:\/\/ or https:\/\//);
    // The API writes messages to the outbox but never sends them.
    expect(loadConfig({ ...valid, SMTP_URL: '' }, 'api').smtpUrl).toBe('');
  });

  it('keeps inactive participants 24 months unless RETENTION_MONTHS says otherwise (1-240)', () => {
    expect(loadConfig(valid, 'api').retentionMonths).toBe(24);
    expect(loadConfig({ ...valid, RETENTION_MONTHS: '36' }, 'api').retentionMonths).toBe(36);
    for (const wrong of ['0', '241', '12.5', 'two years']) {
      expect(() => loadConfig({ ...valid, RETENTION_MONTHS: wrong }, 'api')).toThrow(/RETENTION_MONTHS must be a whole number of months from 1 to 240/);
    }
  });
});
