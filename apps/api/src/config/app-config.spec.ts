import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('has working defaults for `npm start`', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, mode: 'demo', mongoUri: null, mongoDb: 'klasteris', accessTokenTtlSeconds: 900, publicUrl: 'http://localhost:3000' });
    expect(c.dataDir).toMatch(/\/data$/);
    expect(c.jwtSecretGenerated).toBe(true);
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
    expect(loadConfig({ KLASTERIS_MODE: 'production', JWT_SECRET: 'x'.repeat(40) }).isDemo).toBe(false);
  });

  it('parses lists and numbers', () => {
    const c = loadConfig({ ALLOWED_ORIGINS: 'https://a.example, https://b.example', PORT: '8080', PUBLIC_URL: 'https://klasteris.example/' });
    expect(c.allowedOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(c.port).toBe(8080);
    expect(c.publicUrl).toBe('https://klasteris.example');
    expect(c.cookieSecure).toBe(true);
  });
});
