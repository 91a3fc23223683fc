/**
 * The indicators the operations centre will show (Decision 766 service indices and the city's own
 * report and payment figures). Each stays "no data" until the module that produces it exists; the
 * reports module now gives the open and overdue counts and the satisfaction of answered reports.
 */
export const KPI_CARDS = ['reportsOpen', 'reportsOverdue', 'dossiersOnTime', 'satisfaction', 'paymentsOnline', 'alertsActive'] as const;
export type KpiKey = (typeof KPI_CARDS)[number];
