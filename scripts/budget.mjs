// The first-load budget, gzipped: what a phone downloads on a first visit.
// The stack (Leptos's view!, serde, gloo-storage) is paid for; the aim is
// 200 KB or less, reported by scripts/check-dist.mjs and scripts/bench.sh.
export const BUDGET_BYTES = 230 * 1024;
