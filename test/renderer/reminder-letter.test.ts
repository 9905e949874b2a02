/** renderer/src/features/deadlines/reminder-letter.ts: the rykker's text, formal Danish, dates as a letter writes them. */
import { expect, test } from 'vitest';
import type { RequestView } from '../../shared/domain/deadline-tracking';
import { reminderLetter } from '../../renderer/src/features/deadlines/reminder-letter';

const request = (patch: Partial<RequestView> = {}): RequestView => ({
  id: 1, caseId: 1, sagsnr: '2025-0042', forvaltningId: 2, forvaltning: 'Jobcenter Aarhus', kind: 'redegoerelse', sentOn: '2025-05-22',
  spec: { amount: 10, unit: 'arbejdsdage', rollForward: true, profile: 'standard' }, explicitDue: null, dueOn: '2025-06-05',
  explanation: { rule: null, owner: 'maal', start: '2025-05-22', spec: { amount: 10, unit: 'arbejdsdage', rollForward: true, profile: 'standard' }, counted: [], skipped: [], counts: 'arbejdsdage', monthEndClamped: false, rolledForward: false, adjustments: [], due: '2025-06-05', lines: [], letterLines: [] } as unknown as RequestView['explanation'],
  state: 'overskredet', answeredOn: null, closedOn: null, verdict: null, events: [], nextReminderLevel: 1, note: '', answerSummary: '', pointIds: [],
  ...patch,
});

test('names the forvaltning, the sagsnr, what was asked and when, and the svarfrist in letter form', () => {
  expect(reminderLetter(request(), 1, 'Aarhus Kommune')).toBe([
    'Til Jobcenter Aarhus',
    '',
    'Rykker: anmodning om en redegørelse – sag 2025-0042',
    '',
    'Den 22. maj 2025 bad borgerrådgiveren Jobcenter Aarhus om en redegørelse i sag 2025-0042 med svarfrist den 5. juni 2025.',
    'Borgerrådgiveren har endnu ikke modtaget svar og rykker hermed for det.',
    'Vi beder om at modtage en redegørelse snarest muligt.',
    '',
    'Med venlig hilsen',
    '',
    'Borgerrådgiveren, Aarhus Kommune',
  ].join('\n'));
});

test('a second rykker says so, and an extended svarfrist is given after the original', () => {
  const text = reminderLetter(request({
    kind: 'akter', dueOn: '2025-06-19', nextReminderLevel: 2,
    events: [{ id: 1, kind: 'forlaengelse', onDate: '2025-06-02', level: null, pauseTo: null, newDue: '2025-06-19', add: null, oldDue: '2025-06-05', reason: 'Ferie' }],
  }), 2, '');
  expect(text).toContain('Rykker 2: anmodning om sagens akter – sag 2025-0042');
  expect(text).toContain('med svarfrist den 5. juni 2025.\nSvarfristen er siden forlænget til den 19. juni 2025.');
  expect(text.endsWith('Borgerrådgiveren')).toBe(true);
});
