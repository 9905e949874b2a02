/**
 * checkPortableCase reads an imported henvendelse as it is (the organisation by name), through the
 * case form's own validation: the same Danish messages as validateCaseInput on the form's CaseInput,
 * under the portable field paths the import places in its file.
 */
import { describe, expect, it } from 'vitest';
import { validateCaseInput, type CaseInput } from '../../../shared/domain/case';
import type { IsoDate } from '../../../shared/domain/dates';
import { checkPortableCase, type PortableCase, type PortablePoint } from '../../../shared/import/portable';

const TODAY = '2025-06-30' as IsoDate;

function point(overrides: Partial<PortablePoint> = {}): PortablePoint {
  return {
    forvaltning: 'Beskæftigelse', afdeling: 'Jobcenter', themes: ['Sagsbehandlingstid'], description: 'Lang ventetid', outcome: null,
    rules: [], forvaltningAgreed: null, apologised: false, putRight: false, competenceReason: null, handling: null, deadlines: [],
    ...overrides,
  };
}

function portable(overrides: Partial<PortableCase> = {}): PortableCase {
  return {
    sagsnr: '2025-0001', receivedOn: '2025-05-01', channel: 'telefon', type: 'klage',
    citizen: { name: 'Karen Jensen', address: '', phone: '', email: '', cpr: null }, representative: null,
    summary: 'Ventetid', description: '', status: 'modtaget', competenceReason: null, handling: null, closedOn: null, adviser: null,
    points: [point()], decisionNotice: null, klagefristDue: null, recommendations: [], requests: [], documents: [], journal: [],
    ...overrides,
  };
}

/** The same henvendelse as the case form sends it, with ids for the names. */
function form(c: PortableCase, themeIds: number[][]): CaseInput {
  const id = (v: string | null) => (v === null ? null : 1);
  return {
    sagsnr: c.sagsnr, receivedOn: c.receivedOn, channel: c.channel, type: c.type, citizen: c.citizen, representative: c.representative,
    summary: c.summary, description: c.description, status: c.status, competenceReasonId: id(c.competenceReason), handling: c.handling,
    closedOn: c.closedOn, adviserId: id(c.adviser),
    points: c.points.map((p, i) => ({
      forvaltningId: id(p.forvaltning), afdelingId: id(p.afdeling), themeIds: themeIds[i] ?? [], description: p.description, outcome: p.outcome,
      rules: p.rules, competenceReasonId: id(p.competenceReason), handling: p.handling,
    })),
  };
}

describe('checkPortableCase', () => {
  it('accepts a henvendelse the form accepts', () => {
    expect(checkPortableCase(portable(), TODAY)).toEqual({});
  });

  it("gives the form's messages under the portable paths: forvaltning, afdeling, themes named twice (ignoring case), rules", () => {
    const c = portable({
      points: [
        point({ forvaltning: null, afdeling: 'Jobcenter' }),
        point({ themes: ['Sagsbehandlingstid', ' sagsbehandlingstid '] }),
        point({ rules: [{ ruleId: 'fvl-19', assessment: 'ikke_overholdt', reasoning: '' }, { ruleId: 'fvl-19', assessment: 'overholdt', reasoning: '' }] }),
      ],
    });
    const errors = checkPortableCase(c, TODAY);
    expect(errors).toEqual({
      'points.0.forvaltning': 'Klagepunkt 1: vælg den forvaltning, klagen angår.',
      'points.0.afdeling': 'Klagepunkt 1: vælg forvaltningen før afdelingen.',
      'points.1.themes': 'Klagepunkt 2: det samme tema er valgt to gange.',
      'points.2.rules': 'Klagepunkt 3: den samme regel er tilknyttet to gange.',
    });
    const formErrors = validateCaseInput(form(c, [[1], [1, 1], [1]]), null, TODAY);
    expect(Object.values(errors)).toEqual(Object.values(formErrors));
    expect(Object.keys(formErrors)).toEqual(['points.0.forvaltningId', 'points.0.afdelingId', 'points.1.themeIds', 'points.2.rules']);
  });

  it("places the henvendelse's own competence, beside klagepunkter, and the citizen's details as the form words them", () => {
    const c = portable({ competenceReason: 'Politisk beslutning', citizen: { name: 'Karen', address: '', phone: '12', email: 'karen', cpr: '310290-1234' } });
    const errors = checkPortableCase(c, TODAY);
    expect(errors).toEqual(validateCaseInput(form(c, [[1]]), null, TODAY));
    expect(Object.keys(errors)).toEqual(['citizen.cpr', 'citizen.email', 'citizen.phone', 'handling']);
  });
});
