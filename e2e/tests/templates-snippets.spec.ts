import {
  dropFromPalette,
  expect,
  expectAccessible,
  expectSaved,
  keepApart,
  newBlankJourney,
  node,
  screenshot,
  test,
} from "./fixtures.js";

test("a marketer keeps a snippet, uses it in an email with link tracking, sees both in the preview, and reuses the email as a template", async ({
  signedIn: page,
  api,
}) => {
  test.setTimeout(240_000);
  const run = Date.now().toString(36);
  const snippet = `footer_${run}`;
  const userId = `zz-lib-${run}`;
  const email = `${userId}@example.com`;
  await api.ingest("identify", { userId, traits: { email, firstName: "Linus" } });

  // The Templates screen: a new snippet.
  await page.goto("/templates");
  await expect(page.getByRole("heading", { name: "Templates", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "New snippet" }).click();
  const snippetDialog = page.getByRole("dialog", { name: "New snippet" });
  await snippetDialog.getByLabel("Name").fill(snippet);
  await snippetDialog
    .getByLabel("Content")
    .fill("<p>Sent with care to {{ profile.firstName }}</p>");
  await expect(snippetDialog.getByText(`{{ snippets.${snippet} }}`)).toBeVisible();
  await snippetDialog.getByRole("button", { name: "Save snippet" }).click();
  await expect(snippetDialog).toBeHidden();
  await expect(page.getByRole("cell", { name: snippet, exact: true })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "templates");

  // An email step that includes it, with link tracking on.
  await newBlankJourney(page);
  await page.getByLabel("Journey name").fill(`Spring sale ${run}`);
  await dropFromPalette(page, "message.email", { x: 260, y: 120 });
  await node(page, "message-email-1").click();
  await page.getByLabel("Subject").fill("Spring is here, {{ profile.firstName }}");
  await page
    .getByLabel("Body")
    .fill('<p><a href="https://shop.example.com/spring?ref=mail">See the collection</a></p>');
  await page.getByLabel("Insert snippet").selectOption({ label: snippet });
  await expect(page.getByLabel("Body")).toHaveValue(
    new RegExp(`\\{\\{ snippets\\.${snippet} \\}\\}`),
  );
  await page.getByRole("button", { name: "+ Add link tracking" }).click();
  await expect(page.getByLabel("Add UTM parameters to links")).toBeChecked();
  await page.getByLabel("utm_source").fill("newsletter");
  // The campaign is named after the journey as saved.
  await expectSaved(page);

  await page.getByTestId("preview-message").click();
  const dialog = page.getByRole("dialog", { name: "Message preview" });
  await dialog.getByLabel("Preview as").selectOption({ label: email });
  const body = dialog.frameLocator('[data-testid="preview-frame"]');
  await expect(body.getByText("Sent with care to Linus")).toBeVisible();
  const link = body.getByRole("link", { name: "See the collection" });
  await expect(link).toHaveAttribute(
    "href",
    `https://shop.example.com/spring?ref=mail&utm_source=newsletter&utm_medium=email&utm_campaign=spring-sale-${run}`,
  );
  await expectAccessible(page, { exclude: ['[data-testid="preview-frame"]'] });
  await screenshot(page, "message-preview-snippet-utm");
  await page.keyboard.press("Escape");

  // Kept as a template, then a second step starts from it (Escape closed the dialog and the step's panel).
  await node(page, "message-email-1").click();
  await page.getByTestId("save-as-template").click();
  const save = page.getByRole("dialog", { name: "Save as template" });
  await save.getByLabel("Template name").fill(`Spring email ${run}`);
  await save.getByRole("button", { name: "Save template" }).click();
  await expect(page.getByText(`Saved as the template “Spring email ${run}”.`)).toBeVisible();

  await dropFromPalette(page, "message.email", { x: 560, y: 320 });
  await keepApart(page, "message-email-1", "message-email-2");
  await node(page, "message-email-2").click();
  await page.getByLabel("Start from a template").selectOption({ label: `Spring email ${run}` });
  await expect(page.getByLabel("Subject")).toHaveValue("Spring is here, {{ profile.firstName }}");
  await expectAccessible(page);
  await screenshot(page, "message-editor-library");

  // The Templates screen lists it and edits it.
  await page.goto("/templates");
  await page.getByRole("button", { name: `Edit Spring email ${run}` }).click();
  const edit = page.getByRole("dialog", { name: `Edit “Spring email ${run}”` });
  await expect(edit.getByLabel("Subject")).toHaveValue("Spring is here, {{ profile.firstName }}");
  await edit.getByLabel("Subject").fill("Spring, {{ profile.firstName }}!");
  await edit.getByRole("button", { name: "Save template" }).click();
  await expect(edit).toBeHidden();
  const templates = await api.call("GET", "/api/templates?channel=email");
  const saved = (templates.items as { name: string; content: Record<string, string> }[]).find(
    (t) => t.name === `Spring email ${run}`,
  ); // why: GET /api/templates answers { items }
  expect(saved?.content.subject).toBe("Spring, {{ profile.firstName }}!");
});
