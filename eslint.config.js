import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      ".next/",
      "dist/",
      ".vigil/",
      ".test-data/",
      "db/migrations/",
      "next-env.d.ts",
      "test-results/",
      "playwright-report/",
    ],
  },
  js.configs.recommended,
  {
    files: ["scripts/**/*.mjs", "test/**/*.mjs", "*.js"],
    languageOptions: { globals: { console: "readonly", process: "readonly", setImmediate: "readonly" } },
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/consistent-type-definitions": ["error", "type"],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
  {
    // Only server/env.ts reads process.env.
    files: ["server/**/*.ts", "db/**/*.ts", "workers/**/*.ts", "app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    ignores: ["server/env.ts", "**/*.test.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read config through server/env.ts." },
      ],
    },
  },
  {
    // React: the rules of hooks and accessible markup, on every component and page.
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    plugins: { "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      ...jsxA11y.flatConfigs.recommended.rules,
    },
  },
  {
    // The server/client boundary: client UI may use the isomorphic contracts only.
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/db/*", "@/workers/*", "**/db/**", "**/workers/**"],
              message: "Client code must not import the database or workers.",
            },
            {
              regex: "^(@/|(\\.\\./)+)server/(?!contracts/)",
              message: "Client code may import only server/contracts.",
            },
          ],
        },
      ],
    },
  },
);
