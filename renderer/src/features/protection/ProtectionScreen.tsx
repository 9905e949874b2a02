/**
 * Databeskyttelse: what Ombud does with the personal data it holds. Each part is a section of its
 * own (one file each); the list below is the page's table of contents and its order.
 */
import type { ReactNode } from 'react';
import { Page } from '../../components/Page';
import { SectionNav } from '../../components/SectionNav';
import { AuditSection } from './AuditSection';
import { InsightSection } from './InsightSection';
import { RetentionSection } from './RetentionSection';
import { BackupSection } from './BackupSection';
import { KeySection } from './KeySection';

type Section = Readonly<{ id: string; label: string; render: () => ReactNode }>;

/** Each section's element with this id is focusable (tabIndex -1), so the table of contents can move focus to it. */
const SECTIONS: ReadonlyArray<Section> = [
  { id: 'revisionsspor', label: 'Revisionsspor', render: () => <AuditSection /> },
  { id: 'indsigt', label: 'Indsigt', render: () => <InsightSection /> },
  { id: 'sletning', label: 'Sletning', render: () => <RetentionSection /> },
  { id: 'sikkerhedskopier', label: 'Sikkerhedskopier', render: () => <BackupSection /> },
  { id: 'databasenoegle', label: 'Databasenøgle', render: () => <KeySection /> },
];

export function ProtectionScreen() {
  return (
    <Page title="Databeskyttelse">
      <SectionNav sections={SECTIONS} />
      {SECTIONS.map(({ id, render }) => <div key={id}>{render()}</div>)}
    </Page>
  );
}
