/**
 * Marks the `unit` jest project: its tests must run without a build. test/support/dist.ts refuses to
 * read `dist/` here, so a test that needs the build says so by its name (`*.built.test.ts`).
 */
(globalThis as { __salesPlannerUnitProject?: boolean }).__salesPlannerUnitProject = true;

