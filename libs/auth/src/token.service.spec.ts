import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '@app/config';
import { TokenService } from './token.service';

describe('TokenService', () => {
  const config = { jwtSecret: 'a-token-secret-of-at-least-thirty-two-characters', tokenTtlMinutes: 60 } as AppConfig;
  const tokens = () => new TokenService(new JwtService(), config);
  afterEach(() => jest.useRealTimers());

  it('verifies a token it signed, again and again, and refuses one whose signature was changed', () => {
    const service = tokens();
    const token = service.sign('user-1', 3);
    expect(service.verify(token)).toMatchObject({ sub: 'user-1', ver: 3 });
    expect(service.verify(token)).toMatchObject({ sub: 'user-1', ver: 3 });
    const [header, payload, signature] = token.split('.');
    const forged = `${header}.${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(service.verify(forged)).toBeNull();
    expect(service.verify(`${header}.${Buffer.from('{"sub":"admin","ver":0,"exp":9999999999}').toString('base64url')}.${signature}`)).toBeNull();
  });

  it('refuses a token signed with another secret, or by another issuer', () => {
    const other = new TokenService(new JwtService(), { ...config, jwtSecret: 'another-secret-of-at-least-thirty-two-chars' });
    expect(tokens().verify(other.sign('user-1', 1))).toBeNull();
    const foreign = new JwtService().sign({ sub: 'user-1', ver: 1 }, { secret: config.jwtSecret, expiresIn: 60, issuer: 'elsewhere' });
    expect(tokens().verify(foreign)).toBeNull();
  });

  it('refuses a token from the second its expiry names, also one it verified before', () => {
    jest.useFakeTimers({ now: new Date('2026-12-08T10:00:00Z') });
    const service = tokens();
    const token = service.sign('user-1', 1);
    expect(service.verify(token)).not.toBeNull();
    jest.setSystemTime(new Date('2026-12-08T10:59:59Z'));
    expect(service.verify(token)).not.toBeNull();
    jest.setSystemTime(new Date('2026-12-08T11:00:00Z'));
    expect(service.verify(token)).toBeNull();
    // A fresh service, which never saw the token, decides the same.
    expect(tokens().verify(token)).toBeNull();
  });
});
