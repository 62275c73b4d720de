/** The p-th percentile (0–100) of values sorted ascending, to a tenth; NaN when there are none. */
export const percentile = (sorted: number[], p: number) =>
  sorted.length
    ? Math.round(
        10 * sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)],
      ) / 10
    : NaN
