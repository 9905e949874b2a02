/**
 * The Frister overview lists items without their explanation; a "Beregning" there fetches the
 * case's deadlines and finds the one the line is about (kind, due date and forvaltning).
 */
import type { DeadlineExplanation } from '../../../../shared/deadlines/types';
import type { FristItem } from '../../../../shared/domain/deadline-tracking';
import { send } from '../../api/client';

export async function explanationFor(item: FristItem): Promise<DeadlineExplanation | null> {
  switch (item.kind) {
    case 'anmodning': {
      const requests = await send('requests:for-case', { caseId: item.caseId });
      const open = requests.filter((r) => r.dueOn === item.dueOn && r.answeredOn === null && r.closedOn === null);
      return (open.find((r) => r.forvaltning === item.forvaltning) ?? open[0])?.explanation ?? null;
    }
    case 'lovfrist': {
      const found = await send('point-deadlines:for-case', { caseId: item.caseId });
      return found.find((d) => d.dueOn === item.dueOn)?.explanation ?? null;
    }
    case 'klagefrist':
      return (await send('klagefrist:get', { caseId: item.caseId })).klagefrist?.explanation ?? null;
    case 'eget_maal':
      return (await send('klagefrist:get', { caseId: item.caseId })).target?.explanation ?? null;
    case 'henstilling':
      // A follow-up date the adviser chose; nothing was counted (FristTable shows no Beregning for it).
      return null;
  }
}
