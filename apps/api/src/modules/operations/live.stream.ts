/**
 * Live changes for the operations centre's server-sent events. Each instance watches the reports' and dossiers'
 * timelines (written in the same transaction as every change, so a change is seen exactly when it has committed)
 * through the modules' public read functions, once a second while at least one screen is connected, and fans the new
 * events out to its own connections. With N instances behind a load balancer every instance watches for itself: a
 * change made on any instance reaches every screen within about a second, with one cheap indexed query per source per
 * second per instance and nothing shared in memory.
 *
 * A transaction that commits after a later one may be passed over by the cursor: that change's line is then missing
 * from the stream, but the counters pushed with the next change are read afresh and are right (the daily aggregates,
 * which must not miss anything, use their own gap-aware cursor: aggregates.service.ts).
 */
import type { OperationsChange } from '@onecity/contracts';
import type { AppContext } from '../../core/context.ts';
import { getAgencyDirectory } from '../agencies/index.ts';
import { dossierQueries } from '../procedures/index.ts';
import { reportQueries } from '../reports/index.ts';

export const LIVE_POLL_MS = 1000;
const BATCH = 500;

/** A change and the agency it belongs to (the report's unit, the dossier's implementing agency). */
export interface LiveChange {
  change: OperationsChange;
  agencyId: string | null;
}

type Listener = (changes: LiveChange[]) => void;

export class LiveChanges {
  private readonly listeners = new Set<Listener>();
  private cursors: { report: number; dossier: number } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private starting: Promise<void> | null = null;
  private isPolling = false;

  private readonly ctx: AppContext;
  private readonly intervalMs: number;

  constructor(ctx: AppContext, intervalMs = LIVE_POLL_MS) {
    this.ctx = ctx;
    this.intervalMs = intervalMs;
  }

  /** Starts watching (from the newest event) if needed and calls `listener` with every batch of new changes. */
  async subscribe(listener: Listener): Promise<() => void> {
    this.listeners.add(listener);
    if (!this.timer) {
      this.starting ??= this.start();
      try {
        await this.starting;
      } catch (error) {
        this.listeners.delete(listener);
        throw error;
      }
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  private async start(): Promise<void> {
    try {
      const [report, dossier] = await Promise.all([reportQueries.findLatestReportEventId(this.ctx), dossierQueries.findLatestDossierEventId(this.ctx)]);
      this.cursors = { report, dossier };
      if (this.listeners.size > 0 && !this.timer) this.timer = setInterval(() => void this.poll(), this.intervalMs);
    } finally {
      this.starting = null;
    }
  }

  /** Stops watching (no screen left, or the app is closing). */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.cursors = null;
  }

  /** Reads the events written since the last poll and hands them to the listeners. */
  async poll(): Promise<void> {
    if (this.isPolling || !this.cursors) return;
    this.isPolling = true;
    try {
      const cursors = this.cursors;
      const [reports, dossiers, directory] = await Promise.all([
        reportQueries.listReportEventsAfter(this.ctx, cursors.report, BATCH),
        dossierQueries.listDossierEventsAfter(this.ctx, cursors.dossier, BATCH),
        getAgencyDirectory(this.ctx),
      ]);
      if (reports.length === 0 && dossiers.length === 0) return;
      const codeOf = (id: string | null) => (id ? (directory.byId.get(id)?.code ?? null) : null);
      const changes: LiveChange[] = [
        ...reports.map((event) => ({
          agencyId: event.unitId,
          change: { source: 'report' as const, eventId: event.id, at: event.at.toISOString(), code: event.reportCode, type: event.type, status: event.toStatus, agencyCode: codeOf(event.unitId), areaCode: event.areaCode, categoryCode: event.categoryCode, channel: event.channel },
        })),
        ...dossiers.map((event) => ({
          agencyId: event.agencyId,
          change: { source: 'dossier' as const, eventId: event.id, at: event.at.toISOString(), code: event.dossierCode, type: event.action, status: String(event.status), agencyCode: codeOf(event.agencyId), areaCode: null, categoryCode: null, channel: event.channel },
        })),
      ].sort((left, right) => left.change.at.localeCompare(right.change.at));
      if (this.cursors === cursors) {
        this.cursors = { report: reports.at(-1)?.id ?? cursors.report, dossier: dossiers.at(-1)?.id ?? cursors.dossier };
      }
      for (const listener of this.listeners) listener(changes);
    } catch (error) {
      this.ctx.log.warn({ err: error }, 'operations: live poll failed');
    } finally {
      this.isPolling = false;
    }
  }
}
