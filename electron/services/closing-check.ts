/**
 * What is still open on a henvendelse when the adviser closes it (cases:closing-check): requests the
 * forvaltning has not answered, henstillinger awaiting an answer, statutory deadlines still running,
 * klagepunkter without an outcome, and "ingen kritik" on a klagepunkt whose rules say "ikke
 * overholdt". Closing anyway is allowed once each item is acknowledged (cases.ts records them), so
 * nothing is dropped silently: a closed henvendelse leaves the Frister screen.
 */
import { casePoints } from '../../db/queries/cases';
import { pointDeadlineRowsForCase } from '../../db/queries/point-deadlines';
import { recommendationsForCase } from '../../db/queries/recommendations';
import { requestRowsForCase } from '../../db/queries/requests';
import { getRule } from '../../db/queries/rules';
import type { PointInput } from '../../shared/domain/case';
import { openItemElementId, type OpenItem } from '../../shared/domain/case-workspace';
import { formatDanishDate } from '../../shared/domain/dates';
import { DeadlineState, RequestKind } from '../../shared/domain/deadline-tracking';
import type { ServiceContext } from './context';
import { calendarOf, loadSettings, stateOf, today } from './deadline-common';
import { pointDeadlineLabel } from './point-deadlines';

const EXCERPT = 60;

function excerpt(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > EXCERPT ? `${t.slice(0, EXCERPT).trimEnd()} …` : t;
}

/** What the klagepunkt checks read: the stored klagepunkter, or those of the form about to be saved. */
export type PointOutcome = Readonly<Pick<PointInput, 'outcome' | 'rules'>>;

/**
 * The open items of the henvendelse, in the order the adviser would resolve them: klagepunkter first.
 * `points`: the klagepunkter as the form holds them (closing in the same save that sets an outcome);
 * absent, the stored ones. A klagepunkt's key is its number, the same before and after the save.
 */
export function closingCheck(ctx: ServiceContext, caseId: number, points?: ReadonlyArray<PointOutcome>): OpenItem[] {
  const items: OpenItem[] = [];
  const stored = casePoints(ctx.db, caseId);
  const number = new Map(stored.map((p, i) => [p.id, i + 1]));
  (points ?? stored).forEach((p, i) => {
    const n = i + 1;
    const elementId = openItemElementId.point(n);
    if (p.outcome === null) {
      items.push({ key: `udfald:${n}`, kind: 'udfald_mangler', text: `Klagepunkt ${n} har intet udfald.`, section: 'klagepunkter', elementId });
    } else if (p.outcome === 'ingen_kritik' && (p.rules ?? []).some((r) => r.assessment === 'ikke_overholdt')) {
      items.push({
        key: `modstrid:${n}`, kind: 'udfald_modstrid', section: 'klagepunkter', elementId,
        text: `Klagepunkt ${n} har udfaldet "Ingen kritik", men en regel er vurderet "Ikke overholdt".`,
      });
    }
  });
  const settings = loadSettings(ctx);
  const calendar = calendarOf(settings);
  const on = today(ctx);
  for (const r of requestRowsForCase(ctx.db, caseId)) {
    if (r.answered_on !== null || r.closed_on !== null) continue;
    const state = stateOf({ dueOn: r.due_on, answeredOn: null, closedOn: null, profile: r.profile }, on, settings, calendar);
    const late = state === 'overskredet' || state === 'laenge_overskredet' ? ` – ${DeadlineState.label(state).toLowerCase()}` : '';
    items.push({
      key: `anmodning:${r.id}`, kind: 'anmodning', section: 'anmodninger', elementId: openItemElementId.request(r.id),
      text: `${RequestKind.label(r.kind)} fra ${r.forvaltning} er ikke besvaret (svarfrist ${formatDanishDate(r.due_on)}${late}).`,
    });
  }
  for (const d of pointDeadlineRowsForCase(ctx.db, caseId)) {
    if (d.met_on !== null) continue;
    const label = pointDeadlineLabel(d, d.rule_id === null ? null : getRule(ctx.db, d.rule_id));
    items.push({
      key: `lovfrist:${d.id}`, kind: 'lovfrist', section: 'anmodninger', elementId: openItemElementId.pointDeadline(d.id),
      text: `Klagepunkt ${number.get(d.point_id) ?? d.point_position}: ${label} løber stadig (frist ${formatDanishDate(d.due_on)}).`,
    });
  }
  for (const h of recommendationsForCase(ctx.db, caseId)) {
    if (h.status !== 'afventer') continue;
    items.push({
      key: `henstilling:${h.id}`, kind: 'henstilling', section: 'henstillinger', elementId: openItemElementId.recommendation(h.id),
      text: `Henstilling af ${formatDanishDate(h.givenOn)} afventer forvaltningens svar: ${excerpt(h.text)}`,
    });
  }
  return items;
}
