/**
 * The follow-up on demo henvendelser: what the JSON export carries beyond the CSV (README § Import and
 * export format), so a new user sees the Frister screen, the case page's sections and the
 * Henstillinger register with content. It takes the henvendelser generateDemoRows made (read through
 * the CSV import's own validation) and adds, from a stream of its own so the CSV rows stay as they
 * were (the bench uses them):
 *
 * - requests to the forvaltning on investigated klager: answered on time or late on closed ones; on
 *   open ones by turns not yet due, overdue with a rykker, answered on time, answered late — so a
 *   handful of open klager already shows every state. Open ones set the status "afventer
 *   forvaltningen";
 * - the citizen's klagefrist on some klager: the decision notified before the henvendelse came in,
 *   by Digital Post, letter or in person, with korrekt, mangelfuld or ukendt klagevejledning, resting
 *   on RSL § 67, on no statutory frist, or (Teknik og Miljø) on the decision's own klagevejledning;
 * - statutory aktindsigt deadlines (OFL § 36, FVL § 16) on some klagepunkter: met on closed
 *   henvendelser, running, overdue or met on open ones;
 * - henstillinger with the forvaltning's answer and a later follow-up date, and on some open klager
 *   a henstilling still awaiting an answer whose follow-up falls near today;
 * - the database's advisers, shared out over the henvendelser.
 *
 * Every date keeps the order the services keep: a request is sent on or after the receipt and
 * answered no later than the closing date and `today`; a decision is notified before the receipt;
 * nothing lies after `today`. Due dates come from `calc`, the app's own deadline computations with
 * the database's settings, so the stored dates are those the app would count.
 */
import type { IsoDate } from '../domain/dates';
import { makeIsoDate } from '../domain/dates';
import type { DecisionNoticeInput } from '../domain/deadline-tracking';
import type { PortableCase, PortablePointDeadline, PortableRecommendation, PortableRequest } from '../import/portable';
import { createRandom } from './random';
import {
  INTERIM_RECOMMENDATIONS, MANUAL_KLAGEFRIST_SOURCE, POINT_DEADLINE_NOTES, RECOMMENDATION_FOLLOWED, RECOMMENDATION_NOT_FOLLOWED, REMINDER_NOTES,
  REQUEST_NOTES,
} from './vocabulary';

/** The app's deadline computations, with the settings and rules of the database the demo goes into. */
export type DemoDeadlineCalc = Readonly<{
  /** The due date of a request sent on `sentOn` with the default deadline. */
  requestDue: (sentOn: IsoDate) => IsoDate;
  /** The citizen's klagefrist for a notice; null when it rests on no statutory frist. */
  klagefristDue: (notice: DecisionNoticeInput) => IsoDate | null;
  /** The due date of a rule's deadline started on `startOn`; null when the rule has none. */
  pointDue: (ruleId: string, startOn: IsoDate) => IsoDate | null;
}>;

export type DemoFollowUpOptions = Readonly<{
  seed: number;
  today: IsoDate;
  calc: DemoDeadlineCalc;
  /** Active advisers' names, to share the henvendelser out; none: no adviser is set. */
  advisers?: ReadonlyArray<string>;
}>;

const DAY_MS = 86_400_000;
const days = (iso: IsoDate): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
function iso(d: number): IsoDate {
  const x = new Date(d * DAY_MS);
  return makeIsoDate(x.getUTCFullYear(), x.getUTCMonth() + 1, x.getUTCDate());
}
const clamp = (v: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, v));
/** Offices write on weekdays: a Saturday or Sunday moves back to the Friday, unless that is before `min`. */
function weekday(d: number, min: number): number {
  const dow = (d + 4) % 7; // day 0, 01.01.1970, was a Thursday; 0 = Sunday, 6 = Saturday
  const back = dow === 6 ? 1 : dow === 0 ? 2 : 0;
  return d - back >= min ? d - back : d;
}

/** The rules of the statutory deadlines the demo puts on klagepunkter, and the themes that invite one. */
const POINT_DEADLINE_RULES = ['ofl-36-frist', 'fvl-16-aktindsigt-frist'] as const;
const AKTINDSIGT_THEMES = new Set(['Mistede sagsakter', 'Manglende svar', 'Sagsbehandlingstid', 'Begrundelse', 'Lægelige oplysninger ikke indhentet']);
/** The forvaltning whose decisions are not under retssikkerhedsloven's § 67 (byggesager and the like). */
const OUTSIDE_RSL = 'Teknik og Miljø';

type OpenRequestState = 'ahead' | 'overdue' | 'answered' | 'late';
const OPEN_REQUEST_STATES: ReadonlyArray<OpenRequestState> = ['overdue', 'answered', 'ahead', 'late', 'overdue', 'ahead'];
type OpenDeadlineState = 'ahead' | 'overdue' | 'met';
const OPEN_DEADLINE_STATES: ReadonlyArray<OpenDeadlineState> = ['ahead', 'overdue', 'met'];

function fillForvaltning(text: string, forvaltning: string): string {
  return text.replace(/\{forvaltning\}/g, forvaltning);
}

function request(forvaltning: string, kind: PortableRequest['kind'], sentOn: IsoDate, answeredOn: IsoDate | null, note: string, events: PortableRequest['events'] = []): PortableRequest {
  // spec and dueOn null: the import counts the due date from the settings, as `calc.requestDue` did.
  // No klagepunkter named: the request concerns its forvaltning's klagepunkter.
  const answerSummary = answeredOn === null ? '' : 'Forvaltningen har redegjort for sagsforløbet og taget stilling til klagepunkterne.';
  return { forvaltning, kind, sentOn, spec: null, dueOn: null, explicitDue: null, answeredOn, closedOn: null, verdict: null, note, events, answerSummary, points: [] };
}

export function addDemoFollowUp(cases: ReadonlyArray<PortableCase>, opts: DemoFollowUpOptions): PortableCase[] {
  const r = createRandom((opts.seed ^ 0x71717171) >>> 0);
  const { calc } = opts;
  const end = days(opts.today);
  const advisers = opts.advisers ?? [];
  let openRequestTurn = 0;
  let openDeadlineTurn = 0;

  return cases.map((c): PortableCase => {
    const received = days(c.receivedOn);
    const closed = c.closedOn === null ? null : days(c.closedOn);
    /** The last day anything on this henvendelse can have happened. */
    const last = closed ?? end;
    const adviser = advisers.length === 0 ? c.adviser : r.pick(advisers);
    if (c.type !== 'klage') return { ...c, adviser };

    const investigated = c.points
      .map((p, i) => ({ p, i }))
      .filter(({ p }) => p.forvaltning !== null && p.competenceReason === null && (p.handling === 'undersoegt' || p.handling === 'maegling'));

    // 1. Requests: one to each forvaltning of the investigated klagepunkter (at most two).
    const requests: PortableRequest[] = [];
    let lastAnswer: number | null = null;
    const forvaltninger = [...new Set(investigated.map(({ p }) => p.forvaltning as string))].slice(0, 2);
    if (forvaltninger.length > 0 && r.chance(closed === null ? 0.9 : 0.7)) {
      for (const forvaltning of forvaltninger) {
        const kind = r.weighted<PortableRequest['kind']>([['redegoerelse', 75], ['udtalelse', 15], ['akter', 10]]);
        const note = r.pick(REQUEST_NOTES);
        if (closed !== null) {
          // Sent soon after receipt, answered (on time or late) no later than the closing date.
          const sent = weekday(received + Math.min(closed - received, r.int(1, 10)), received);
          const due = days(calc.requestDue(iso(sent)));
          const answered = weekday(clamp(r.chance(0.7) ? r.int(sent + 2, Math.max(sent + 2, due)) : due + r.int(1, 15), sent, closed), sent);
          requests.push(request(forvaltning, kind, iso(sent), iso(answered), note));
          lastAnswer = Math.max(lastAnswer ?? answered, answered);
          continue;
        }
        // Open: the request was sent recently; by turns it is not yet due, overdue, or answered.
        let state = OPEN_REQUEST_STATES[openRequestTurn++ % OPEN_REQUEST_STATES.length] as OpenRequestState;
        // A henvendelse received only days ago cannot yet have an overdue or answered request.
        if (state !== 'ahead' && end - received < 25) state = 'ahead';
        const sent = weekday(state === 'ahead' ? Math.max(received, end - r.int(1, 5)) : Math.max(received, end - r.int(state === 'late' ? 25 : 20, 45)), received);
        const due = days(calc.requestDue(iso(sent)));
        if (state === 'ahead' || (state === 'overdue' && due >= end)) {
          requests.push(request(forvaltning, kind, iso(sent), null, note));
        } else if (state === 'overdue') {
          const reminded = weekday(clamp(due + r.int(1, 5), due + 1, end), due + 1);
          requests.push(request(forvaltning, kind, iso(sent), null, note, [{
            kind: 'rykker', onDate: iso(reminded), level: 1, pauseTo: null, newDue: null, add: null, oldDue: iso(due), reason: r.pick(REMINDER_NOTES),
          }]));
        } else {
          const answered = weekday(state === 'late' && due < end ? r.int(due + 1, end) : r.int(Math.min(sent + 2, end), Math.min(due, end)), sent);
          requests.push(request(forvaltning, kind, iso(sent), iso(answered), note));
          lastAnswer = Math.max(lastAnswer ?? answered, answered);
        }
      }
    }

    // 2. The citizen's klagefrist: the decision complained of was notified before the henvendelse.
    let decisionNotice: DecisionNoticeInput | null = null;
    let klagefristDue: IsoDate | null = null;
    const firstForvaltning = c.points[0]?.forvaltning ?? null;
    // Not on a henvendelse still open after half a year: its klagefrist would have run out long ago and
    // only crowd the top of Frister.
    const stale = closed === null && end - received > 180;
    if (firstForvaltning !== null && r.chance(closed === null ? 0.6 : 0.3) && !stale) {
      const notified = received - r.int(2, 24);
      const channel = r.weighted<DecisionNoticeInput['channel']>([['digital_post', 70], ['brev', 15], ['personligt', 15]]);
      const guidance = r.weighted<DecisionNoticeInput['guidance']>([['korrekt', 60], ['mangelfuld', 25], ['ukendt', 15]]);
      const basis: DecisionNoticeInput['basis'] = firstForvaltning === OUTSIDE_RSL
        ? { kind: 'manuel', amount: 4, unit: 'uger', source: MANUAL_KLAGEFRIST_SOURCE }
        : r.chance(0.85) ? { kind: 'regel', ruleId: 'rsl-67-klagefrist' } : { kind: 'ingen' };
      decisionNotice = { notifiedOn: iso(notified), channel, guidance, basis };
      klagefristDue = calc.klagefristDue(decisionNotice);
    }

    // 3. Statutory aktindsigt deadlines on some investigated klagepunkter.
    const points = c.points.map((p, i) => {
      if (!investigated.some((x) => x.i === i)) return p;
      const invited = p.themes.some((t) => AKTINDSIGT_THEMES.has(t));
      // Open henvendelser more often, so the few there are show running deadlines on Frister.
      if (!r.chance(closed === null ? 0.5 : invited ? 0.35 : 0.06)) return p;
      const ruleId = r.pick(POINT_DEADLINE_RULES);
      const note = r.pick(POINT_DEADLINE_NOTES[ruleId] ?? ['']);
      let start: number;
      let met: number | null;
      const state: OpenDeadlineState = closed === null ? (OPEN_DEADLINE_STATES[openDeadlineTurn++ % OPEN_DEADLINE_STATES.length] as OpenDeadlineState) : 'met';
      if (state === 'ahead') {
        start = end - r.int(0, 3);
        met = null;
      } else if (state === 'overdue') {
        start = end - r.int(15, 35);
        met = null;
      } else {
        // Often asked before the citizen came to the borgerrådgiver; met on time or late, before the case closed.
        start = Math.min(received - r.int(0, 20), last);
        const due = days(calc.pointDue(ruleId, iso(start)) ?? iso(start + 10));
        met = weekday(clamp(r.chance(0.7) ? r.int(start + 1, Math.max(start + 1, due)) : due + r.int(1, 10), start, last), start);
      }
      const dueOn = calc.pointDue(ruleId, iso(start));
      if (dueOn === null) return p;
      const deadline: PortablePointDeadline = { basis: 'regel', ruleId, startOn: iso(start), dueOn, metOn: met === null ? null : iso(met), note };
      return { ...p, deadlines: [...p.deadlines, deadline] };
    });

    // 4. Henstillinger: the given ones get the forvaltning's answer and a follow-up date.
    const recommendations: PortableRecommendation[] = c.recommendations.map((rec) => {
      const given = days(rec.givenOn);
      const followUpOn = iso(given + r.int(8, 12) * 7);
      if (rec.status === 'afventer') return { ...rec, followUpOn };
      const answeredOn = weekday(Math.min(end, given + r.int(14, 70)), given);
      const texts = rec.status === 'fulgt' ? RECOMMENDATION_FOLLOWED : RECOMMENDATION_NOT_FOLLOWED;
      return { ...rec, statusOn: iso(answeredOn), answer: r.pick(texts), followUpOn };
    });
    // An open klage whose forvaltning has answered gets a henstilling before the case closes.
    const first = investigated[0];
    if (closed === null && lastAnswer !== null && first !== undefined) {
      const forvaltning = first.p.forvaltning as string;
      const given = weekday(Math.min(end, lastAnswer + r.int(1, 10)), lastAnswer);
      recommendations.push({
        point: first.i + 1, forvaltning, text: fillForvaltning(r.pick(INTERIM_RECOMMENDATIONS), first.p.afdeling ?? forvaltning), givenOn: iso(given),
        status: 'afventer', statusOn: null, answer: '', followUpOn: iso(given + r.int(7, 30)),
      });
    }

    // The status follows the case: afventer forvaltningen while a request is open.
    const status = closed !== null ? c.status
      : requests.some((q) => q.answeredOn === null) ? 'afventer_forvaltningen'
        : requests.length > 0 ? 'under_behandling' : c.status;
    return { ...c, adviser, status, points, decisionNotice, klagefristDue, recommendations, requests: [...c.requests, ...requests] };
  });
}
