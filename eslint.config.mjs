import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";

// The house's one-way layout (docs/decisions/019-one-way-imports.md):
//   app/ → components/ → lib/<domain>/ → lib/db and other infrastructure
// server/ is plain Node beside it all, sharing only server/shared.mjs and
// server/bridge.mjs. lib/import-boundaries.test.ts proves each rule bites.

const PRISMA_CLIENT =
  "Only a domain's data.ts and mutations.ts or mutations/ (and lib/db itself) touch the Prisma client: read or write through lib/<domain>/data.ts or mutations.ts.";
const AUTH_INSTANCE =
  "auth.ts is Auth.js's instance, for its own endpoints (app/api/auth) only: use lib/auth (getCurrentUser, requireUser, requireApiUser from loaders.ts; signInWithPassword, signOutHere from sign-in.ts).";

const prismaClientImports = {
  paths: [{ name: "@/lib/db", message: PRISMA_CLIENT }],
  patterns: [
    { regex: "^(\\./|(\\.\\./)+)(lib/)?db(/index(\\.ts)?)?$", message: PRISMA_CLIENT },
    { regex: "(^@/lib/db/|/)generated(/|$)", message: PRISMA_CLIENT },
    { regex: "^@prisma/client(/|$)", message: PRISMA_CLIENT },
  ],
};

// Files that may hold the Prisma client.
const DATA_LAYER = [
  "lib/*/data.ts",
  "lib/*/mutations.ts",
  // a domain whose writes outgrew one file: mutations/index.ts and its parts
  "lib/*/mutations/*.ts",
  "lib/db/**",
  "**/*.test.ts",
  "lib/**/test-helpers.ts",
  "e2e/**",
  "scripts/**",
  "prisma/**",
  "prisma.config.ts",
];

const AUTH_ROUTE = "app/api/auth/**";

const config = [
  ...nextCoreWebVitals,
  ...nextTypeScript,
  {
    // Playwright fixtures call `use(...)`, which is not React's hook.
    files: ["e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // Resolved paths: an alias and a relative path to the same file are the same import.
    files: ["**/*.{ts,tsx,mjs,js}"],
    rules: {
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: ["./lib", "./components", "./server"],
              from: "./app",
              message: "app/ is the top of the house: nothing below imports it.",
            },
            { target: ["./lib", "./components", "./server"], from: "./auth.ts", message: AUTH_INSTANCE },
            {
              target: ["./lib", "./server"],
              from: "./components",
              message: "components/ sit above lib/: lib/ never imports UI.",
            },
            {
              target: "./lib/db",
              from: "./lib",
              except: ["./db"],
              message: "lib/db is infrastructure: it knows no domain.",
            },
            {
              target: "./server",
              from: ["./lib", "./proxy.ts", "./instrumentation.ts"],
              message: "server/ is plain Node: it shares only server/shared.mjs and server/bridge.mjs with the app.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.{ts,tsx,mjs,js}"],
    ignores: [...DATA_LAYER, AUTH_ROUTE],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "@/auth", message: AUTH_INSTANCE }, ...prismaClientImports.paths],
          patterns: [{ regex: "^(\\.\\./)+auth(\\.ts)?$", message: AUTH_INSTANCE }, ...prismaClientImports.patterns],
        },
      ],
    },
  },
  {
    files: [AUTH_ROUTE],
    rules: { "no-restricted-imports": ["error", prismaClientImports] },
  },
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "lib/db/generated/**",
      "var/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
];

export default config;
