import { expect, test } from "./fixtures.js";

test("the journeys list shows each journey's counts from one request, without asking each journey's stats", async ({
  signedIn: page,
  api,
}) => {
  const statsRequests: string[] = [];
  page.on("request", (request) => {
    if (/\/api\/journeys\/[^/]+\/stats/.test(request.url())) statsRequests.push(request.url());
  });
  const enrolled = async (): Promise<string> => {
    const listed = (await api.call("GET", "/api/journeys")).items as {
      name: string;
      counts: { enrolled: number };
    }[]; // why: GET /api/journeys answers { items } with counts per journey
    const demo = listed.find((j) => j.name === "Webinar reminder");
    expect(demo, "the demo workspace has the webinar journey").toBeDefined();
    return (demo?.counts.enrolled ?? 0).toLocaleString("en-US");
  };

  await page.goto("/");
  const row = page
    .getByTestId("journeys-table")
    .getByRole("row")
    .filter({ hasText: "Webinar reminder" });
  const cells = row.getByRole("cell");
  // Enrolled, active and converted are the 4th to 6th cells (name, status, version first).
  // The demo keeps enrolling people, so the screen is compared with the API as both move on.
  await expect
    .poll(async () => (await cells.nth(3).textContent()) === (await enrolled()), {
      timeout: 30_000,
    })
    .toBe(true);
  await expect(cells.nth(4)).not.toHaveText("");
  expect(statsRequests).toEqual([]);
});
