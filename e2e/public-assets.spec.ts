import { expect, test } from "./support/fixtures";

/**
 * The product's face: a favicon (SVG and ICO), app icons and a web app manifest, linked from
 * every page and served before anyone signs in (the browser asks for them on the sign-in page).
 */

test("tabs and bookmarks get the product's icons and manifest, without a session", async ({ anonPage }) => {
  await anonPage.goto("/auth/signed-out");
  const head = anonPage.locator("head");
  await expect(head.locator('link[rel="icon"][href^="/favicon.svg"]')).toHaveAttribute("type", "image/svg+xml");
  await expect(head.locator('link[rel="icon"][href^="/favicon.ico"]')).toHaveCount(1);
  await expect(head.locator('link[rel="apple-touch-icon"]')).toHaveAttribute("href", /^\/icons\/apple-touch-icon\.png/);
  await expect(head.locator('link[rel="manifest"]')).toHaveAttribute("href", /^\/manifest\.webmanifest/);

  const get = (path: string) => anonPage.request.get(path, { maxRedirects: 0 });
  const ico = await get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect([...(await ico.body()).subarray(0, 4)]).toEqual([0, 0, 1, 0]);
  const svg = await get("/favicon.svg");
  expect(svg.status()).toBe(200);
  expect(svg.headers()["content-type"]).toContain("image/svg+xml");

  const manifest = await get("/manifest.webmanifest");
  expect(manifest.status()).toBe(200);
  const body = (await manifest.json()) as { name: string; icons: { src: string; sizes: string }[] };
  expect(body.name).toBe("Offer Status Dashboard");
  expect(body.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  for (const icon of body.icons) {
    const res = await get(icon.src);
    expect(res.status(), icon.src).toBe(200);
  }
});
