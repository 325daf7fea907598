import { defineConfig } from "@playwright/test";

// One port for the whole run: workers inherit the environment of the main process, so they agree.
process.env.OMNIJOURNEY_E2E_PORT ??= String(20000 + Math.floor(Math.random() * 20000));
process.env.OMNIJOURNEY_E2E_ADMIN_TOKEN ??= `e2e-admin-${Math.random().toString(36).slice(2)}`;
process.env.OMNIJOURNEY_E2E_WRITE_KEY ??= `e2e-write-${Math.random().toString(36).slice(2)}`;

export default defineConfig({
  testDir: "./tests",
  globalSetup: "./global-setup.ts",
  // The suite drives one stack (one database, one Temporal), so tests run one at a time.
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  // The stack shares two cores with its engines; screens backed by large queries may take a while.
  expect: { timeout: 30_000 },
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    baseURL:
      process.env.OMNIJOURNEY_E2E_BASE_URL ??
      `http://127.0.0.1:${process.env.OMNIJOURNEY_E2E_PORT}`,
    viewport: { width: 1280, height: 800 },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
});
