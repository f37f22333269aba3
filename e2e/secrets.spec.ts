import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

import { emulatorCredentials } from "../emulator/credentials";

import { EMULATOR_URL } from "./support/ports";
import { expect, test } from "./support/fixtures";

/** Every file the browser can download from the build. */
function clientFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? clientFiles(full) : [full];
  });
}

test("no token, secret or upstream address reaches the browser", async ({ page, emulator }) => {
  const seen: string[] = [];
  page.on("response", async (response) => {
    const headers = JSON.stringify(await response.allHeaders());
    const body = await response.text().catch(() => "");
    seen.push(headers, body);
  });

  await page.goto("/publishers/contoso/offers");
  await expect(page.getByRole("link", { name: /contoso-vm-certifying|Contoso/ }).first()).toBeVisible();
  await page.goto("/publishers/contoso/offers/contoso-app-signoff/status");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.goto("/publishers/contoso/approvals");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  const { tokens } = await emulator.issuedTokens();
  expect(tokens.length).toBeGreaterThan(0);
  const secrets = [...tokens, emulatorCredentials.clientSecret, EMULATOR_URL];
  expect(seen.length).toBeGreaterThan(5);
  for (const text of seen) for (const secret of secrets) expect(text).not.toContain(secret);

  // The client build is made without secrets, and must stay that way.
  const files = clientFiles(path.resolve(".next/static"));
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    const content = readFileSync(file, "utf8");
    expect(content, file).not.toContain(emulatorCredentials.clientSecret);
    expect(content, file).not.toContain("AZURE_CLIENT_SECRET");
    expect(content, file).not.toContain("cloudpartner.azure.com/.default");
  }
});
