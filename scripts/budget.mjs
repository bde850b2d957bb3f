// The first-load budget, gzipped: what a phone downloads on a first visit.
//
// Issue #14 asked for at most 230 KB with the stack the project was asked
// for (Leptos's view! components, serde, gloo-storage). The stack and that
// target collide: the interface written with view! measured 313.6 KB after
// every idiomatic lever (release profile, wasm-opt, talc, terser,
// erase_components, one text-closure type, the clinic file read without
// serde's flatten, content per language and section); the same app drawn
// by hand measured 207 KB. Issue #15's desk, session link, printable card
// and QR encoder then added 43.1 KB (356.7 KB). Issue #16's progress photos
// added 65.7 KB (422.4 KB): the photo record in backups 8.5 KB, the Photos
// screens with the IndexedDB store, the image scaling and the camera 47.1 KB,
// backups with photos and their restore on the Privacy page, and the
// review mends, 10.1 KB. Keeping the compare choices through a language
// switch, sharing a photo (or saving a copy) and not creating an empty photo
// database on the Privacy page added 3.3 KB (425.7 KB).
// Trunk cannot split the WASM, so this code is downloaded with the rest
// although it runs only when Photos is opened. The stack is kept, as the
// project's guide says, and the gate stays: it sits a few KB above the
// measured size so that any growth fails. Figures: docs/BENCHMARKS.md.
export const BUDGET_BYTES = 428 * 1024;
