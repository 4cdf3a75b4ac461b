// ESLint: typescript-eslint's recommended rules, React hooks rules for the pane, and the architecture's
// import direction: core imports nothing of ours outside core; functions never touch the pane or Excel.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const outside = (...dirs) => dirs.map((dir) => ({ group: [`**/${dir}`, `**/${dir}/**`], message: `not allowed from here (see docs/architecture.md)` }));

export default tseslint.config(
  { ignores: ["dist/", "dist-workbench/", "coverage/", "node_modules/", "bench/results.json"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    // Type-aware rules: a promise nobody awaits or handles (a write, an Excel.run) fails silently, so it
    // must be awaited, returned, or marked `void` on purpose.
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "no-console": "error",
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [...outside("functions", "taskpane", "excel", "i18n"), { group: ["react", "react-dom", "@fluentui/*", "zod"], message: "the core is plain TypeScript" }] }],
      "no-restricted-globals": ["error", "Office", "Excel", "CustomFunctions", "window", "document"],
    },
  },
  {
    files: ["src/functions/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [...outside("taskpane", "excel"), { group: ["react", "react-dom", "@fluentui/*", "zod"], message: "keep functions.js small: plain checks in the adapters" }] }],
      "no-restricted-globals": ["error", "Excel", "window", "document"],
    },
  },
  {
    files: ["src/i18n/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: outside("functions", "taskpane", "excel") }],
    },
  },
  {
    files: ["src/excel/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [...outside("functions", "taskpane"), { group: ["react", "react-dom", "@fluentui/*"], message: "the gateway has no UI" }] }],
    },
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "no-restricted-imports": ["error", { patterns: outside("functions") }],
      "no-restricted-globals": ["error", "Excel"],
    },
  },
  {
    files: ["src/workbench/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // HyperFormula (GPL-3.0) is for the workbench (a development host, its own build) and tests only, and test
    // doubles for tests only: never in the add-in. A separate rule name, so the per-folder
    // no-restricted-imports lists above stay as they are.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/workbench/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["hyperformula", "hyperformula/*", "**/workbench", "**/workbench/**"], message: "HyperFormula and the workbench stay out of the add-in (README, Workbench)" },
            { group: ["**/memory-gateway", "office-addin-mock", "fast-check"], message: "test code stays out of the add-in (outside Excel the pane uses outside-excel-gateway)" },
          ],
        },
      ],
    },
  },
  {
    files: ["test/**/*.{ts,tsx}", "bench/**/*.{ts,mjs}"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-non-null-assertion": "off", "no-console": "off" },
  },
  {
    files: ["**/*.{js,cjs,mjs}"],
    languageOptions: { globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off", "no-console": "off" },
  },
);
