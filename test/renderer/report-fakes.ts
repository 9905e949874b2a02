/**
 * The statistics backend's channels (report:stats, report:settings, report:save-settings) answered
 * by a fake for the Statistik and Årsberetning screens' tests: report:stats returns
 * REPORT_STATS_FIXTURE, the settings are kept in memory. Every other channel stays the real backend
 * (bindRealApi). Each call's input is recorded so a test can see what the screen asked for.
 */

import type { ReportSettings } from '../../shared/report/settings';
import { REPORT_STATS_FIXTURE } from '../fixtures/report-screen-stats';

export type ReportFake = { calls: Record<string, unknown[]>; settings: ReportSettings };

export function fakeReportChannels(initial: ReportSettings = { startMonth: 4, minN: 5, patternMin: 3 }): ReportFake {
  const fake: ReportFake = { calls: {}, settings: initial };
  const api = (window as unknown as { api: Record<string, (input: unknown, who: unknown) => Promise<unknown>> }).api;
  const record = (channel: string, input: unknown) => { (fake.calls[channel] ??= []).push(input); };
  api['report:stats'] = async (input) => { record('report:stats', input); return { ok: true, value: REPORT_STATS_FIXTURE }; };
  api['report:settings'] = async (input) => { record('report:settings', input); return { ok: true, value: fake.settings }; };
  api['report:save-settings'] = async (input) => {
    record('report:save-settings', input);
    fake.settings = input as ReportSettings;
    return { ok: true, value: fake.settings };
  };
  // Spy on cases:list without replacing it: the real backend answers (with the drill-down once merged).
  const list = api['cases:list'] as (input: unknown, who: unknown) => Promise<unknown>;
  api['cases:list'] = (input, who) => { record('cases:list', input); return list(input, who); };
  return fake;
}

