/** A section's two live regions: confirmations (status) and refusals (alert). */
export function SectionFeedback({ notice, error }: Readonly<{ notice: string | null; error: string | null }>) {
  return (
    <>
      <div role="status" className="feedback">{notice ? <p className="alert alert--success">{notice}</p> : null}</div>
      <div role="alert" className="feedback">{error ? <p className="alert alert--error">{error}</p> : null}</div>
    </>
  );
}
