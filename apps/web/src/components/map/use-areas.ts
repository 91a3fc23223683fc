import { useEffect, useState } from 'react';
import { loadAreas, type AreaCollection } from './areas.ts';

/**
 * The wards for logic outside a map (which ward a point is in, ward names in filters); undefined until loaded
 * or when they cannot be. Kept apart from the map so screens without one do not load Leaflet.
 */
export function useAreas(): AreaCollection | undefined {
  const [areas, setAreas] = useState<AreaCollection | undefined>(undefined);
  useEffect(() => {
    let isCurrent = true;
    loadAreas()
      .then((loaded) => isCurrent && setAreas(loaded))
      .catch(() => undefined);
    return () => {
      isCurrent = false;
    };
  }, []);
  return areas;
}
