/**
 * The sections of the case page, in tab order. A section is one entry: its slug (the URL's last part,
 * `#/sager/12/<slug>`), its tab label and what it renders; `editPart` marks the sections shown
 * read-only until "Rediger" opens that part of the case form. The position gives the shortcut
 * (Alt+Shift+1 for the first …), so a new section is one more entry here.
 */
import type { ReactNode } from 'react';
import type { CaseDetail } from '../../../../../shared/domain/case';
import type { HistoryEntry } from '../../../../../shared/domain/case-list';
import type { Settings } from '../../../../../shared/domain/settings';
import { KlagefristSection } from '../../deadlines/KlagefristSection';
import { PointDeadlinesSection } from '../../deadlines/PointDeadlinesSection';
import { RequestsSection } from '../../deadlines/RequestsSection';
import { RecommendationsSection } from '../../recommendations/RecommendationsSection';
import { FindingSection } from '../../letters/FindingSection';
import { CaseRecordsSection } from '../../records/CaseRecordsSection';
import type { CaseFormPart } from '../CaseForm';
import { HistoryPanel } from '../HistoryPanel';
import { CaseFactsView } from './CaseFactsView';
import { CaseOverview } from './CaseOverview';
import { PointsView } from './PointsView';

/** What a section gets from the case page. */
export type SectionContext = Readonly<{
  detail: CaseDetail;
  settings: Settings;
  /** Bumped when something recorded on the case changed, so read-only views fetch again. */
  refresh: number;
  /** A section saved something of its own (a request, a henstilling, a deadline): the page reloads the history. */
  onChanged: () => void;
  history: Readonly<{ entries: ReadonlyArray<HistoryEntry> | null; error: string | null }>;
}>;

export type CaseSection = Readonly<{
  slug: string;
  label: string;
  /** The part of the case form "Rediger" opens; absent: the section saves its own items. */
  editPart?: Exclude<CaseFormPart, 'all'>;
  render: (c: SectionContext) => ReactNode;
}>;

export const CASE_SECTIONS: ReadonlyArray<CaseSection> = [
  { slug: 'overblik', label: 'Overblik', render: (c) => <CaseOverview detail={c.detail} settings={c.settings} refresh={c.refresh} /> },
  { slug: 'klagepunkter', label: 'Klagepunkter', editPart: 'klagepunkter', render: (c) => <PointsView detail={c.detail} settings={c.settings} /> },
  { slug: 'henvendelsen', label: 'Henvendelsen', editPart: 'henvendelse', render: (c) => <CaseFactsView detail={c.detail} settings={c.settings} /> },
  { slug: 'akter', label: 'Akter og journal', render: (c) => <CaseRecordsSection caseId={c.detail.id} version={c.detail.version} onChanged={c.onChanged} /> },
  {
    slug: 'anmodninger',
    label: 'Anmodninger og frister',
    render: (c) => (
      <>
        <KlagefristSection caseId={c.detail.id} version={c.detail.version} onChanged={c.onChanged} />
        <RequestsSection caseId={c.detail.id} points={c.detail.points} version={c.detail.version} onChanged={c.onChanged} />
        <PointDeadlinesSection caseId={c.detail.id} points={c.detail.points} version={c.detail.version} onChanged={c.onChanged} />
      </>
    ),
  },
  {
    slug: 'henstillinger',
    label: 'Henstillinger',
    render: (c) => <RecommendationsSection caseId={c.detail.id} points={c.detail.points} version={c.detail.version} onChanged={c.onChanged} />,
  },
  { slug: 'udtalelse', label: 'Udtalelse', render: (c) => <FindingSection caseId={c.detail.id} version={c.detail.version} refresh={c.refresh} /> },
  { slug: 'historik', label: 'Historik', render: (c) => <HistoryPanel entries={c.history.entries} error={c.history.error} wide /> },
];

/** The section a URL names; an unknown or missing slug shows the first. */
export function sectionFor(slug: string | null | undefined): CaseSection {
  return CASE_SECTIONS.find((s) => s.slug === slug) ?? (CASE_SECTIONS[0] as CaseSection);
}
