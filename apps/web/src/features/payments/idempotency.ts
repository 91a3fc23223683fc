import { ApiError, NetworkError } from '../../app/api.ts';

/**
 * Idempotency keys for the requests that create or change money. The API stores its first answer per key and replays
 * it, so a request sent twice never pays, refunds or resolves twice — provided both carry the same key. One key per
 * user action: the action is what is asked (method, path and body), so a double click joins the request already on
 * its way and a retry after a lost answer sends the same key again. Once the API has answered, the action is over and
 * its key is dropped: doing the same thing again later is a new action with a new key.
 */

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

interface PendingAction {
  key: string;
  /** The request on its way, joined by a second click. */
  inFlight: Promise<unknown> | null;
}

const pending = new Map<string, PendingAction>();

/** 128 random bits as hex (crypto.getRandomValues also works outside secure contexts, unlike randomUUID). */
function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Whether an error leaves it unknown if the action happened: no answer came, a proxy answered instead of the API, or
 * the API is still running the first request. Only then is the key kept for the retry.
 */
function isOutcomeUnknown(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  return error instanceof ApiError && (error.code === 'http.unexpected' || error.code === 'payments.idempotency_in_progress');
}

/**
 * Sends a money-changing request with the Idempotency-Key of its action (`action` names it: method, path, body).
 * @returns what `send` returns; a second call while the first is on its way returns the same promise.
 */
export function sendIdempotent<T>(action: string, send: (headers: Record<string, string>) => Promise<T>): Promise<T> {
  const known = pending.get(action);
  if (known?.inFlight) return known.inFlight as Promise<T>;
  const entry: PendingAction = known ?? { key: newKey(), inFlight: null };
  pending.set(action, entry);
  const request = send({ [IDEMPOTENCY_HEADER]: entry.key }).then(
    (result) => {
      pending.delete(action);
      return result;
    },
    (error: unknown) => {
      if (isOutcomeUnknown(error)) entry.inFlight = null;
      else pending.delete(action);
      throw error;
    },
  );
  entry.inFlight = request;
  return request;
}
