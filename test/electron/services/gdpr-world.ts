/**
 * A henvendelse about one person with everything Ombud can hold about her – CPR number, a
 * representative, a klagepunkt with an assessment, a journal note, an akt, a henstilling, an
 * issued finding, a history – closed long ago, for the indsigt and retention tests.
 */
import { openApp, type OpenedApp } from '../../../electron/services/open-app';
import { checkClosing, createCase, getCase, updateCase } from '../../../electron/services/cases';
import { addDocument } from '../../../electron/services/documents';
import { issueFinding } from '../../../electron/services/findings';
import { addNote } from '../../../electron/services/journal';
import { createRecommendation } from '../../../electron/services/recommendations';
import type { ServiceContext } from '../../../electron/services/context';
import type { Clock } from '../../../shared/domain/dates';
import { caseInput, org } from '../../db/helpers';

export const PERSON = {
  name: 'Kirsten Ølgaard Şahin',
  cpr: '010190-1234',
  address: 'Havnegade 12, 7100 Vejle',
  phone: '23 45 67 89',
  email: 'kirsten.sahin@eksempel.dk',
  rep: 'Jens Ærø',
  repEmail: 'jens.aero@eksempel.dk',
  /** A sentence about her health, as a citizen writes it. */
  health: 'Kirsten Ølgaard Şahin har sclerose og kan ikke gå på trapper.',
} as const;

/** Every piece of the person's data a retention run must remove, as it may appear in any text. */
export const PERSONAL_STRINGS = ['Kirsten', 'Ølgaard', 'Şahin', 'Havnegade', '010190-1234', '0101901234', '23 45 67 89', 'kirsten.sahin@eksempel.dk', 'Jens Ærø', 'jens.aero@eksempel.dk'];

export type GdprWorld = Readonly<{ app: OpenedApp; ctx: ServiceContext; setToday: (date: string) => void }>;

export function gdprWorld(today: string): GdprWorld {
  let now = new Date(`${today}T10:00:00Z`);
  const clock: Clock = { now: () => new Date(now.getTime()) };
  const app = openApp({ file: ':memory:', mode: 'test', clock, actor: () => 'Mette Rådgiver', log: () => {} });
  return { app, ctx: app.ctx, setToday: (date) => { now = new Date(`${date}T10:00:00Z`); } };
}

/**
 * The person's henvendelse: received `receivedOn`, everything added on that day, closed `closedOn`
 * (the clock is left at `closedOn`). `name` replaces the person's name (a namesake's case).
 */
export async function personCase(w: GdprWorld, receivedOn: string, closedOn: string | null, o: Readonly<{ name?: string; cpr?: string | null }> = {}): Promise<{ id: number; sagsnr: string }> {
  const name = o.name ?? PERSON.name;
  w.setToday(receivedOn);
  const base = caseInput(w.ctx.db, { receivedOn });
  const point = base.points[0]!;
  const c = createCase(w.ctx, {
    ...base,
    citizen: { name, address: PERSON.address, phone: PERSON.phone, email: PERSON.email, cpr: o.cpr === undefined ? PERSON.cpr : o.cpr },
    representative: { name: PERSON.rep, relation: 'Bror', phone: '', email: PERSON.repEmail, powerOfAttorney: true },
    summary: `${name} (0101901234) venter på hjemmehjælp`,
    description: PERSON.health,
    points: [{
      ...point, description: `${name} fik ikke svar på sin ansøgning; ring ${PERSON.phone}`, outcome: 'kritik',
      rules: [{ ruleId: 'fvl-19-partshoering', assessment: 'ikke_overholdt', reasoning: `${name} blev ikke hørt, før afgørelsen blev truffet.` }],
    }],
  });
  addNote(w.ctx, { caseId: c.id, kind: 'telefonnotat', notedOn: receivedOn, notedAt: '09:15', text: `Talt med ${name}. ${PERSON.health}` });
  await addDocument(w.ctx, {
    caseId: c.id,
    fileName: 'Klage fra borgeren.txt',
    contentBase64: Buffer.from(`Jeg hedder ${name}, CPR ${PERSON.cpr}. ${PERSON.health}`, 'utf8').toString('base64'),
    direction: 'ind',
    party: name,
  });
  createRecommendation(w.ctx, {
    caseId: c.id, pointId: null, forvaltningId: org(w.ctx.db).forvaltning('Beskæftigelse'), text: `Giv ${name} et svar.`, givenOn: receivedOn,
    status: 'fulgt', statusOn: receivedOn, answer: `${name} har fået svar.`, followUpOn: null,
  });
  await issueFinding(w.ctx, c.id, null);
  if (closedOn !== null) {
    w.setToday(closedOn);
    const d = getCase(w.ctx, c.id);
    const cpr = o.cpr === undefined ? PERSON.cpr : o.cpr;
    updateCase(w.ctx, c.id, d.version, { ...d, citizen: { ...d.citizen, cpr }, status: 'afsluttet', closedOn } as never, checkClosing(w.ctx, c.id).map((i) => i.key));
  }
  return { id: c.id, sagsnr: c.sagsnr };
}
