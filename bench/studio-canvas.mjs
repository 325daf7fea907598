// Benchmark (issue 7): open a 500-node journey in headless Chromium. Three pages are built with Vite from
// studio/bench/ into a temp dir and served on 127.0.0.1 by a tiny static server:
//   studio.html — the studio's real canvas (studio/src/canvas/Canvas.tsx: its node components, smoothstep
//                 edges with arrows, minimap, controls, background, store), no API (built-in node types);
//   bare.html   — the baseline: bare React Flow (@xyflow/react) with default nodes and edges, same graph;
//   chrome.html — attribution only: bare React Flow plus the studio's chrome (background, minimap, controls,
//                 smoothstep edges with arrows) and default nodes, to tell React Flow's parts from ours.
// Measured per page, in alternating rounds in the same browser:
//   time to interactive: performance.now() (from navigation start) when every node is measured and two
//                        frames have been painted after the fit (targets < 2 s and ≤ 1.3x bare);
//   panning fps:         animation frames per second while the mouse drags the pane in a circle for a fixed
//                        time (targets ≥ 30 fps and ≥ 1/1.3 of bare).
// Also reports the production bundle size gzipped (studio/dist: all JS and CSS) against a baseline bundle of
// react + react-dom + @xyflow/react alone (the bare page's build).
/* global window, document, requestAnimationFrame -- the page.evaluate bodies run in the browser */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { median, report } from "./_engines.mjs";

const root = path.resolve(import.meta.dirname, "..");
const studioDir = path.join(root, "studio");
const harnessDir = path.join(studioDir, "bench");
const ROUNDS = Number(process.env.BENCH_CANVAS_ROUNDS ?? 6);
const PAN_MS = 3_000;
const NODES = 500;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "omnij-bench-canvas-"));
const cleanups = [() => fs.rmSync(tmp, { recursive: true, force: true })];
async function cleanup() {
  for (const fn of cleanups.splice(0).reverse()) await Promise.resolve(fn()).catch(() => undefined);
}

/** Gzipped size in bytes of the .js and .css files index.html loads up front (script, stylesheet, modulepreload). */
function initialGzippedSize(dir) {
  const html = fs.readFileSync(path.join(dir, "index.html"), "utf8");
  const files = new Set(
    [...html.matchAll(/(?:src|href)="\.?\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]),
  );
  let total = 0;
  for (const file of files)
    total += zlib.gzipSync(fs.readFileSync(path.join(dir, file)), { level: 9 }).length;
  return total;
}

/** Gzipped size in bytes of every .js and .css file under a directory (all chunks, lazy ones included). */
function gzippedSize(dir) {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(js|css)$/.test(entry.name)) continue;
    total += zlib.gzipSync(fs.readFileSync(path.join(entry.parentPath, entry.name)), {
      level: 9,
    }).length;
  }
  return total;
}

async function buildHarness() {
  const { build } = await import("vite");
  const { default: react } = await import("@vitejs/plugin-react");
  for (const page of ["studio", "bare", "chrome"]) {
    await build({
      configFile: false,
      root: harnessDir,
      base: "./",
      logLevel: "warn",
      plugins: [react()],
      build: {
        outDir: path.join(tmp, page),
        emptyOutDir: true,
        chunkSizeWarningLimit: 5000,
        rollupOptions: { input: path.join(harnessDir, `${page}.html`) },
      },
    });
  }
}

function serve(dir) {
  const types = {
    ".html": "text/html",
    ".js": "text/javascript",
    ".css": "text/css",
    ".svg": "image/svg+xml",
  };
  const server = http.createServer((req, res) => {
    const file = path.join(
      dir,
      path.normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)),
    );
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      "content-type": types[path.extname(file)] ?? "application/octet-stream",
      "cache-control": "no-store",
    });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      cleanups.push(() => new Promise((r) => server.close(() => r())));
      resolve(`http://127.0.0.1:${server.address().port}`);
    }),
  );
}

/** Opens one page in a fresh context; returns its time to interactive and panning fps. */
async function measure(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(
      () => window.__bench?.ready !== null || window.__bench?.error,
      null,
      { timeout: 60_000, polling: 50 },
    );
    const probe = await page.evaluate(() => window.__bench);
    if (probe.error || probe.nodes < NODES)
      throw new Error(`${url}: ${probe.error ?? `${probe.nodes} nodes`}`);
    // An empty spot of the pane to grab (dragging a node would move the node, not the view).
    const start = await page.evaluate(() => {
      for (let y = 60; y < 780; y += 7)
        for (let x = 40; x < 1240; x += 7) {
          const el = document.elementFromPoint(x, y);
          if (el?.classList.contains("react-flow__pane")) return { x, y };
        }
      return null;
    });
    if (!start) throw new Error(`${url}: no empty pane to drag`);
    const before = await page.evaluate(
      () => document.querySelector(".react-flow__viewport")?.style.transform,
    );
    await page.evaluate(() => {
      const frames = [];
      window.__frames = frames;
      const tick = (t) => {
        frames.push(t);
        if (!window.__stopFrames) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    const t0 = Date.now();
    let moves = 0;
    while (Date.now() - t0 < PAN_MS) {
      const a = ((Date.now() - t0) / 1000) * 2 * Math.PI;
      await page.mouse.move(start.x + 200 * Math.sin(a), start.y + 120 * (1 - Math.cos(a)));
      moves++;
    }
    await page.mouse.up();
    const frames = await page.evaluate(() => {
      window.__stopFrames = true;
      return window.__frames;
    });
    const after = await page.evaluate(
      () => document.querySelector(".react-flow__viewport")?.style.transform,
    );
    if (before === after) throw new Error(`${url}: the view did not pan`);
    // Frames painted between the first and the last of the drag, per second.
    const spanMs = frames[frames.length - 1] - frames[0];
    const fps = ((frames.length - 1) * 1000) / spanMs;
    return { tti: probe.ready, fps, moves };
  } finally {
    await context.close();
  }
}

try {
  if (!fs.existsSync(path.join(studioDir, "dist", "index.html"))) {
    execFileSync("npm", ["run", "build", "-w", "studio"], { cwd: root, stdio: "inherit" });
  }
  await buildHarness();
  const bundle = gzippedSize(path.join(studioDir, "dist"));
  const bundleBase = gzippedSize(path.join(tmp, "bare"));
  const bundleInitial = initialGzippedSize(path.join(studioDir, "dist"));
  const url = await serve(tmp);

  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  cleanups.push(() => browser.close());

  const runs = { studio: [], bare: [], chrome: [] };
  // Warm-up, one load of each page: the browser's start, and each page's first load, which compiles its script
  // with no code cache (warming only one page left the others' first round slower).
  for (const page of ["bare", "chrome", "studio"])
    await measure(browser, `${url}/${page}/${page}.html`);
  for (let round = 0; round < ROUNDS; round++) {
    for (const page of round % 2 ? ["studio", "chrome", "bare"] : ["bare", "chrome", "studio"]) {
      const r = await measure(browser, `${url}/${page}/${page}.html`);
      runs[page].push(r);
      console.log(
        `round ${round + 1} ${page}: interactive in ${r.tti.toFixed(0)} ms, panning ${r.fps.toFixed(1)} fps (${r.moves} mouse moves)`,
      );
    }
  }

  const tti = median(runs.studio.map((r) => r.tti));
  const ttiBase = median(runs.bare.map((r) => r.tti));
  const fps = median(runs.studio.map((r) => r.fps));
  const fpsBase = median(runs.bare.map((r) => r.fps));
  const round1 = (x) => Number(x.toFixed(1));
  const ttiRatio = Number((tti / ttiBase).toFixed(2));
  const fpsRatio = Number((fps / fpsBase).toFixed(2));
  console.log(
    `500-node journey: studio canvas interactive in ${round1(tti)} ms (bare React Flow ${round1(ttiBase)} ms, ${ttiRatio}x); panning ${round1(fps)} fps (bare ${round1(fpsBase)} fps, ${fpsRatio}x)`,
  );
  console.log(
    `bundle: studio/dist ${(bundle / 1024).toFixed(1)} KiB gzipped (all chunks), ${(bundleInitial / 1024).toFixed(1)} KiB loaded up front; react+react-dom+@xyflow/react alone ${(bundleBase / 1024).toFixed(1)} KiB`,
  );
  const chromeTti = median(runs.chrome.map((r) => r.tti));
  const chromeFps = median(runs.chrome.map((r) => r.fps));
  console.log(
    `attribution: React Flow + background/minimap/controls/smoothstep edges, default nodes: interactive in ${round1(chromeTti)} ms, panning ${round1(chromeFps)} fps`,
  );
  report({
    name: "studio-canvas-500-time-to-interactive",
    value: round1(tti),
    unit: "ms",
    baseline: round1(ttiBase),
    ratio: ttiRatio,
    target: "< 2000 ms and <= 1.3x bare React Flow",
    ok: tti < 2000 && ttiRatio <= 1.3,
  });
  report({
    name: "studio-canvas-500-pan-fps",
    value: round1(fps),
    unit: "fps",
    baseline: round1(fpsBase),
    ratio: fpsRatio,
    target: ">= 30 fps and >= 1/1.3 (0.77) of bare React Flow",
    ok: fps >= 30 && fpsRatio >= 1 / 1.3,
  });
  report({
    name: "studio-canvas-500-pan-fps-vs-reactflow-with-chrome",
    value: round1(fps),
    unit: "fps",
    baseline: round1(chromeFps),
    ratio: Number((fps / chromeFps).toFixed(2)),
    target:
      "report (baseline: React Flow with the same background, minimap, controls and edges; default nodes)",
    ok: true,
  });
  report({
    name: "studio-bundle-gzip-initial",
    value: round1(bundleInitial / 1024),
    unit: "KiB",
    baseline: round1(bundleBase / 1024),
    ratio: Number((bundleInitial / bundleBase).toFixed(2)),
    target: "report (what index.html loads up front; lazy chunks excluded)",
    ok: true,
  });
  report({
    name: "studio-bundle-gzip",
    value: round1(bundle / 1024),
    unit: "KiB",
    baseline: round1(bundleBase / 1024),
    ratio: Number((bundle / bundleBase).toFixed(2)),
    target: "report (baseline: react + react-dom + @xyflow/react alone)",
    ok: true,
  });
} finally {
  await cleanup();
}
