import { AxeBuilder } from "@axe-core/playwright";
import {
  expect,
  test as base,
  type APIRequestContext,
  type Locator,
  type Page,
} from "@playwright/test";

/** Credentials the global setup gave the stack (or those of an already running one). */
export const adminToken = () => process.env.OMNIJOURNEY_E2E_ADMIN_TOKEN ?? "";
export const writeKey = () => process.env.OMNIJOURNEY_E2E_WRITE_KEY ?? "";
export const mailApiUrl = () => process.env.OMNIJOURNEY_E2E_MAIL_API ?? "";

type Json = Record<string, unknown>;

/** The management API, as a script or another service would call it. */
export class Api {
  constructor(private readonly request: APIRequestContext) {}

  async call(
    method: "GET" | "POST" | "PUT" | "DELETE",
    path: string,
    body?: unknown,
  ): Promise<Json> {
    const response = await this.request.fetch(path, {
      method,
      headers: { authorization: `Bearer ${adminToken()}` },
      ...(body === undefined ? {} : { data: body }),
    });
    const text = await response.text();
    expect(response.ok(), `${method} ${path} → ${response.status()} ${text}`).toBe(true);
    return text ? (JSON.parse(text) as Json) : {}; // why: the API answers JSON objects
  }

  async createJourney(doc: Json): Promise<string> {
    const created = await this.call("POST", "/api/journeys", doc);
    return String(created.id);
  }

  async journeys(): Promise<{ id: string; name: string; status: string }[]> {
    const list = await this.call("GET", "/api/journeys");
    return list.items as { id: string; name: string; status: string }[]; // why: GET /api/journeys answers { items }
  }

  /** Segment-compatible ingestion with the write key as the Basic user name. */
  async ingest(kind: "track" | "identify", body: Json): Promise<void> {
    const response = await this.request.post(`/v1/${kind}`, {
      headers: { authorization: `Basic ${Buffer.from(`${writeKey()}:`).toString("base64")}` },
      data: body,
    });
    expect(response.ok(), `/v1/${kind} → ${response.status()} ${await response.text()}`).toBe(true);
  }
}

export const test = base.extend<{ api: Api; signedIn: Page }>({
  api: async ({ request }, use) => {
    await use(new Api(request));
  },
  /** A page already signed in: the token is in sessionStorage before the app loads. */
  signedIn: async ({ page }, use) => {
    await page.addInitScript(
      (token) => sessionStorage.setItem("omnijourney.adminToken", token),
      adminToken(),
    );
    await use(page);
  },
});
export { expect };

/** The canvas node with this id (DESIGN.md: `data-testid="node-<id>"`). */
export const node = (page: Page, id: string): Locator => page.getByTestId(`node-${id}`);

/** Drags a palette entry onto the canvas at a point relative to the canvas' top-left corner. */
export async function dropFromPalette(
  page: Page,
  type: string,
  at: { x: number; y: number },
): Promise<void> {
  const pane = page.locator(".react-flow__pane");
  await page.getByTestId(`palette-${type}`).dragTo(pane, { targetPosition: at });
}

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error("element is not visible");
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * Moves `lower` below `upper` when the two overlap, as a person would before connecting them
 * (a drop on a loaded machine sometimes lands a little off).
 */
export async function keepApart(page: Page, upper: string, lower: string): Promise<void> {
  const a = await node(page, upper).boundingBox();
  const b = await node(page, lower).boundingBox();
  if (!a || !b || b.y >= a.y + a.height + 40) return;
  if (b.x > a.x + a.width || b.x + b.width < a.x) return;
  await page.mouse.move(b.x + 40, b.y + 15);
  await page.mouse.down();
  await page.mouse.move(b.x + 40, a.y + a.height + 140, { steps: 8 });
  await page.mouse.up();
}

/** The connection from one node to another, as React Flow labels it. */
export const edgeBetween = (page: Page, from: string, to: string): Locator =>
  page.locator(`.react-flow__edge[aria-label="Edge from ${from} to ${to}"]`);

/**
 * Connects an output port of one node to the input of another by dragging with the mouse. On a busy
 * machine the press sometimes lands on the node's body and moves the node instead; that move is
 * undone and the connection tried again, so the journey and its history end up as a person intended.
 */
export async function connect(page: Page, from: string, to: string, port?: string): Promise<void> {
  const source = node(page, from)
    .locator(
      port ? `.react-flow__handle.source[data-handleid="${port}"]` : ".react-flow__handle.source",
    )
    .first();
  const target = node(page, to).locator(".react-flow__handle.target");
  for (let attempt = 1; attempt <= 3; attempt++) {
    const before = await node(page, from).boundingBox();
    const a = await centre(source);
    const b = await centre(target);
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
    await page.mouse.move(b.x, b.y, { steps: 5 });
    await page.mouse.up();
    try {
      await expect(edgeBetween(page, from, to)).toHaveCount(1, { timeout: 3_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
    const after = await node(page, from).boundingBox();
    if (before && after && (Math.abs(before.x - after.x) > 1 || Math.abs(before.y - after.y) > 1)) {
      await page.locator(".react-flow__pane").click({ position: { x: 8, y: 8 } });
      await page.keyboard.press(process.platform === "darwin" ? "Meta+z" : "Control+z");
    }
  }
}

/** Waits until the autosave indicator says the draft is stored. */
export async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByTestId("save-status")).toHaveText(/All changes saved/, {
    timeout: 15_000,
  });
}

/** Creates a blank journey through the studio and opens its editor. */
export async function newBlankJourney(page: Page): Promise<string> {
  await page.goto("/");
  await page.getByTestId("new-journey").click();
  await page.getByTestId("template-blank").click();
  await page.waitForURL(/\/journeys\/[^/?]+$/);
  await expect(page.locator(".react-flow__pane")).toBeVisible();
  return page.url().split("/journeys/")[1] ?? "";
}

/** Saves a screenshot of a main screen for people to look at (e2e/screenshots/), at 1440×900. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: `screenshots/${name}.png` });
  if (before) await page.setViewportSize(before);
}

/**
 * axe-core on the current screen: no serious or critical violation. `exclude` leaves parts out: the sandboxed
 * preview frame runs no scripts, so axe cannot run inside it (its partial run there never answers).
 */
export async function expectAccessible(
  page: Page,
  options: { exclude?: string[] } = {},
): Promise<void> {
  let builder = new AxeBuilder({ page }).exclude(".react-flow__minimap");
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const results = await builder.analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    bad.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    ),
  ).toEqual([]);
}
