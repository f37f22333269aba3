import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

const config = [
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      ".emulator/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    linterOptions: { reportUnusedDisableDirectives: true },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Every word on screen comes from the message catalogues (messages/*): a text child in
    // JSX is a hard-coded string. Punctuation and symbols between translated parts are fine.
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    rules: {
      "react/jsx-no-literals": [
        "error",
        {
          noStrings: true,
          ignoreProps: true,
          allowedStrings: ["·", "–", "—", "→", "←", "…", "%", "(", ")", "/", ":", "|", "×", "#", "*", ",", " · "],
        },
      ],
    },
  },
  // The house's fences: the path says where code may run and what it may reach.
  {
    // Components and the browser's library never reach up into app/ nor into server code,
    // and nothing the app ships imports the emulator (tests and their support may).
    files: ["components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"],
    ignores: ["lib/server/**", "**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(@/app(/|$)|(\\.\\./)+app(/|$))",
              message: "Components and lib/ never import app/: move what both need into components/ or lib/.",
            },
            {
              regex: "^(@/lib/server(/|$)|(\\.\\./)+server(/|$)|(\\.\\./)*lib/server(/|$))",
              message:
                "Client and shared code never import server code (lib/server/): pass the data through a route or a server component.",
            },
            {
              regex: "^(@/emulator|(\\.\\./)+emulator)(/|$)",
              message: "The app never imports the emulator; only tests and their support do.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}", "lib/server/**/*.ts", "proxy.ts", "instrumentation.ts"],
    ignores: ["**/*.test.ts", "lib/server/testing/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(@/emulator|(\\.\\./)+emulator)(/|$)",
              message: "The app never imports the emulator; only tests and their support do.",
            },
            {
              regex: "^(@/lib/server/testing|(\\.{1,2}/)+testing)(/|$)",
              message: "The app never imports test support (lib/server/testing).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.test.ts", "e2e/**/*.ts"],
    // Playwright fixtures receive a `use` callback that is not React's hook.
    rules: { "@typescript-eslint/no-explicit-any": "off", "react-hooks/rules-of-hooks": "off" },
  },
];

export default tseslint.config(...config);
