/**
 * Marks the `unit` jest project: its tests must run without a build. test/support/dist.ts refuses to
 * read `dist/` here, so a test that needs the build says so by its name (`*.built.test.ts`).
 */
(globalThis as { __salesPlannerUnitProject?: boolean }).__salesPlannerUnitProject = true;

// jest reads `testTimeout` from the global config only: the per-project value in jest.config.js is
// ignored and a unit test would get jest's 5 s, which a loaded 2-core machine exceeds (the first
// Decompose page test renders the whole pane). The project's timeout, set where it takes effect:
jest.setTimeout(30_000);
