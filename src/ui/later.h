// TIMPUSH_LATER marks the entry point of a view or flow the page's first frame does not run.
//
// Why: the page's wasm is split after linking (src/platform/web/split_first_frame.mjs): what the
// first frame runs stays in timpush.wasm, everything else goes to timpush.later.wasm, fetched once
// the first frame is on screen. Link-time optimisation inlines a function that has one caller into
// it, and a view inlined into the frame loop would be "run by the first frame" and stay in the
// first download. Keeping each view's entry point a function of its own lets its code move out.
// Natively the mark changes nothing that a test could see.
#pragma once

#if defined(__GNUC__) || defined(__clang__)
#define TIMPUSH_LATER __attribute__((noinline))
#else
#define TIMPUSH_LATER
#endif
