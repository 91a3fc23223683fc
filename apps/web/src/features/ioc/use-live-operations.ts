import { useCallback, useEffect, useState } from 'react';
import type { OperationsChange, OperationsCounters, OperationsFilter } from '@onecity/contracts';
import type { Resource } from '../../components/use-api-resource.ts';
import { getCounters, streamUrl } from './operations.api.ts';

/** How many recent changes the feed keeps. */
export const CHANGE_FEED_SIZE = 20;
/** Without server-sent events (old browsers, some proxies) the counters are read again this often. */
export const POLL_MS = 30_000;

export type Connection = 'connecting' | 'live' | 'polling';

export type LiveOperations = {
  counters: Resource<OperationsCounters>;
  changes: OperationsChange[];
  connection: Connection;
  /** Grows with each batch of changes, so lists and the map know to read again. */
  version: number;
  reload: () => void;
};

/** The newest change first, without duplicates (a reconnecting stream may repeat one), at most `size` of them. */
export function addChange(changes: readonly OperationsChange[], change: OperationsChange, size = CHANGE_FEED_SIZE): OperationsChange[] {
  const key = (entry: OperationsChange) => `${entry.source}-${entry.eventId}`;
  return [change, ...changes.filter((entry) => key(entry) !== key(change))].slice(0, size);
}

/**
 * The operations centre's live figures for a filter: read once, then kept current by the server-sent events of
 * /operations/stream (`counters` replaces them, `change` feeds the list of latest changes). The browser's EventSource
 * reconnects by itself; where there is none, the counters are polled instead.
 */
export function useLiveOperations(filter: OperationsFilter | null): LiveOperations {
  const [counters, setCounters] = useState<Resource<OperationsCounters>>({ status: 'loading' });
  const [changes, setChanges] = useState<OperationsChange[]>([]);
  const [connection, setConnection] = useState<Connection>('connecting');
  const [version, setVersion] = useState(0);
  const [attempt, setAttempt] = useState(0);
  const key = filter === null ? null : JSON.stringify(filter);

  useEffect(() => {
    if (key === null) return;
    const current = JSON.parse(key) as OperationsFilter;
    let isCurrent = true;
    setCounters({ status: 'loading' });
    setChanges([]);
    const read = () =>
      getCounters(current).then(
        (data) => isCurrent && setCounters({ status: 'ready', data }),
        (error: unknown) => isCurrent && setCounters({ status: 'error', error }),
      );
    void read();
    if (typeof EventSource === 'undefined') {
      setConnection('polling');
      const timer = setInterval(() => void read(), POLL_MS);
      return () => {
        isCurrent = false;
        clearInterval(timer);
      };
    }
    setConnection('connecting');
    const source = new EventSource(streamUrl(current), { withCredentials: true });
    source.addEventListener('open', () => isCurrent && setConnection('live'));
    source.addEventListener('error', () => isCurrent && setConnection('connecting'));
    source.addEventListener('counters', (event) => {
      if (!isCurrent) return;
      setCounters({ status: 'ready', data: JSON.parse((event as MessageEvent<string>).data) as OperationsCounters });
      setConnection('live');
    });
    source.addEventListener('change', (event) => {
      if (!isCurrent) return;
      const change = JSON.parse((event as MessageEvent<string>).data) as OperationsChange;
      setChanges((list) => addChange(list, change));
      setVersion((count) => count + 1);
    });
    return () => {
      isCurrent = false;
      source.close();
    };
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((count) => count + 1), []);
  return { counters, changes, connection, version, reload };
}
