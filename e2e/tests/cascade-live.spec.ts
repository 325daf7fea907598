import { AxeBuilder } from "@axe-core/playwright";
import { expect, node, screenshot, test } from "./fixtures.js";

/** Email first (6 s to respond), then Telegram (2 s); transactional, so quiet hours never defer it. */
const cascadeJourney = (event: string) => ({
  name: "Cascade live view",
  nodes: [
    { id: "t", type: "trigger.event", position: { x: 0, y: 0 }, config: { event } },
    {
      id: "c",
      type: "message.cascade",
      name: "Reminder",
      position: { x: 0, y: 160 },
      config: {
        category: "transactional",
        steps: [
          {
            channel: "email",
            window: { amount: 6, unit: "second" },
            content: { subject: "Your cart", body: "<p>Come back {{ profile.firstName }}</p>" },
          },
          {
            channel: "telegram",
            window: { amount: 2, unit: "second" },
            content: { text: "Your cart is waiting" },
          },
        ],
      },
    },
    { id: "r", type: "exit", name: "Responded", position: { x: -160, y: 420 }, config: {} },
    { id: "x", type: "exit", name: "No response", position: { x: 160, y: 420 }, config: {} },
  ],
  edges: [
    { id: "e1", source: "t", target: "c" },
    { id: "e2", source: "c", sourceHandle: "responded", target: "r" },
    { id: "e3", source: "c", sourceHandle: "exhausted", target: "x" },
  ],
  settings: { reentry: "never" },
});

test("a live cascade node shows sent, responded and cost per step", async ({
  signedIn: page,
  api,
  request,
}) => {
  const run = Date.now().toString(36);
  const event = `Cascade Live ${run}`;
  const id = await api.createJourney(cascadeJourney(event));
  await api.call("POST", `/api/journeys/${id}/publish`);

  const ada = `cascade-ada-${run}`;
  const bo = `cascade-bo-${run}`;
  await api.ingest("identify", {
    userId: ada,
    traits: { email: `${ada}@example.com`, firstName: "Ada", telegramChatId: "4242" },
  });
  await api.ingest("identify", {
    userId: bo,
    traits: { email: `${bo}@example.com`, firstName: "Bo" },
  });
  await api.ingest("track", { userId: ada, event });
  await api.ingest("track", { userId: bo, event });

  await page.goto(`/journeys/${id}`);
  const cascade = node(page, "c");
  await expect(cascade).toBeVisible();
  // Before anything is sent the steps read zero, so the table does not jump in later.
  await expect(cascade.getByRole("table")).toBeVisible();

  // Bo opens the email (the tracking pixel): a response at step 1.
  await expect
    .poll(
      async () => {
        const list = await api.call("GET", `/api/messages?journeyId=${id}&profileId=${bo}`);
        const items = list.items as { id: string; status: string }[]; // why: GET /api/messages answers { items }
        return items.find((m) => m.status === "sent")?.id ?? null;
      },
      { timeout: 60_000 },
    )
    .not.toBeNull();
  const bos = await api.call("GET", `/api/messages?journeyId=${id}&profileId=${bo}`);
  const boEmail = (bos.items as { id: string }[])[0]; // why: as above
  expect((await request.get(`/t/o/${boEmail?.id}.gif`)).ok()).toBe(true);

  // Ada does not respond: the email, then Telegram.
  const email = cascade.getByTestId("step-0");
  const telegram = cascade.getByTestId("step-1");
  await expect(email.getByRole("rowheader")).toHaveText("1. Email");
  await expect(email.getByRole("cell").nth(0)).toHaveText("2", { timeout: 60_000 });
  await expect(email.getByRole("cell").nth(1)).toHaveText("1 50%", { timeout: 30_000 });
  await expect(telegram.getByRole("rowheader")).toHaveText("2. Telegram");
  await expect(telegram.getByRole("cell").nth(0)).toHaveText("1", { timeout: 60_000 });
  // Default costs: email $0.001 a message, Telegram free.
  await expect(email.getByRole("cell").nth(2)).toHaveText("$0.002");
  await expect(telegram.getByRole("cell").nth(2)).toHaveText("$0.00");
  await expect(cascade.getByRole("table")).toHaveAttribute("title", "Total cost $0.002");
  // The grown card (counts row and table) pushes the steps below it down instead of covering them.
  const grown = await cascade.boundingBox();
  for (const below of ["r", "x"]) {
    const box = await node(page, below).boundingBox();
    expect(box && grown && box.y >= grown.y + grown.height, `${below} is below the cascade`).toBe(
      true,
    );
  }
  await screenshot(page, "editor-live-cascade");
  const axe = await new AxeBuilder({ page }).include('[data-testid="node-c"]').analyze();
  expect(
    axe.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => v.id),
  ).toEqual([]);
});
