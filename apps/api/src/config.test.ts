import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('gives working defaults for the embedded demo', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeNull();
    expect(config.dataDir.endsWith('/data')).toBe(true);
    expect(config.seedDemo).toBe(true);
    expect(config.messages.sender).toBe('dev');
    expect(config.passwordHash).toEqual({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
  });

  it('lists every problem at once', () => {
    let caught: unknown;
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', NODE_ENV: 'production', SEED_DEMO: 'true', LOG_LEVEL: 'loud' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PORT/);
    expect(problems).toMatch(/DATABASE_URL/);
    expect(problems).toMatch(/SEED_DEMO/);
    expect(problems).toMatch(/SMTP_URL/);
    expect(problems).toMatch(/LOG_LEVEL/);
    expect((caught as ConfigError).problems.length).toBeGreaterThanOrEqual(5);
  });

  it('refuses weak password hashing and the dev sender in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', ARGON2_MEMORY_KIB: '1024', SMTP_URL: 'smtp://mail:25' })).toThrow(/ARGON2_MEMORY_KIB/);
    expect(() => loadConfig({ NODE_ENV: 'production', MESSAGE_SENDER: 'dev' })).toThrow(/MESSAGE_SENDER=dev/);
    // Production also needs its own secret for signing keys at rest (no development default there).
    expect(() => loadConfig({ NODE_ENV: 'production', SMTP_URL: 'smtp://mail:25', DATABASE_URL: 'postgres://db/onecity' })).toThrow(/SIGNING_KEY_SECRET/);
    const production = loadConfig({ NODE_ENV: 'production', SMTP_URL: 'smtp://mail:25', DATABASE_URL: 'postgres://db/onecity', SIGNING_KEY_SECRET: 'a-production-secret-of-at-least-32-chars' });
    expect(production.seedDemo).toBe(false);
    expect(production.messages.sender).toBe('smtp');
  });

  it('takes the Open311 jurisdiction from PUBLIC_URL unless it is set, and checks it', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://onecity.hue.gov.vn/' }).open311.jurisdictionId).toBe('onecity.hue.gov.vn');
    expect(loadConfig({ OPEN311_JURISDICTION_ID: 'hue.gov.vn' }).open311.jurisdictionId).toBe('hue.gov.vn');
    expect(() => loadConfig({ OPEN311_JURISDICTION_ID: 'hue gov/vn' })).toThrow(/OPEN311_JURISDICTION_ID/);
  });
});
