/** Shared set-up for the deadline service tests: an in-memory Ombud whose clock the test moves. */
import { findForvaltningByName } from '../../../db/queries/catalog';
import type { Clock } from '../../../shared/domain/dates';
import { createCase, getCaseHistory } from '../../../electron/services/cases';
import type { ServiceContext } from '../../../electron/services/context';
import { openApp, type OpenedApp } from '../../../electron/services/open-app';
import { caseInput } from '../../db/helpers';

export type DeadlineWorld = Readonly<{
  app: OpenedApp;
  ctx: ServiceContext;
  /** Move "today" (Copenhagen midday of the given date). */
  setToday: (date: string) => void;
  forvaltning: (name: string) => number;
  /** A klage received on `receivedOn` (one klagepunkt against Beskæftigelse/Jobcenter). */
  klage: (receivedOn?: string, sagsnr?: string) => { caseId: number; sagsnr: string; pointId: number };
  /** The actions of a case's history, oldest first. */
  actions: (caseId: number) => string[];
}>;

export function deadlineWorld(today = '2025-04-01'): DeadlineWorld {
  let now = new Date(`${today}T10:00:00Z`);
  const clock: Clock = { now: () => new Date(now.getTime()) };
  const app = openApp({ file: ':memory:', mode: 'test', clock, actor: () => 'Mette Rådgiver', log: () => {} });
  const ctx = app.ctx;
  return {
    app,
    ctx,
    setToday: (date) => {
      now = new Date(`${date}T10:00:00Z`);
    },
    forvaltning: (name) => {
      const id = findForvaltningByName(ctx.db, name);
      if (id === null) throw new Error(`Mangler i seed: ${name}`);
      return id;
    },
    klage: (receivedOn = '2025-03-01', sagsnr = '') => {
      const c = createCase(ctx, caseInput(ctx.db, { receivedOn, sagsnr }));
      const point = c.points[0];
      if (!point) throw new Error('no klagepunkt');
      return { caseId: c.id, sagsnr: c.sagsnr, pointId: point.id };
    },
    actions: (caseId) => getCaseHistory(ctx, caseId).map((h) => h.action).reverse(),
  };
}
