/**
 * Three jest projects, so the everyday loop needs no build:
 * - `unit`: core, adapters, task pane (jsdom), gateways — no `dist/`, no browser. `npm run test:unit`.
 * - `built`: tests of the production build (`dist/`: bundle, metadata, formulas through HyperFormula,
 *   workbench). Files are named `*.built.test.ts(x)`. Needs `npm run build` (and `build:workbench`).
 * - `browser`: headless Chromium against the built pane and the workbench (`*.browser.test.ts`,
 *   `*.e2e.test.ts`). Needs both builds and `/usr/bin/chromium`.
 * `npm test` builds, then runs all three. A unit test that reaches for `dist/` fails with a message saying
 * to rename it (test/support/dist.ts).
 *
 * ts-jest only transpiles: type errors are checked once by `npm run typecheck`.
 */
const transform = {
  "^.+\\.tsx?$": [
    "ts-jest",
    {
      tsconfig: { module: "commonjs", moduleResolution: "node", jsx: "react-jsx", esModuleInterop: true, isolatedModules: true },
    },
  ],
};

const setupFiles = [
  "<rootDir>/test/support/custom-functions-global.ts",
  "<rootDir>/test/support/jsdom-globals.ts",
  "<rootDir>/test/support/fast-check-seed.ts",
];

/**
 * Settings every project shares; each adds what it matches, its setup and its timeout (passed as a global
 * and applied by test/support/project-timeout.ts: jest reads `testTimeout` only at the top level).
 */
const shared = {
  rootDir: __dirname,
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  transform,
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...shared,
      displayName: "unit",
      testMatch: ["**/*.test.ts", "**/*.test.tsx"],
      testPathIgnorePatterns: ["/node_modules/", "\\.built\\.test\\.tsx?$", "\\.browser\\.test\\.ts$", "\\.e2e\\.test\\.ts$"],
      setupFiles: [...setupFiles, "<rootDir>/test/support/unit-project.ts"],
      globals: { __PROJECT_TEST_TIMEOUT__: 30000 },
      setupFilesAfterEnv: ["<rootDir>/test/support/project-timeout.ts"],
    },
    {
      ...shared,
      displayName: "built",
      testMatch: ["**/*.built.test.ts", "**/*.built.test.tsx"],
      setupFiles,
      globals: { __PROJECT_TEST_TIMEOUT__: 60000 },
      setupFilesAfterEnv: ["<rootDir>/test/support/project-timeout.ts"],
    },
    {
      ...shared,
      displayName: "browser",
      testMatch: ["**/*.browser.test.ts", "**/*.e2e.test.ts"],
      setupFiles,
      globals: { __PROJECT_TEST_TIMEOUT__: 180000 },
      setupFilesAfterEnv: ["<rootDir>/test/support/project-timeout.ts"],
    },
  ],
};
