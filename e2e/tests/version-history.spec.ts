import { expect, expectAccessible, screenshot, test } from "./fixtures.js";

const doc = (subject: string, stepName: string) => ({
  name: `History ${Date.now()}`,
  nodes: [
    { id: "t", type: "trigger.event", position: { x: 0, y: 0 }, config: { event: "Signed Up" } },
    {
      id: "m",
      type: "message.email",
      name: stepName,
      position: { x: 0, y: 160 },
      config: { subject, body: "<p>Hi</p>" },
    },
    { id: "x", type: "exit", position: { x: 0, y: 320 }, config: {} },
  ],
  edges: [
    { id: "e1", source: "t", target: "m" },
    { id: "e2", source: "m", target: "x" },
  ],
});

test("a marketer reads the version history, opens an older version read-only and restores it as the draft", async ({
  signedIn: page,
  api,
}) => {
  const id = await api.createJourney(doc("Welcome aboard", "Welcome email"));
  await api.call("POST", `/api/journeys/${id}/publish`, {});
  await api.call("PUT", `/api/journeys/${id}`, doc("Welcome, friend", "Friendly welcome"));
  await api.call("POST", `/api/journeys/${id}/publish`, {});

  await page.goto(`/journeys/${id}`);
  await expect(page.getByTestId("node-m")).toBeVisible();
  await page.getByTestId("open-history").click();
  const v2 = page.getByTestId("version-2");
  await expect(v2).toContainText("by the admin");
  await expect(v2).toContainText("Changed Email “Friendly welcome”");
  await expect(v2).toContainText("subject");
  await expect(page.getByTestId("version-1")).toContainText("Added Email");
  await expectAccessible(page);
  await screenshot(page, "version-history");

  // Open version 1, read-only.
  await page.getByTestId("version-1").getByRole("link", { name: "Open read-only" }).click();
  await expect(page.getByRole("status").filter({ hasText: "viewing version 1" })).toBeVisible();
  // Steps are shown, not edited: the canvas has version 1's step and no palette to add more.
  await expect(page.getByTestId("node-m")).toContainText("Welcome email");
  await expect(page.getByTestId("palette-message.email")).toHaveCount(0);
  await page.getByRole("button", { name: "Back to draft" }).click();
  await expect(page.getByTestId("node-m")).toContainText("Friendly welcome");

  // Restore it as the draft.
  await page.getByTestId("open-history").click();
  await page.getByTestId("version-1").getByRole("button", { name: "Restore as draft" }).click();
  await page.getByRole("button", { name: "Yes, restore" }).click();
  await expect(page.getByRole("dialog", { name: "Version history" })).toHaveCount(0);
  await expect(page.getByTestId("node-m")).toContainText("Welcome email");
  await page.getByTestId("node-m").click();
  await expect(page.getByLabel("Subject")).toHaveValue("Welcome aboard");
  await expect
    .poll(async () => JSON.stringify((await api.call("GET", `/api/journeys/${id}`)).document))
    .toContain("Welcome aboard");
  // The live version is still version 2 until the next publish.
  expect((await api.call("GET", `/api/journeys/${id}`)).liveVersion).toBe(2);
});
