import fs from "node:fs";
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";

// The house's one-way layout (docs/decisions/019-one-way-imports.md):
//   app/ → components/ → lib/<domain>/ → lib/db and other infrastructure
// server/ is plain Node beside it all, sharing only server/shared.mjs and
// server/bridge.mjs. lib/import-boundaries.test.ts proves each rule bites.

const PRISMA_CLIENT =
  "Only a domain's data.ts and mutations.ts or mutations/ (and lib/db itself) touch the Prisma client: read or write through lib/<domain>/data.ts or mutations.ts.";
const AUTH_INSTANCE =
  "auth.ts hands Auth.js's instance (lib/auth/instance.ts) to its own endpoints (app/api/auth) only: use lib/auth (getCurrentUser, requireUser, requireApiUser from loaders.ts; signInWithPassword, signOutHere from sign-in.ts).";

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

// The order of lib/ (docs/decisions/031-domain-order.md), top first: a
// domain imports only from the layers below its own — never above, never
// beside — so no two domains can import each other, however indirectly.
// Every folder and file of lib/ has its place; lib/import-boundaries.test.ts
// checks that none is missing (one that is may not be imported meanwhile).
export const LIB_LAYERS = [
  // features that use a party or sign-in: accounts (register → sign in;
  // delete → the parties go), calendar feeds, the page cache's stamp, test tools
  ["users", "calendar", "page-cache", "testing"],
  // signing in: the password, the second factor, the session cookie
  ["auth"],
  ["two-factor", "parties"],
  // what a party has; lib/parties writes them in its own transactions
  ["dishes", "notifications", "invitations", "dietary"],
  ["safe-action.ts", "mail"],
  // the rules every domain above shares: a party's visibility and refusals,
  // who is signed in, passwords, capability tokens
  ["party-access", "sessions", "credentials", "tokens.ts", "flash", "rate-limit", "viewer.ts"],
  ["http", "text.ts", "time.ts", "links.ts", "env.ts"],
  ["zod.ts", "memo.ts"],
  ["form-state.ts"],
  ["db"],
];

const libPath = (entry) => `./lib/${entry}`;
const placed = LIB_LAYERS.flat();
const unplaced = fs
  .readdirSync(new URL("./lib", import.meta.url))
  .filter((entry) => !entry.endsWith(".test.ts") && !placed.includes(entry));

const domainOrder = [
  ...LIB_LAYERS.flatMap((layer, i) =>
    layer.map((entry) => ({
      target: libPath(entry),
      from: [...LIB_LAYERS.slice(0, i).flat(), ...layer.filter((other) => other !== entry)].map(libPath),
      message: `lib/${entry} imports only from the layers below its own (LIB_LAYERS in eslint.config.mjs, docs/decisions/031-domain-order.md): move what both need down a layer.`,
    })),
  ),
  ...unplaced.map((entry) => ({
    target: placed.map(libPath),
    from: libPath(entry),
    message: `lib/${entry} has no place in the domain order yet: add it to LIB_LAYERS in eslint.config.mjs.`,
  })),
].filter((zone) => zone.from.length > 0);

// Every sign-in goes through Auth.js's credentials provider (decision 019);
// tests may call the check itself.
const SIGN_IN = [
  {
    target: [
      "./app/**",
      "./components/**",
      "./lib/!(auth)/**",
      "./lib/*.ts",
      "./lib/auth/!(instance|credentials).ts",
      "./auth.ts",
      "./proxy.ts",
    ],
    from: "./lib/auth/credentials.ts",
    message:
      "A login is decided only by the authorize() of Auth.js's credentials provider (lib/auth/instance.ts): sign in with lib/auth/sign-in.ts.",
  },
];

// The house's layout: app/ → components/ → lib/ → lib/db; server/ apart.
const LAYOUT = [
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
];

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
    rules: { "import/no-restricted-paths": ["error", { zones: LAYOUT }] },
  },
  {
    files: ["**/*.{ts,tsx,mjs,js}"],
    ignores: ["**/*.test.ts"],
    rules: { "import/no-restricted-paths": ["error", { zones: [...LAYOUT, ...SIGN_IN] }] },
  },
  {
    // Inside lib/, also the domain order. Tests may reach across it (a
    // dish's test makes a party); nothing imports a test.
    files: ["lib/**/*.{ts,tsx,mjs,js}"],
    ignores: ["**/*.test.ts"],
    rules: {
      "import/no-restricted-paths": ["error", { zones: [...LAYOUT, ...SIGN_IN, ...domainOrder] }],
      // And no cycle between files, inside a domain or across. disableScc: the
      // shortcut reads the graph from disk only, so it would miss a cycle in
      // text being linted (lib/import-boundaries.test.ts); lib/ is small to walk.
      "import/no-cycle": ["error", { ignoreExternal: true, disableScc: true }],
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
