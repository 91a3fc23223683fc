import { useCallback, useEffect, useState } from 'react';
import { api } from '../app/api.ts';

export type Resource<T> = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; data: T };

/** Loads GET /api/v1<path> when the component mounts (and when the path changes); `reload` asks again. */
export function useApiResource<T>(path: string): [Resource<T>, () => void] {
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let isCurrent = true;
    setResource({ status: 'loading' });
    api
      .get<T>(path)
      .then((data) => isCurrent && setResource({ status: 'ready', data }))
      .catch((error: unknown) => isCurrent && setResource({ status: 'error', error }));
    return () => {
      isCurrent = false;
    };
  }, [path, attempt]);
  const reload = useCallback(() => setAttempt((count) => count + 1), []);
  return [resource, reload];
}
