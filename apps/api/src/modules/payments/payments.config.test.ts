import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.ts';
import { createProviders } from './providers/index.ts';

const PRODUCTION = { NODE_ENV: 'production', SEED_DEMO: 'false', MESSAGE_SENDER: 'smtp', SMTP_URL: 'smtp://mail.example:25', SIGNING_KEY_SECRET: 'x'.repeat(40) };
const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
};

describe('payment configuration', () => {
  it('runs the sandbox outside production and offers nothing by default in production', () => {
    const development = loadConfig({});
    expect(development.payments).toMatchObject({ providers: ['vietqr', 'vnpay'], isSandbox: true });
    expect(createProviders(development).offered).toEqual(['vietqr', 'vnpay']);
    const production = loadConfig(PRODUCTION);
    expect(production.payments).toMatchObject({ providers: [], isSandbox: false, vietqr: null, vnpay: null });
    expect(createProviders(production).offered).toEqual([]);
  });

  it('refuses the sandbox in production, and real providers without their credentials', () => {
    expect(problemsOf({ ...PRODUCTION, PAYMENT_PROVIDERS: 'sandbox' }).join('\n')).toMatch(/PAYMENT_PROVIDERS=sandbox is for development and demos only/);
    const missing = problemsOf({ ...PRODUCTION, PAYMENT_PROVIDERS: 'vietqr,vnpay' }).join('\n');
    for (const name of ['PAYMENT_VIETQR_BANK_BIN', 'PAYMENT_VIETQR_ACCOUNT_NUMBER', 'PAYMENT_BANK_FEED_SECRET', 'PAYMENT_VNPAY_TMN_CODE', 'PAYMENT_VNPAY_HASH_SECRET', 'PAYMENT_VNPAY_URL']) expect(missing).toContain(name);
    expect(problemsOf({ PAYMENT_PROVIDERS: 'sandbox,vnpay' }).join('\n')).toMatch(/cannot be combined/);
    expect(problemsOf({ PAYMENT_REFERENCE_PREFIX: 'hue1' }).join('\n')).toMatch(/PAYMENT_REFERENCE_PREFIX/);
  });

  it('accepts a production setup and refuses a bank outside the pinned list when the providers are built', () => {
    const env = {
      ...PRODUCTION,
      PAYMENT_PROVIDERS: 'vietqr,vnpay',
      PAYMENT_VIETQR_BANK_BIN: '970436',
      PAYMENT_VIETQR_ACCOUNT_NUMBER: '0071000123456',
      PAYMENT_VIETQR_ACCOUNT_NAME: 'UBND THANH PHO HUE',
      PAYMENT_BANK_FEED_SECRET: 's'.repeat(40),
      PAYMENT_VNPAY_TMN_CODE: 'HUECITY1',
      PAYMENT_VNPAY_HASH_SECRET: 'h'.repeat(32),
      PAYMENT_VNPAY_URL: 'https://gateway.example/paymentv2/vpcpay.html',
    };
    const providers = createProviders(loadConfig(env));
    expect([providers.vietqr?.bankName, providers.vnpay?.tmnCode, providers.isSandbox, providers.paygov]).toEqual(['Vietcombank', 'HUECITY1', false, null]);
    expect(() => createProviders(loadConfig({ ...env, PAYMENT_VIETQR_BANK_BIN: '999999' }))).toThrow(/pinned bank list/);
  });
});
