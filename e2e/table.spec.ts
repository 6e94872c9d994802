import { expect, test } from "./fixtures";
import { anotherPerson, anotherPersonWithoutJavaScript, apiAnswer, apiCreateParty } from "./support/parties";

// At the table, in a browser, with and without JavaScript: a guest's dietary
// needs reach the host's summary; the host's "What to bring" item is claimed
// by one of two guests who try at once, and the other is told.

const baseURL = () => test.info().project.use.baseURL!;

for (const js of [true, false]) {
  test.describe(js ? "with JavaScript" : "without JavaScript", { tag: js ? "@smoke" : "@nojs" }, () => {
    test.use({ javaScriptEnabled: js });
    const someone = (browser: Parameters<typeof anotherPerson>[0], prefix: string) =>
      js ? anotherPerson(browser, baseURL(), prefix) : anotherPersonWithoutJavaScript(browser, baseURL(), prefix);

    test("a guest's Vegetarian and Nut allergy reach the host's summary", async ({ userPage: hostPage, browser }) => {
      const party = await apiCreateParty(hostPage.request);
      const guest = await someone(browser, "veggie");
      await guest.page.goto("/settings");
      const form = guest.page.getByRole("region", { name: "Dietary needs" });
      await form.getByLabel("Vegetarian", { exact: true }).check();
      await form.getByLabel("Nut allergy", { exact: true }).check();
      await form.getByLabel("Other needs", { exact: true }).fill("No coriander, please");
      await expect(
        form.getByLabel("Share my dietary needs with the hosts of parties I'm going to", { exact: true }),
      ).toBeChecked();
      await form.getByRole("button", { name: "Save dietary needs" }).click();
      await expect(guest.page.getByRole("status")).toHaveText("Your dietary needs have been saved.");
      await expect(form.getByLabel("Nut allergy", { exact: true })).toBeChecked();
      await expect(form.getByLabel("Vegan", { exact: true })).not.toBeChecked();

      await guest.page.goto(`/parties/${party.id}`);
      await guest.page
        .getByRole("region", { name: "Your answer" })
        .getByRole("button", { name: "RSVP", exact: true })
        .click();
      await expect(guest.page.getByRole("status")).toContainText("You successfully RSVP'd");
      // Only the host has the summary.
      await expect(guest.page.getByRole("region", { name: "Dietary needs" })).toHaveCount(0);

      await hostPage.goto(`/parties/${party.id}`);
      const summary = hostPage.getByRole("region", { name: "Dietary needs" });
      await expect(summary).toContainText("1 Vegetarian · 1 Nut allergy");
      await expect(summary).toContainText(guest.user.username);
      await expect(summary).toContainText("No coriander, please");
      await guest.context.close();
    });

    test("host adds Dessert ×1; two guests try to claim it, one gets it, the other is told", async ({
      userPage: hostPage,
      browser,
    }) => {
      const party = await apiCreateParty(hostPage.request);
      await hostPage.goto(`/parties/${party.id}`);
      const board = hostPage.getByRole("region", { name: "What to bring" });
      await board.getByLabel("Item", { exact: true }).fill("Dessert");
      await board.getByLabel("How many", { exact: true }).fill("1");
      await board.getByRole("button", { name: "Add item" }).click();
      await expect(hostPage.getByRole("status")).toHaveText("The item has been added.");
      await expect(board).toContainText("Dessert");
      await expect(board).toContainText("0 of 1 claimed");

      const [ana, bo] = [await someone(browser, "tart"), await someone(browser, "cake")];
      for (const g of [ana, bo]) {
        await apiAnswer(g.context.request, party.id, { response: "going" });
        await g.page.goto(`/parties/${party.id}`);
      }
      const claim = (g: typeof ana) =>
        g.page.getByRole("region", { name: "What to bring" }).getByRole("button", { name: "I'll bring it" });
      await ana.page
        .getByRole("region", { name: "What to bring" })
        .getByLabel("Note", { exact: true })
        .fill("Lemon tart");
      await claim(ana).click();
      await expect(ana.page.getByRole("status")).toHaveText("Thank you! You're bringing it.");
      // Bo's page still offers it: the claim that comes second is refused.
      await claim(bo).click();
      await expect(
        bo.page.getByRole("alert").filter({ hasText: "Someone is already bringing all of this." }),
      ).toBeVisible();
      const seen = bo.page.getByRole("region", { name: "What to bring" });
      await expect(seen).toContainText("1 of 1 claimed");
      await expect(seen).toContainText(`${ana.user.username} — Lemon tart`);
      await expect(claim(bo)).toHaveCount(0);

      // Ana drops it; now Bo can bring it.
      await ana.page.getByRole("button", { name: "I can't bring it" }).click();
      await expect(ana.page.getByRole("status")).toHaveText("You're no longer bringing it.");
      await bo.page.reload();
      await claim(bo).click();
      await expect(bo.page.getByRole("status")).toHaveText("Thank you! You're bringing it.");
      await hostPage.reload();
      await expect(board).toContainText(bo.user.username);
      await Promise.all([ana.context.close(), bo.context.close()]);
    });
  });
}

test(
  "the host renames an item, changes How many, and removes it",
  { tag: "@smoke" },
  async ({ userPage: hostPage, browser }) => {
    const party = await apiCreateParty(hostPage.request);
    const dish = await (
      await hostPage.request.post(`/api/parties/${party.id}/dishes`, { data: { name: "Bread", quantity: 3 } })
    ).json();
    const guest = await anotherPerson(browser, baseURL(), "bread");
    await apiAnswer(guest.context.request, party.id, { response: "going" });
    await guest.context.request.post(`/api/parties/${party.id}/dishes/${dish.id}/claim`);

    await hostPage.goto(`/parties/${party.id}`);
    await hostPage.getByRole("link", { name: "Edit Bread" }).click();
    await expect(hostPage.getByRole("heading", { name: "Edit item" })).toBeVisible();
    await hostPage.getByLabel("Item", { exact: true }).fill("Sourdough");
    await hostPage.getByLabel("How many", { exact: true }).fill("2");
    await hostPage.getByRole("button", { name: "Save item" }).click();
    await expect(hostPage.getByRole("status")).toHaveText("The item has been saved.");
    await expect(hostPage.getByRole("region", { name: "What to bring" })).toContainText("1 of 2 claimed");

    await hostPage.getByRole("button", { name: "Remove Sourdough" }).click();
    await expect(hostPage.getByRole("status")).toHaveText("The item has been removed.");
    await expect(hostPage.getByRole("region", { name: "What to bring" })).not.toContainText("Sourdough");
    await guest.context.close();
  },
);
