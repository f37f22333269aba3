import type { BrowserContext, Page } from "@playwright/test";
import { sealData } from "iron-session";

import { E2E_SESSION_SECRET, SESSION_COOKIE, users } from "./support/auth";
import { APP_URL } from "./support/ports";
import { expect, test } from "./support/fixtures";

/**
 * Sign-in and roles end to end: the built app, the emulator's Entra ID (sign-in page,
 * authorization code with PKCE, signed ID tokens, end session), real MSAL, real cookies.
 */

const FORBIDDEN = "Only approvers (role 'Approver') can take offers live or cancel publishing.";
const goLiveApi = (offerId: string) => `/api/publishers/contoso/offers/${offerId}/golive`;

/** The emulator's sign-in page, served over plain HTTP on loopback (no certificate warning). */
async function expectEmulatorSignInPage(page: Page) {
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/[^/]+\/oauth2\/v2\.0\/authorize\?/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
}

async function signInAs(page: Page, user: (typeof users)[keyof typeof users]) {
  await expectEmulatorSignInPage(page);
  await page.getByRole("button", { name: `Sign in as ${user.name} (${user.label})` }).click();
}

async function sessionCookie(context: BrowserContext) {
  return (await context.cookies(APP_URL)).find((cookie) => cookie.name === SESSION_COOKIE);
}

test.describe("signing in", () => {
  test("a visitor is sent to the sign-in page and comes back to the page asked for", async ({ anonPage: page }) => {
    await page.goto("/publishers/contoso/approvals?q=signoff");
    await signInAs(page, users.approver);
    await expect(page).toHaveURL(`${APP_URL}/publishers/contoso/approvals?q=signoff`);
    await expect(page.getByRole("heading", { level: 1, name: "Approvals" })).toBeVisible();
    const menu = page.getByRole("banner").getByRole("button", { name: /Aaron Approver/ });
    await expect(menu).toContainText("Approver");
    const cookie = await sessionCookie(page.context());
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false });
  });

  test("the API answers 401 with the envelope to a visitor; health stays open", async ({ anonPage: page }) => {
    const res = await page.request.get("/api/publishers");
    expect(res.status()).toBe(401);
    expect(await res.json()).toEqual({ error: { code: "unauthenticated", message: "Sign in to use the dashboard." } });
    expect((await page.request.get("/api/health")).status()).toBe(200);
  });

  test("a return address elsewhere is refused: the user lands on the dashboard", async ({ anonPage: page }) => {
    for (const returnTo of [
      "//evil.example/",
      "/\\evil.example",
      "https://evil.example/",
      "javascript:alert(1)",
      "%2F%2Fevil.example",
    ]) {
      await page.goto(`/auth/signin?returnTo=${encodeURIComponent(returnTo)}`);
      await signInAs(page, users.viewer);
      await expect(page, returnTo).toHaveURL(`${APP_URL}/publishers/contoso/offers`);
    }
  });

  test("cancelling on the sign-in page says so and offers to try again", async ({ anonPage: page }) => {
    await page.goto("/publishers/contoso/offers");
    await expectEmulatorSignInPage(page);
    await page.getByRole("button", { name: "Cancel sign-in" }).click();
    await expect(page.getByRole("heading", { name: "Sign-in cancelled" })).toBeVisible();
    await page.getByRole("link", { name: "Try signing in again" }).click();
    await signInAs(page, users.viewer);
    await expect(page).toHaveURL(`${APP_URL}/publishers/contoso/offers`);
  });
});

test.describe("roles", () => {
  test("a viewer sees Go live and Cancel publish disabled with the reason; the API refuses them (403)", async ({
    viewerPage: page,
    emulator,
  }) => {
    await page.goto("/publishers/contoso/offers/contoso-saas-golive/status");
    const actions = page.getByRole("region", { name: "Actions" });
    await expect(actions.getByRole("button", { name: "Go live" })).toBeDisabled();
    await expect(actions.getByRole("button", { name: "Cancel publish" })).toBeDisabled();
    await expect(actions).toContainText(FORBIDDEN);
    await expect(page.getByRole("banner").getByRole("button", { name: /Vera Viewer/ })).toContainText("Viewer");

    await page.goto("/publishers/contoso/approvals");
    const queued = page.getByRole("button", { name: /^Go live: / }).first();
    await expect(queued).toBeDisabled();
    await expect(queued).toHaveAttribute("title", FORBIDDEN);

    await emulator.resetStats();
    for (const action of ["golive", "cancel"]) {
      const res = await page.request.post(`/api/publishers/contoso/offers/contoso-saas-golive/${action}`, {
        headers: { Origin: APP_URL },
      });
      expect(res.status()).toBe(403);
      expect(await res.json()).toEqual({ error: { code: "forbidden", message: FORBIDDEN } });
    }
    const stats = await emulator.stats();
    expect(stats.byRoute["POST /api/publishers/{p}/offers/{o}/golive"] ?? 0).toBe(0);
    expect(stats.byRoute["POST /api/publishers/{p}/offers/{o}/cancel"] ?? 0).toBe(0);
  });

  test("an approver may take an offer live (202)", async ({ page, emulator }) => {
    void emulator;
    await page.goto("/publishers/contoso/offers/contoso-saas-golive/status");
    await expect(page.getByRole("region", { name: "Actions" }).getByRole("button", { name: "Go live" })).toBeEnabled();
    const res = await page.request.post(goLiveApi("contoso-saas-golive"), { headers: { Origin: APP_URL } });
    expect(res.status()).toBe(202);
    expect((await res.json()) as unknown).toMatchObject({ data: { action: "golive", upstreamStatus: 202 } });
  });

  test("a state change from another origin, or with no origin, is refused (403 cross_origin)", async ({
    page,
    emulator,
  }) => {
    await emulator.resetStats();
    const refused: Record<string, string>[] = [
      { Origin: "https://evil.example" },
      { Origin: "http://127.0.0.1:1" },
      {},
    ];
    for (const headers of refused) {
      const res = await page.request.post(goLiveApi("contoso-saas-golive"), { headers });
      expect(res.status(), JSON.stringify(headers)).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("cross_origin");
    }
    expect((await emulator.stats()).byRoute["POST /api/publishers/{p}/offers/{o}/golive"] ?? 0).toBe(0);
  });
});

test.describe("sessions", () => {
  // Signs in afresh: signing out revokes the session, and the shared approver's must outlive this test.
  test("sign-out ends the session and Entra ID's; its cookie replayed is refused; pages then ask to sign in again", async ({
    anonContext: context,
  }) => {
    const page = await context.newPage();
    await page.goto("/publishers/contoso/offers");
    await signInAs(page, users.approver);
    await expect(page).toHaveURL(`${APP_URL}/publishers/contoso/offers`);
    const signedIn = await sessionCookie(context);
    expect(signedIn).toBeDefined();
    await page
      .getByRole("banner")
      .getByRole("button", { name: /Aaron Approver/ })
      .click();
    await expect(page.getByRole("group", { name: "Signed-in user" })).toContainText("aaron@contoso.onmicrosoft.com");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(`${APP_URL}/auth/signed-out`);
    await expect(page.getByRole("heading", { name: "You have signed out" })).toBeVisible();
    expect(await sessionCookie(context)).toBeUndefined();
    expect((await page.request.get("/api/publishers")).status()).toBe(401);
    // A copy of the cookie taken before signing out is worth nothing now.
    if (signedIn) await context.addCookies([signedIn]);
    expect((await page.request.get("/api/publishers")).status()).toBe(401);
    await context.clearCookies();
    await page.goto("/publishers/contoso/offers/contoso-vm-failed/status");
    await signInAs(page, users.viewer);
    await expect(page).toHaveURL(`${APP_URL}/publishers/contoso/offers/contoso-vm-failed/status`);
  });

  test("a tampered session cookie means signed out", async ({ browser, contextOptions }) => {
    const context = await browser.newContext({ ...contextOptions, storageState: users.approver.state });
    const cookie = await sessionCookie(context);
    expect(cookie).toBeDefined();
    const value = cookie!.value;
    const at = Math.floor(value.length / 2);
    await context.addCookies([
      { ...cookie!, value: `${value.slice(0, at)}${value[at] === "A" ? "B" : "A"}${value.slice(at + 1)}` },
    ]);
    const page = await context.newPage();
    expect((await page.request.get("/api/publishers")).status()).toBe(401);
    await page.goto("/publishers/contoso/offers");
    await expectEmulatorSignInPage(page);
    await context.close();
  });

  test("a session past its expiry is refused even when the cookie is replayed", async ({ anonContext: context }) => {
    const now = Math.floor(Date.now() / 1000);
    const expired = await sealData(
      {
        v: 1,
        sid: "replayed",
        oid: "3f1e2d4c-5b6a-4798-8a9b-0c1d2e3f4a5b",
        name: "Aaron Approver",
        username: "aaron@contoso.onmicrosoft.com",
        roles: ["Approver"],
        iat: now - 9 * 3600,
        exp: now - 3600,
      },
      { password: E2E_SESSION_SECRET, ttl: 30 * 86_400 },
    );
    await context.addCookies([{ name: SESSION_COOKIE, value: expired, url: APP_URL, httpOnly: true, sameSite: "Lax" }]);
    const page = await context.newPage();
    expect((await page.request.get("/api/publishers")).status()).toBe(401);
    await page.goto("/publishers/contoso/approvals");
    await expectEmulatorSignInPage(page);
  });

  test("when the session ends while a page is open, it says so and signs back in to the same page", async ({
    browser,
    contextOptions,
  }) => {
    const context = await browser.newContext({ ...contextOptions, storageState: users.approver.state });
    const page = await context.newPage();
    await page.goto("/publishers/contoso/offers?q=contoso");
    await expect(page.getByRole("cell", { name: "contoso-vm-certifying" }).first()).toBeVisible();
    await context.clearCookies();
    const banner = page.getByRole("alert").filter({ hasText: "Your session has ended" });
    await expect(banner).toBeVisible();
    await banner.getByRole("link", { name: "Sign in again" }).click();
    await signInAs(page, users.approver);
    await expect(page).toHaveURL(`${APP_URL}/publishers/contoso/offers?q=contoso`);
    await context.close();
  });
});

test.describe("security headers", () => {
  test("pages carry a nonce CSP the app passes, no framing, nosniff and a referrer policy; so does the API", async ({
    page,
  }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    for (const path of [
      "/publishers/contoso/offers",
      "/publishers/contoso/approvals",
      "/publishers/contoso/offers/contoso-vm-certifying/status",
    ]) {
      const res = await page.goto(path);
      const headers = res!.headers();
      const csp = headers["content-security-policy"] ?? "";
      expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(headers["x-frame-options"]).toBe("DENY");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      // The page works under it: React hydrated (a client-side control responds) and nothing was blocked.
      await expect(page.getByRole("banner").getByRole("button", { name: /Aaron Approver/ })).toBeVisible();
      await page
        .getByRole("banner")
        .getByRole("button", { name: /Aaron Approver/ })
        .click();
      await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
      await page.keyboard.press("Escape");
    }
    // The sign-in pages too.
    await page.goto("/auth/error?reason=expired");
    await expect(page.getByRole("link", { name: "Try signing in again" })).toBeVisible();
    await page.goto("/auth/signed-out");
    await expect(page.getByRole("heading", { name: "You are signed in" })).toBeVisible();
    expect(violations).toEqual([]);

    const api = await page.request.get("/api/publishers");
    expect(api.headers()["content-security-policy"]).toContain("default-src 'none'");
    expect(api.headers()["x-content-type-options"]).toBe("nosniff");
    expect(api.headers()["x-frame-options"]).toBe("DENY");
  });
});
