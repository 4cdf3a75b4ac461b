/**
 * Jest reads `testTimeout` only from the top-level configuration, not from a project's: each project in
 * jest.config.js passes its own as the global `__PROJECT_TEST_TIMEOUT__`, applied here to every test file.
 */
const timeout = (globalThis as { __PROJECT_TEST_TIMEOUT__?: number }).__PROJECT_TEST_TIMEOUT__;
if (typeof timeout === "number") jest.setTimeout(timeout);

/**
 * In jsdom, Testing Library's `findBy…`/`waitFor` give up after 1 s by default: on a loaded two-core CI
 * machine a write through the memory gateway and the dialog after it can take longer, and the test would
 * fail for time alone. 5 s is still far below the test's own timeout, so a real failure is still reported.
 */
if (typeof document !== "undefined") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require("@testing-library/dom") as typeof import("@testing-library/dom")).configure({ asyncUtilTimeout: 5000 });
}
