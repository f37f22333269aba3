import { expect, test as setup } from "@playwright/test";

import { users } from "./support/auth";

// Signs each demo user in once through the emulator's sign-in page, as a person would.
for (const user of Object.values(users)) {
  setup(`sign in as ${user.name}`, async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: `Sign in as ${user.name} (${user.label})` }).click();
    await expect(page).toHaveURL(/\/publishers\/contoso\/offers/);
    await expect(page.getByRole("banner").getByRole("button", { name: new RegExp(user.name) })).toBeVisible();
    await page.context().storageState({ path: user.state });
  });
}
