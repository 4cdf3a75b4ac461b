/**
 * Jest runs TypeScript through ts-jest (type errors are checked once by `npm run typecheck`, so ts-jest
 * only transpiles). Node is the default environment; React tests opt into jsdom with a docblock.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  setupFiles: ["<rootDir>/test/support/custom-functions-global.ts", "<rootDir>/test/support/jsdom-globals.ts", "<rootDir>/test/support/fast-check-seed.ts"],
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      {
        tsconfig: { module: "commonjs", moduleResolution: "node", jsx: "react-jsx", esModuleInterop: true, isolatedModules: true },
      },
    ],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  testTimeout: 60000,
};
