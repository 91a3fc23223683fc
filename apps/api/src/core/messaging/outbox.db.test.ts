import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { deliverPendingMessages, type MessageSender } from './outbox.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ jobs: true });
});
afterAll(async () => t?.dispose());

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('message outbox', () => {
  it('is delivered by the durable job queue after registration', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { login: 'queue@example.vn', password: 'thư gửi đi nhanh chóng', fullName: 'Hàng Đợi' } });
    expect(response.statusCode).toBe(201);
    let status = 'pending';
    for (let i = 0; i < 60 && status !== 'sent'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      status = (await t.handle.db.selectFrom('outbox_messages').select('status').where('recipient', '=', 'queue@example.vn').executeTakeFirstOrThrow()).status;
    }
    expect(status).toBe('sent');
  });

  it('retries failed sends and gives up after five attempts', async () => {
    await t.handle.db.insertInto('outbox_messages').values({ channel: 'email', recipient: 'fail@example.vn', subject: 's', body: 'b' }).execute();
    const failing: MessageSender = { name: 'broken', supports: () => true, send: async () => { throw new Error('smtp down'); } };
    for (let i = 0; i < 5; i += 1) await deliverPendingMessages(t.handle.db, failing, silent);
    const row = await t.handle.db.selectFrom('outbox_messages').selectAll().where('recipient', '=', 'fail@example.vn').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'failed', attempts: 5, last_error: 'smtp down' });
    const working: MessageSender = { name: 'smtp', supports: () => true, send: async () => undefined };
    await t.handle.db.insertInto('outbox_messages').values({ channel: 'email', recipient: 'ok@example.vn', subject: 's', body: 'code 123456', code: '123456' }).execute();
    expect(await deliverPendingMessages(t.handle.db, working, silent)).toBeGreaterThanOrEqual(1);
    const sent = await t.handle.db.selectFrom('outbox_messages').selectAll().where('recipient', '=', 'ok@example.vn').executeTakeFirstOrThrow();
    expect(sent).toMatchObject({ status: 'sent', body: '[delivered]', code: null });
  });
});
