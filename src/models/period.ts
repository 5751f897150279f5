import { z } from 'zod';
import { PathwaysError } from '../errors';

/** A review period: 'YYYY-Qn'. With a fiscal start month other than January, YYYY is the fiscal
 * year, named (the usual convention) after the calendar year in which it ends. */
export const PeriodLabelSchema = z.string().regex(/^\d{4}-Q[1-4]$/, 'a period looks like 2026-Q3');
export type PeriodLabel = z.infer<typeof PeriodLabelSchema>;

/**
 * The month (1-12) a fiscal year starts in. Review periods are the quarters of that year, so
 * the label 2026-Q1 is January to March 2026 by default and April to June 2025 for a year
 * starting in April.
 */
export const FiscalStartMonthSchema = z.number().int().min(1).max(12);

export interface Period {
  label: PeriodLabel;
  /** First day, ISO date. */
  start: string;
  /** First day after the period, ISO date (periods are half-open: [start, end)). */
  end: string;
}

const iso = (y: number, m0: number): string => {
  const yy = y + Math.floor(m0 / 12);
  const mm = ((m0 % 12) + 12) % 12;
  return `${String(yy).padStart(4, '0')}-${String(mm + 1).padStart(2, '0')}-01`;
};

export function periodFromLabel(label: string, fiscalStartMonth = 1): Period {
  const m = /^(\d{4})-Q([1-4])$/.exec(label);
  if (!m) throw new PathwaysError('BAD_REQUEST', `"${label}" is not a period; use the form 2026-Q3.`);
  const fy = Number(m[1]);
  const q = Number(m[2]);
  // Fiscal year FY starts in month fiscalStartMonth of FY-1 unless the fiscal year is the calendar year.
  const startYear = fiscalStartMonth === 1 ? fy : fy - 1;
  const m0 = fiscalStartMonth - 1 + (q - 1) * 3;
  return { label, start: iso(startYear, m0), end: iso(startYear, m0 + 3) };
}

export function shiftPeriod(label: string, quarters: number): PeriodLabel {
  const m = /^(\d{4})-Q([1-4])$/.exec(label);
  if (!m) throw new PathwaysError('BAD_REQUEST', `"${label}" is not a period; use the form 2026-Q3.`);
  const idx = Number(m[1]) * 4 + Number(m[2]) - 1 + quarters;
  return `${Math.floor(idx / 4)}-Q${(idx % 4) + 1}`;
}

/** The period that contains an ISO date. */
export function periodOfDate(date: string, fiscalStartMonth = 1): PeriodLabel {
  const y = Number(date.slice(0, 4));
  const mo = Number(date.slice(5, 7)) - 1;
  const offset = ((mo - (fiscalStartMonth - 1)) % 12 + 12) % 12;
  const q = Math.floor(offset / 3) + 1;
  const fy = fiscalStartMonth === 1 ? y : (mo >= fiscalStartMonth - 1 ? y + 1 : y);
  return `${fy}-Q${q}`;
}
