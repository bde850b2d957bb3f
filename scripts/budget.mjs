// The first-load budget, gzipped: what a phone downloads on a first visit.
export const BUDGET_BYTES = 150 * 1024;
