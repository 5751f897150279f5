// Argument checks shared by the stats module. Invalid input is a programming or
// data error upstream, so these throw rather than return NaN silently.

/** A count: finite, non-negative. Integers are expected but not required. */
export function assertCount(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a finite non-negative number, got ${value}`);
  }
}

/** A non-negative integer count (hypergeometric tables). */
export function assertIntegerCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
}

export function assertConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  }
}
