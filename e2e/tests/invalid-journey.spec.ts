import {
  connect,
  dropFromPalette,
  expect,
  expectSaved,
  newBlankJourney,
  node,
  screenshot,
  test,
} from "./fixtures.js";

test("an invalid journey shows its problems on the nodes and in a list, and cannot be published", async ({
  signedIn: page,
  api,
}) => {
  const journeyId = await newBlankJourney(page);
  await dropFromPalette(page, "trigger.event", { x: 260, y: 60 });
  await dropFromPalette(page, "wait.event", { x: 260, y: 220 });
  await connect(page, "trigger-event-1", "wait-event-1");
  // Neither step has its event name yet: the list says so in sentences, naming the steps, never in codes.
  const problems = page.getByTestId("problems");
  await expect(problems).toContainText(/step needs an event\./);
  await expect(problems).not.toContainText(/invalid_config|needs a event|trigger-event-1/);
  await expect(node(page, "trigger-event-1")).toHaveClass(/jnode--invalid/);

  await node(page, "trigger-event-1").click();
  await page.getByLabel("Event", { exact: true }).fill("signed_up");
  await node(page, "wait-event-1").click();
  await page.getByLabel("Event", { exact: true }).fill("email_opened");
  // Now the configs are fine, but neither port of the wait leads anywhere.
  await expect(problems).toContainText(/has no path for/);
  await expect(problems).not.toContainText(/unconnected_port|needs an event|wait-event-1/);
  await expect(node(page, "trigger-event-1")).not.toHaveClass(/jnode--invalid/);
  await expect(node(page, "wait-event-1")).toHaveClass(/jnode--invalid/);
  await expect(node(page, "wait-event-1").getByLabel(/problem/)).toBeVisible();

  // Choosing a problem selects its node and opens it in the side panel.
  await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
  await problems
    .getByRole("button", { name: /has no path for/ })
    .first()
    .click();
  await expect(node(page, "wait-event-1")).toHaveClass(/jnode--selected/);
  // The panel names the step as the marketer knows it, not by its internal id.
  await expect(page.getByTestId("node-panel").getByRole("heading").first()).toHaveText(
    /Wait for (email opened|event)/,
  );
  await expect(page.getByTestId("node-panel")).not.toContainText("wait-event-1");
  await screenshot(page, "editor-invalid");

  // The publish button leads to a dialog that refuses to publish.
  await page.getByTestId("publish").click();
  await expect(page.getByTestId("publish-dialog")).toContainText(/must be fixed/);
  await expect(page.getByTestId("publish-dialog")).not.toContainText(
    /trigger-event-1|wait-event-1/,
  );
  await expect(page.getByTestId("confirm-publish")).toBeDisabled();
  await page.keyboard.press("Escape");

  // The server refuses the saved draft too, with the same problems.
  await expectSaved(page);
  const response = await page.request.post(`/api/journeys/${journeyId}/publish`, {
    headers: { authorization: `Bearer ${process.env.OMNIJOURNEY_E2E_ADMIN_TOKEN}` },
  });
  expect(response.status()).toBe(422);
  const body = (await response.json()) as {
    error: { code: string; details: { problems: { code: string }[] } };
  }; // why: the API's error envelope
  expect(body.error.code).toBe("invalid_journey");
  expect(body.error.details.problems.map((p) => p.code)).toContain("unconnected_port");
  const journey = await api.call("GET", `/api/journeys/${journeyId}`);
  expect(journey.status).toBe("draft");
});
