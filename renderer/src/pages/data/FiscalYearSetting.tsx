import { useEffect, useState } from 'react';
import { MONTH_NAMES, periodMonths } from '../../format/periods';

/**
 * The month the fiscal year starts in: the review periods are its quarters. Saving it
 * computes every figure again (the core forgets every result of the old quarters).
 */
export function FiscalYearSetting({ month, latestPeriod, onSave, busy }: {
  month: number;
  latestPeriod: string | null;
  onSave: (month: number) => void;
  busy: boolean;
}) {
  const [chosen, setChosen] = useState(month);
  useEffect(() => setChosen(month), [month]);
  return (
    <section aria-labelledby="fiscal-year-title" data-testid="fiscal-year">
      <h2 id="fiscal-year-title">Fiscal year</h2>
      <p>
        Review periods are the quarters of the fiscal year, named after the calendar year in which it ends.
        {latestPeriod ? ` Now ${latestPeriod} is ${periodMonths(latestPeriod, month)}.` : ''}
      </p>
      <form className="data-row" onSubmit={(e) => { e.preventDefault(); if (chosen !== month) onSave(chosen); }}>
        <label>Starts in
          <select name="fiscal-start-month" value={chosen} onChange={(e) => setChosen(Number(e.target.value))}>
            {MONTH_NAMES.map((m, i) => <option key={m} value={i + 1}>{m}</option>)}
          </select>
        </label>
        <button type="submit" className="data-button" disabled={busy || chosen === month}>Save</button>
      </form>
    </section>
  );
}
