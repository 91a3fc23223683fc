/** Simple line icons (24×24, currentColor), decorative: always aria-hidden, the text beside them carries the meaning. */
const PATHS = {
  report: 'M12 2a7 7 0 0 0-7 7c0 5 7 13 7 13s7-8 7-13a7 7 0 0 0-7-7zm0 4v4m0 3h.01',
  services: 'M4 21V9l8-6 8 6v12M9 21v-6h6v6M3 21h18',
  payment: 'M3 6h18v12H3zM3 10h18M7 15h4',
  search: 'M10.5 4a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zM15.5 15.5 21 21',
  alert: 'M12 3 2 20h20L12 3zm0 6v5m0 3h.01',
  document: 'M6 2h8l5 5v15H6zM14 2v5h5M9 14l2 2 4-4',
  console: 'M3 4h18v12H3zM8 20h8M12 16v4',
  operations: 'M4 20V10m6 10V4m6 16v-7m6 7H2',
  bell: 'M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0',
  logo: 'M12 2 3 7v10l9 5 9-5V7l-9-5zm0 5v10m-5-7 5 3 5-3',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 24 }: { name: IconName; size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
