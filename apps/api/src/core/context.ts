/**
 * What a module's services need from the platform, passed in rather than imported, so services can be
 * tested against any database and without HTTP.
 */
import type { Config } from '../config.ts';
import type { Database } from './db/database.ts';
import type { Channel } from './messaging/outbox.ts';

export interface Logger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface AppContext {
  db: Database;
  config: Config;
  log: Logger;
  /** Whether the configured sender can deliver on this channel. */
  canSend(channel: Channel): boolean;
  /** Asks the job queue to deliver the outbox now (after the transaction that filled it has committed). */
  kickMessageDelivery(): void;
}
