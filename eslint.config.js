// One lint config for every package. Type-aware rules stay off so lint is fast; `npm run typecheck` covers types.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  {
    ignores: [
      "**/dist/**",
      "**/node_modules/**",
      ".data/**",
      "**/.turbo/**",
      "e2e/test-results/**",
      "e2e/playwright-report/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  {
    files: ["studio/src/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Workflows must stay deterministic and light: Temporal's workflow API, the zod-free workflow entry
    // of the shared model (preloaded once per worker thread, see runtime/src/bundle.ts), and types.
    files: ["runtime/src/workflows/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(?!@temporalio/workflow$|@omnijourney/shared/workflow$|\\.{1,2}/).*",
              message:
                "Workflow code may import values only from @temporalio/workflow, @omnijourney/shared/workflow and other workflow modules; anything else (the shared index included) via `import type`.",
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
);
