/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** A raster tile URL template ({z}/{x}/{y}); without it maps show only the ward boundaries. */
  readonly VITE_MAP_TILE_URL?: string;
  /** The attribution the tile provider requires (HTML allowed, as Leaflet shows it). */
  readonly VITE_MAP_TILE_ATTRIBUTION?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
