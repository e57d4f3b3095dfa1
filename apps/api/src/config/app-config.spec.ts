import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('has working defaults for `npm start`', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      mode: 'demo',
      mongoUri: null,
      mongoDb: 'klasteris',
      accessTokenTtlSeconds: 900,
      publicUrl: 'http://localhost:3000',
    });
    expect(c.dataDir).toMatch(/\/data$/);
    expect(c.jwtSecretGenerated).toBe(true);
  });

  it('believes no X-Forwarded-For unless TRUST_PROXY says whose; allows the Angular dev server only outside production', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'off' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'loopback,uniquelocal' }).trustProxy).toBe('loopback,uniquelocal');
    expect(loadConfig({}).allowedOrigins).toEqual(['http://localhost:3000', 'http://127.0.0.1:3000', 'http://localhost:4200']);
    const prod = loadConfig({
      KLASTERIS_MODE: 'production',
      JWT_SECRET: 'x'.repeat(40),
      MAIL_DISABLED: 'true',
      PUBLIC_URL: 'https://klasteris.example',
    });
    expect(prod.allowedOrigins).toEqual(['https://klasteris.example', 'http://127.0.0.1:3000']);
  });

  it('names every bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', KLASTERIS_MODE: 'staging', REDIS_URL: 'x' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', KLASTERIS_MODE: 'staging' });
    } catch (e) {
      expect((e as Error).message).toMatch(/PORT="eighty"/);
      expect((e as Error).message).toMatch(/KLASTERIS_MODE="staging"/);
    }
  });

  it('requires a JWT secret in production', () => {
    expect(() => loadConfig({ KLASTERIS_MODE: 'production' })).toThrow(/JWT_SECRET is required/);
    expect(loadConfig({ KLASTERIS_MODE: 'production', JWT_SECRET: 'x'.repeat(40), MAIL_DISABLED: 'true' }).isDemo).toBe(false);
  });

  it('refuses production without a mail server unless mail is disabled', () => {
    const prod = { KLASTERIS_MODE: 'production', JWT_SECRET: 'x'.repeat(40) };
    expect(() => loadConfig(prod)).toThrow(/SMTP_URL is required in production mode[\s\S]*MAIL_DISABLED=true/);
    expect(loadConfig({ ...prod, MAIL_DISABLED: 'true' }).mail.mode).toBe('disabled');
    const c = loadConfig({ ...prod, SMTP_URL: 'smtps://u:p@mail.example.org:465', MAIL_FROM: 'Cluster <hello@cluster.example>' });
    expect(c.mail).toMatchObject({
      mode: 'smtp',
      smtpUrl: 'smtps://u:p@mail.example.org:465',
      from: 'Cluster <hello@cluster.example>',
      clusterName: 'Klasteris',
    });
  });

  it('uses the demo mail catcher in demo mode and validates the mail variables', () => {
    expect(loadConfig({}).mail).toMatchObject({
      mode: 'mailpit',
      from: 'INFOBALT ICT Cluster <no-reply@localhost>',
      leaseSeconds: 60,
      retryBaseSeconds: 30,
    });
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example' })).toThrow(/SMTP_URL must be an smtp/);
    expect(() => loadConfig({ MAIL_FROM: 'a@b.example\r\nBcc: x@y.example' })).toThrow(/MAIL_FROM/);
    expect(() => loadConfig({ MAIL_DISABLED: 'yes' })).toThrow(/MAIL_DISABLED/);
  });

  it('parses lists and numbers', () => {
    const c = loadConfig({
      ALLOWED_ORIGINS: 'https://a.example, https://b.example',
      PORT: '8080',
      PUBLIC_URL: 'https://klasteris.example/',
    });
    expect(c.allowedOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(c.port).toBe(8080);
    expect(c.publicUrl).toBe('https://klasteris.example');
    expect(c.cookieSecure).toBe(true);
  });
});
