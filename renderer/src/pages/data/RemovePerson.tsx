import { useState } from 'react';

export interface RemovedPerson {
  found: boolean;
  deleted: Record<string, number>;
  unlinked: Record<string, number>;
}

const listed = (counts: Record<string, number>, what: string, where: string) =>
  Object.entries(counts).filter(([, n]) => n > 0).map(([t, n]) => `${n} ${what}${n === 1 ? '' : 's'} ${where} ${t}`);

/**
 * A data-subject request: erase one person from every table. Asks once more before it acts,
 * because nothing brings the person back but importing the files again. The id typed here is
 * sent once and never shown back (the answer says what was removed, not whom).
 */
export function RemovePerson({ onRemove, busy }: { onRemove: (personId: string) => Promise<RemovedPerson | null>; busy: boolean }) {
  const [id, setId] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<RemovedPerson | null>(null);
  const submit = async () => {
    const r = await onRemove(id.trim());
    setConfirming(false);
    if (r) { setResult(r); setId(''); }
  };
  return (
    <section aria-labelledby="data-remove-person-title">
      <h2 id="data-remove-person-title">Remove a person</h2>
      <p className="data-note">For a data-subject request: deletes the person&apos;s roster snapshots, events, enrollments, attendance, goals and feedback, and unlinks them from matches and sessions they shared with others. Sealed reviews hold only suppressed totals and stay as they were.</p>
      <form className="data-actions" onSubmit={(e) => { e.preventDefault(); if (id.trim()) setConfirming(true); }}>
        <label>
          Person id, as in the HR system&apos;s export{' '}
          <input type="text" autoComplete="off" spellCheck={false} value={id} disabled={busy} data-testid="remove-person-id"
            onChange={(e) => { setId(e.target.value); setConfirming(false); setResult(null); }} />
        </label>
        {!confirming ? (
          <button type="submit" className="data-button" disabled={busy || !id.trim()} data-testid="remove-person-button">Remove…</button>
        ) : (
          <>
            <button type="button" className="data-button data-button-primary" disabled={busy} onClick={() => { void submit(); }} data-testid="remove-person-confirm">Erase this person from the workspace</button>
            <button type="button" className="data-button data-button-quiet" onClick={() => setConfirming(false)}>Keep</button>
          </>
        )}
      </form>
      {result ? (
        <p className={result.found ? 'data-info' : 'data-warning'} role="status" data-testid="remove-person-result">
          {result.found
            ? `Removed: ${[...listed(result.deleted, 'row', 'from'), ...listed(result.unlinked, 'shared row', 'unlinked in')].join(', ')}.`
            : 'No row of this workspace belongs to that id; nothing changed. Ids are matched exactly as the HR system wrote them.'}
        </p>
      ) : null}
    </section>
  );
}
