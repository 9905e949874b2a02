/** electron/services/findings.ts: the finding's auto-draft gathered from a seeded case (findings:state before any edit). */
import { afterAll, expect, it } from 'vitest';
import { createCase, getCase } from '../../../electron/services/cases';
import { findingSource, findingState } from '../../../electron/services/findings';
import { addNote } from '../../../electron/services/journal';
import { setKlagefrist } from '../../../electron/services/klagefrist';
import { createRecommendation } from '../../../electron/services/recommendations';
import { answerRequest, createRequest, remindRequest } from '../../../electron/services/requests';
import { blockTexts } from '../../../shared/letters/document';
import { caseInput, thrownAppError } from '../../db/helpers';
import { deadlineWorld } from './deadline-helpers';

const w = deadlineWorld('2025-06-02');
afterAll(() => w.app.close());

function seededCase() {
  const base = caseInput(w.ctx.db, { receivedOn: '2025-03-03' });
  const point = base.points[0]!;
  const c = createCase(w.ctx, {
    ...base,
    points: [{
      ...point,
      description: 'Jobcentret partshørte mig ikke',
      outcome: 'kritik',
      rules: [
        { ruleId: 'fvl-19-partshoering', assessment: 'ikke_overholdt', reasoning: 'Lægekonsulentens vurdering blev ikke forelagt dig.' },
        { ruleId: 'fvl-9b-udsaettelse', assessment: 'ikke_overholdt', reasoning: '' },
      ],
    }],
  });
  const forvaltningId = point.forvaltningId!;
  const r = createRequest(w.ctx, { caseId: c.id, forvaltningId, kind: 'redegoerelse', sentOn: '2025-03-05', spec: null, note: '' });
  remindRequest(w.ctx, r.id, '2025-03-25', '');
  answerRequest(w.ctx, r.id, { answeredOn: '2025-04-02', summary: 'Forvaltningen erkender fejlen.', agreed: [] });
  addNote(w.ctx, { caseId: c.id, kind: 'moede', notedOn: '2025-03-12', notedAt: null, text: 'Møde med borgeren' });
  addNote(w.ctx, { caseId: c.id, kind: 'intern_note', notedOn: '2025-03-13', notedAt: null, text: 'Intern tanke' });
  createRecommendation(w.ctx, {
    caseId: c.id, pointId: getCase(w.ctx, c.id).points[0]!.id, forvaltningId, text: 'Forvaltningen sikrer partshøring', givenOn: '2025-05-01',
    status: 'afventer', statusOn: null, answer: '', followUpOn: '2025-08-01',
  });
  setKlagefrist(w.ctx, c.id, { notifiedOn: '2025-06-02', channel: 'digital_post', guidance: 'korrekt', basis: { kind: 'regel', ruleId: 'rsl-67-klagefrist' } });
  return c;
}

it('gathers the case, its requests, meetings, rules, henstillinger and klagefrist, dated today', () => {
  const c = seededCase();
  const src = findingSource(w.ctx, c.id);
  expect(src.date).toBe('2025-06-02');
  expect(src.meetings).toEqual([{ onDate: '2025-03-12', text: 'Møde med borgeren' }]);
  expect(src.requests).toEqual([expect.objectContaining({ sentOn: '2025-03-05', reminders: [{ onDate: '2025-03-25', level: 1 }], answeredOn: '2025-04-02' })]);
  expect(src.points[0]?.rules.map((r) => r.verification)).toEqual(['yes', 'partial']);
  expect(src.klagefrist?.dueOn).toMatch(/^2025-0[67]-\d\d$/);

  const { document, mode, sections } = findingState(w.ctx, c.id);
  expect(mode).toBe('udkast');
  expect(sections.find((s) => s.key === 'klagepunkt-1')).toMatchObject({ outcome: 'kritik', ruleIds: ['fvl-19-partshoering', 'fvl-9b-udsaettelse'], edited: false });
  expect(document.letterhead.reference).toBe(`Sagsnr. ${c.sagsnr}`);
  expect(document.letterhead.date).toBe('2025-06-02');
  const text = document.blocks.flatMap(blockTexts).join('\n');
  expect(text).toContain('12.03.2025: Møde: Møde med borgeren.');
  expect(text).not.toContain('Intern tanke');
  expect(text).toContain('Forvaltningen erkender fejlen.');
  expect(text).toContain('Jeg finder det kritisabelt, at jobcentret partshørte mig ikke.');
  expect(text).toContain('ikke fuldt verificeret – kontrollér henvisningen før udsendelse');
  expect(text).toContain('senest den 01.08.2025');
  expect(document.blocks.filter((b) => b.kind === 'citation')).toHaveLength(2);
});

it('refuses a case that does not exist', () => {
  expect(thrownAppError(() => findingState(w.ctx, 99999)).code).toBe('not_found');
});
