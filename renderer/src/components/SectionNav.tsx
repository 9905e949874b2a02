/**
 * A page's table of contents: one button per section, moving focus to the section's element (which
 * has tabIndex -1) and scrolling it into view, so a long settings page is keyboard-first.
 */
export function SectionNav({ sections }: Readonly<{ sections: ReadonlyArray<Readonly<{ id: string; label: string }>> }>) {
  return (
    <nav aria-label="Afsnit" className="section-nav">
      <ul>
        {sections.map(({ id, label }) => (
          <li key={id}>
            <button type="button" className="link-button" onClick={() => {
              const el = document.getElementById(id);
              el?.focus();
              el?.scrollIntoView?.({ block: 'start' });
            }}>{label}</button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
