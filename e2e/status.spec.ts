import type { Page } from "@playwright/test";

import { expect, test } from "./support/fixtures";
import { P, header, openStatus, statusUrl, step, stepHead } from "./support/status-page";

/**
 * The offer's Status tab, end to end: the built app, the emulator over real HTTPS, real MSAL.
 * The emulator's control API moves its clock, injects faults and appends messages; nothing
 * of our own API is mocked.
 */

const stepNames = (page: Page) => page.getByTestId("step").getByRole("heading", { level: 3 });
const actions = (page: Page) => page.getByRole("region", { name: "Actions" });

test.describe("timeline per offer type", () => {
  const cases = [
    {
      offerId: "contoso-vm-certifying",
      name: "Contoso Ubuntu Hardened Server",
      type: "Virtual machine",
      indicator: "Publish in progress",
      current: "displaycertify",
      steps: [
        "Validate Pre-Requisites",
        "Certification",
        "Provisioning",
        "Packaging and Lead Generation Registration",
        "Publisher signoff",
        "Live",
      ],
    },
    {
      offerId: "contoso-app-signoff",
      name: "Contoso Managed Kubernetes Toolkit",
      type: "Azure application",
      indicator: "Awaiting publisher sign-off",
      current: "publisher-signoff",
      steps: [
        "Validate prerequisites",
        "Validate influenced revenue settings",
        "Certification",
        "Test Drive validation",
        "Packaging and lead generation registration",
        "Publisher signoff",
        "Microsoft review",
        "Live",
      ],
    },
    {
      offerId: "contoso-container-live",
      name: "Contoso Edge Cache",
      type: "Container",
      indicator: "Live",
      current: null,
      steps: [
        "Validate prerequisites",
        "Vulnerability scan",
        "Certification",
        "Packaging",
        "Publisher signoff",
        "Live",
      ],
    },
    {
      offerId: "contoso-saas-canceled",
      name: "Contoso Expense Insights",
      type: "SaaS",
      indicator: "Publish canceled",
      current: "certification",
      steps: ["Validate prerequisites", "Lead Generation Registration", "Certification", "Publisher signoff", "Live"],
    },
  ];

  for (const c of cases) {
    test(`${c.type}: header, tabs and the steps in API order (${c.offerId})`, async ({ page }) => {
      await openStatus(page, c.offerId);
      await expect(page).toHaveTitle(new RegExp(`${c.offerId} · Status`));
      await expect(header(page).getByRole("heading", { level: 1 })).toHaveText(c.name);
      await expect(header(page)).toContainText(`Offer id:${c.offerId}`);
      await expect(header(page)).toContainText(`Type:${c.type}`);
      await expect(header(page)).toContainText(/Version:\d+/);
      await expect(header(page).getByText(c.indicator, { exact: true })).toBeVisible();
      await expect(
        page.getByRole("navigation", { name: "Offer" }).getByRole("link", { name: "Status" }),
      ).toHaveAttribute("aria-current", "page");

      // An ordered list, one item per step, in the API's order.
      await expect(page.locator("ol[data-testid=timeline] > li")).toHaveCount(c.steps.length);
      await expect(stepNames(page)).toHaveText(c.steps);
      // Open steps give their estimate, and their progress once started; completed ones are folded.
      for (const s of await page.getByTestId("step").all()) {
        if ((await s.getAttribute("data-collapsed")) === "true") {
          await expect(s.getByRole("heading", { level: 3 }).getByRole("button")).toHaveAttribute(
            "aria-expanded",
            "false",
          );
          continue;
        }
        await expect(s.getByText(/^Estimated time:/)).toBeVisible();
        if ((await s.locator("[data-step-status]").first().getAttribute("data-step-status")) === "notStarted")
          await expect(s.getByRole("progressbar")).toHaveCount(0);
        else await expect(s.getByRole("progressbar")).toHaveAttribute("aria-valuetext", /.+/);
      }

      const current = page.locator('[data-testid="step"][aria-current="step"]');
      if (c.current) {
        await expect(current).toHaveCount(1);
        await expect(current).toHaveAttribute("data-step-id", c.current);
        await expect(current.getByText("Current step")).toBeVisible();
      } else {
        await expect(current).toHaveCount(0);
      }
    });
  }

  test("preview and live links open in a new tab without an opener", async ({ page }) => {
    await openStatus(page, "contoso-container-live");
    const live = page.getByTestId("live-links").getByRole("link", { name: /Azure Marketplace/ });
    await expect(live).toHaveAttribute("href", /^https:\/\/azuremarketplace\.microsoft\.com\//);
    await expect(live).toHaveAttribute("target", "_blank");
    await expect(live).toHaveAttribute("rel", "noopener noreferrer");

    await openStatus(page, "contoso-vm-signoff");
    const preview = page.getByTestId("preview-links").getByRole("link");
    await expect(preview).toHaveCount(2);
    for (const link of await preview.all()) {
      await expect(link).toHaveAttribute("target", "_blank");
      await expect(link).toHaveAttribute("rel", "noopener noreferrer");
    }
  });
});

test("every step status and message level is shown in words, unknown values by their raw text", async ({ page }) => {
  const stepCases: [offerId: string, stepId: string, text: string][] = [
    ["contoso-vm-failed", "displaydummycertify", "Complete"],
    ["contoso-vm-failed", "displaycertify", "Rejected"],
    ["contoso-vm-failed", "displayprovision", "Not started"],
    ["contoso-vm-certifying", "displaycertify", "In progress"],
    ["contoso-app-signoff", "publisher-signoff", "Waiting for publisher sign-off"],
    ["contoso-app-approval", "microsoft-review", "Waiting for approval"],
    ["contoso-container-blocked", "vulnerability-scan", "Blocked"],
    ["contoso-saas-canceled", "certification", "Canceled"],
    ["contoso-vm-mystery", "displayprovision", "Unknown (paused)"],
    // PascalCase values and processPercentage are read like the rest.
    ["contoso-app-pascal", "certification", "In progress"],
  ];
  for (const [offerId, stepId, text] of stepCases) {
    await test.step(`${offerId} / ${stepId}: ${text}`, async () => {
      if (!page.url().endsWith(statusUrl(offerId))) await openStatus(page, offerId);
      await expect(stepHead(page, stepId).getByText(text, { exact: true })).toBeVisible();
    });
  }

  await test.step("the PascalCase offer reports its progress", async () => {
    await expect(
      step(page, "certification").getByRole("progressbar", { name: "Certification progress" }),
    ).toHaveAttribute("aria-valuenow", /^[1-9]\d?$/);
  });

  const levelCases: [offerId: string, stepId: string, level: string, text: string][] = [
    ["contoso-vm-failed", "displaydummycertify", "Information", "Step completed."],
    ["contoso-vm-failed", "displaycertify", "Error", "The OS disk VHD is not generalized."],
    ["contoso-app-signoff", "validate-influenced-revenue", "Warning", "No customer usage attribution GUID"],
    ["contoso-vm-mystery", "displaycertify", "Unknown (verbose)", "Diagnostic trace"],
  ];
  for (const [offerId, stepId, level, text] of levelCases) {
    await test.step(`${offerId} / ${stepId}: a ${level} message`, async () => {
      if (!page.url().endsWith(statusUrl(offerId))) await openStatus(page, offerId);
      // A completed step is folded: open it to read its messages.
      const fold = step(page, stepId).getByRole("button", { expanded: false });
      if ((await fold.count()) > 0) await fold.first().click();
      const message = step(page, stepId).getByTestId("message").filter({ hasText: text });
      await expect(message.getByText(level, { exact: true })).toBeVisible();
      await expect(message.locator("time")).toHaveAttribute("title", /\d/);
    });
  }

  await test.step("an offer status outside the vocabulary shows its raw value", async () => {
    await expect(header(page).getByText("Unknown (underReview)", { exact: true })).toBeVisible();
  });
});

test("a step advances without a reload as the emulator's clock moves, and the change is announced", async ({
  page,
  emulator,
}) => {
  await openStatus(page, "contoso-vm-certifying");
  await expect(stepHead(page, "displaycertify").getByText("In progress", { exact: true })).toBeVisible();
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

  await emulator.advanceClock(3 * 60_000);

  await expect(stepHead(page, "displaycertify").getByText("Complete", { exact: true })).toBeVisible();
  await step(page, "displaycertify").getByRole("button", { name: "Certification", expanded: false }).click();
  await expect(step(page, "displaycertify").getByRole("progressbar")).toHaveAttribute("aria-valuetext", "Complete");
  await expect(page.getByTestId("status-announcer")).toContainText("Certification: Complete.");
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
});

test.describe("overdue steps", () => {
  test("a step running past its estimate is flagged, one within it is not", async ({ page }) => {
    await openStatus(page, "contoso-vm-overdue");
    const notice = step(page, "displaydummycertify").getByTestId("overdue");
    await expect(notice).toContainText("Taking longer than usual (estimated < 15 min, running 3 hr");
    await expect(notice).toContainText("support request");
    await expect(page.getByTestId("overdue")).toHaveCount(1);

    await openStatus(page, "contoso-vm-certifying");
    await expect(stepHead(page, "displaycertify").getByText("In progress", { exact: true })).toBeVisible();
    await expect(page.getByTestId("overdue")).toHaveCount(0);
  });

  test("a step with no timestamps is measured from when this browser first saw it, across reloads", async ({
    page,
    emulator,
  }) => {
    await emulator.overrideStatus(P, "contoso-vm-overdue", {
      body: {
        status: "running",
        messages: [],
        steps: [
          {
            estimatedTimeFrame: "< 15 min",
            id: "displaydummycertify",
            stepName: "Validate Pre-Requisites",
            description: "Offer settings provided are validated.",
            status: "inProgress",
            messages: [],
            progressPercentage: 10,
          },
        ],
        previewLinks: [],
        liveLinks: [],
      },
    });
    // Time passing in the browser alone is what this needs; the emulator's clock stays put.
    const start = Date.parse((await emulator.clock()).now);
    await page.clock.setFixedTime(start);
    await openStatus(page, "contoso-vm-overdue");
    await expect(stepHead(page, "displaydummycertify").getByText("In progress", { exact: true })).toBeVisible();
    await expect(page.getByTestId("overdue")).toHaveCount(0);

    await page.clock.setFixedTime(start + 20 * 60_000);
    await expect(page.getByTestId("overdue")).toContainText(
      "Taking longer than usual (estimated < 15 min, running at least 20 min)",
    );
    await page.reload();
    await expect(page.getByTestId("overdue")).toContainText("running at least 20 min");
  });
});

test("Go live: the confirmation lists open warnings and errors; the offer goes live as the clock moves", async ({
  page,
  emulator,
}) => {
  await openStatus(page, "contoso-app-signoff");
  const goLive = actions(page).getByRole("button", { name: "Go live", exact: true });
  const dialog = page.getByRole("dialog", { name: "Go live with this offer?" });

  // Keyboard: open, read, close with Escape; focus returns to the button.
  await goLive.focus();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  const issues = dialog.getByTestId("golive-issues").getByRole("listitem");
  await expect(issues).toHaveCount(2);
  await expect(issues.filter({ hasText: "Warning" })).toContainText(
    "No customer usage attribution GUID was found in the ARM template.",
  );
  await expect(issues.filter({ hasText: "Error" })).toContainText(
    "Test Drive deployment exceeded the 60 minute limit on the first attempt.",
  );
  // The message keeps its link, as on the Status tab; the preview is one click away.
  await expect(
    issues.filter({ hasText: "Error" }).getByRole("link", { name: "Test Drive troubleshooting" }),
  ).toHaveAttribute("target", "_blank");
  await expect(dialog.getByTestId("preview-links").getByRole("link").first()).toHaveAttribute(
    "href",
    /^https:\/\/azuremarketplace\.microsoft\.com\//,
  );
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(goLive).toBeFocused();

  // An open error must be acknowledged before Go live can be confirmed.
  await goLive.click();
  const confirm = dialog.getByRole("button", { name: "Go live", exact: true });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole("checkbox", { name: "I have read the open error and still want to go live." }).check();
  await confirm.click();
  await expect(dialog).toBeHidden();
  // Once the offer shows it, the "accepted, tracking…" notice retires.
  await expect(header(page).getByText("Publish in progress", { exact: true })).toBeVisible();
  await expect(page.getByTestId("action-result")).toHaveText("");

  await emulator.advanceClock(30 * 60_000);
  await expect(header(page).getByText("Live", { exact: true })).toBeVisible();
  await expect(stepHead(page, "live").getByText("Complete", { exact: true })).toBeVisible();
  await expect(stepHead(page, "publisher-signoff").getByText("Complete", { exact: true })).toBeVisible();
  await expect(page.getByTestId("live-links").getByRole("link").first()).toHaveAttribute("target", "_blank");
  await expect(actions(page).getByRole("button")).toHaveCount(0);
});

test("Go live refused upstream: the upstream's reason is shown and the button works again", async ({
  page,
  emulator,
}) => {
  await openStatus(page, "contoso-saas-golive");
  await emulator.addFault({
    target: "golive",
    kind: "status",
    status: 400,
    publisherId: P,
    offerId: "contoso-saas-golive",
  });
  const goLive = actions(page).getByRole("button", { name: "Go live", exact: true });
  await goLive.click();
  const dialog = page.getByRole("dialog", { name: "Go live with this offer?" });
  await expect(dialog).toContainText("No open warnings or errors.");
  await dialog.getByRole("button", { name: "Go live", exact: true }).click();
  await expect(page.getByTestId("action-result")).toContainText("Go live was not accepted:");
  await expect(goLive).toBeEnabled();
  await expect(header(page).getByText("Awaiting publisher sign-off", { exact: true })).toBeVisible();
});

test("Cancel publish: warns that publishing restarts from step 1, then shows Publish canceled", async ({ page }) => {
  await openStatus(page, "contoso-container-cancel");
  await expect(actions(page).getByRole("button", { name: "Go live", exact: true })).toHaveCount(0);
  await actions(page).getByRole("button", { name: "Cancel publish", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Cancel this publish?" });
  await expect(dialog).toContainText("restarts from step 1 (Validate prerequisites)");
  await dialog.getByRole("button", { name: "Cancel publish", exact: true }).click();
  await expect(header(page).getByText("Publish canceled", { exact: true })).toBeVisible();
  // The outcome is seen: Cancel's notice retires too.
  await expect(page.getByTestId("action-result")).toHaveText("");
  await expect(stepHead(page, "certification").getByText("Canceled", { exact: true })).toBeVisible();
  await expect(actions(page).getByRole("button")).toHaveCount(0);
});

test.describe("failures", () => {
  const faultFor = (offerId: string) =>
    ({ target: "status", kind: "status", status: 503, retryAfter: 1, publisherId: P, offerId }) as const;

  test("a failing refresh keeps the last data on screen under a stale badge, then recovers", async ({
    page,
    emulator,
  }) => {
    await openStatus(page, "contoso-vm-certifying");
    await expect(page.getByTestId("stale-badge")).toHaveCount(0);

    await emulator.addFault(faultFor("contoso-vm-certifying"));
    await expect(page.getByTestId("stale-badge")).toContainText("unavailable");
    await expect(page.getByTestId("step")).toHaveCount(6);
    await expect(stepHead(page, "displaycertify").getByText("In progress", { exact: true })).toBeVisible();

    await emulator.clearFaults();
    await expect(page.getByTestId("stale-badge")).toHaveCount(0);
    await expect(page.getByTestId("step")).toHaveCount(6);
  });

  test("with no data yet, the error says why and Try again recovers", async ({ page, emulator }) => {
    // A long Retry-After holds the page's own polling back, so it is Try again that recovers.
    await emulator.addFault({ ...faultFor("contoso-vm-failed"), retryAfter: 30 });
    await page.goto(statusUrl("contoso-vm-failed"));
    const alert = page.getByRole("alert").filter({ hasText: "The offer's status could not be loaded" });
    await expect(alert).toContainText("unavailable");
    await emulator.clearFaults();
    await alert.getByRole("button", { name: "Try again" }).click();
    await expect(page.getByTestId("timeline")).toBeVisible();
  });

  test("an unknown offer says so plainly, with a way back to All offers", async ({ page }) => {
    await page.goto(statusUrl("contoso-no-such-offer"));
    const alert = page.getByRole("alert").filter({ hasText: "Offer not found" });
    await expect(alert.getByRole("heading", { name: "Offer not found" })).toBeVisible();
    await expect(alert).toContainText('There is no offer "contoso-no-such-offer" under publisher "contoso"');
    await alert.getByRole("link", { name: "Back to All offers" }).click();
    await expect(page).toHaveURL(new RegExp(`/publishers/${P}/offers$`));
  });
});

test("critical issues are summarised above the timeline and link to their steps; a failed offer says to republish", async ({
  page,
}) => {
  await openStatus(page, "contoso-vm-failed");
  const issues = page.getByRole("region", { name: /Publish failed/ });
  await expect(issues).toContainText("This offer must be fixed and published again");
  await expect(issues).toContainText("restarts at the first step (Validate Pre-Requisites)");
  // Counted: the two error messages, as the list counts them. The rejected step is the reason, not an issue.
  await expect(issues.getByRole("heading")).toHaveText(/^Publish failed\s*\(2\)$/);
  await expect(issues.getByTestId("critical-issue-list").getByRole("link")).toHaveCount(2);
  await expect(issues.getByTestId("critical-reasons").getByRole("link")).toHaveText(["Certification: Rejected."]);
  await issues.getByRole("link", { name: /Certification: Rejected/ }).click();
  await expect(page).toHaveURL(/#step-displaycertify$/);
  await expect(step(page, "displaycertify")).toBeInViewport();

  await openStatus(page, "contoso-container-blocked");
  const blocked = page.getByRole("region", { name: /Critical issues/ });
  // One error message, as the list says ("1 error · 1 warning"); the blocked step is the reason.
  await expect(blocked.getByRole("heading")).toHaveText(/^Critical issues\s*\(1\)$/);
  await expect(blocked.getByRole("link", { name: /Vulnerability scan: Blocked/ })).toHaveAttribute(
    "href",
    "#step-vulnerability-scan",
  );
  await expect(blocked.getByRole("link", { name: /critical vulnerability \(CVE-2024-3094\)/ })).toBeVisible();
});

test("a step can be linked to: deep links scroll to it and highlight it, and Copy link copies its URL", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(`${statusUrl("contoso-app-signoff")}#step-microsoft-review`);
  await expect(step(page, "microsoft-review")).toBeInViewport();
  // The step renders after load, too late for :target; it is highlighted all the same, and only it.
  const card = (stepId: string) => step(page, stepId).locator("article");
  await expect(step(page, "microsoft-review")).toHaveAttribute("data-targeted", "true");
  await expect(page.locator("[data-testid=step][data-targeted]")).toHaveCount(1);
  const ring = await card("microsoft-review").evaluate((el) => getComputedStyle(el).boxShadow);
  expect(ring).not.toBe(await card("test-drive-validation").evaluate((el) => getComputedStyle(el).boxShadow));
  // A later in-page link moves the highlight with it.
  await page.evaluate(() => (window.location.hash = "#step-live"));
  await expect(step(page, "live")).toHaveAttribute("data-targeted", "true");
  await expect(step(page, "microsoft-review")).not.toHaveAttribute("data-targeted", /.*/);

  const copy = page.getByRole("button", { name: "Copy link to step: Test Drive validation" });
  await copy.click();
  await expect(copy).toContainText("Link copied");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(new RegExp(`${statusUrl("contoso-app-signoff")}#step-test-drive-validation$`));
});

test("the Details tab shows the offer's definition; the breadcrumb leads back to All offers", async ({ page }) => {
  await openStatus(page, "contoso-vm-signoff");
  const tabs = page.getByRole("navigation", { name: "Offer" });
  await tabs.getByRole("link", { name: "Details" }).click();
  await expect(page).toHaveURL(/\/details$/);
  await expect(tabs.getByRole("link", { name: "Details" })).toHaveAttribute("aria-current", "page");
  await expect(tabs.getByRole("link", { name: "Status" })).not.toHaveAttribute("aria-current", /.*/);
  await expect(page.getByRole("heading", { name: /^Plans \(\d+\)$/ })).toBeVisible();
  await expect(page.getByText("Contoso SQL Server 2022 Appliance: a virtual machine for modern teams.")).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Plan id" })).toBeVisible();

  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "All offers" }).click();
  await expect(page).toHaveURL(new RegExp(`/publishers/${P}/offers$`));
});

test("hostile messageHtml is rendered inert: no script runs, no active element or javascript: link survives", async ({
  page,
  emulator,
}) => {
  const payloads = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    '<a href="javascript:window.__pwned=1">js</a>',
    '<svg onload="window.__pwned=1">',
    '<iframe src="javascript:window.__pwned=1">',
    '<a href="https://example.com/docs">safe link</a>',
  ];
  for (const messageHtml of payloads) {
    await emulator.appendMessage(P, "contoso-vm-failed", { stepId: "displayprovision", level: "error", messageHtml });
  }
  await openStatus(page, "contoso-vm-failed");
  const target = step(page, "displayprovision");
  await expect(target.getByTestId("message")).toHaveCount(payloads.length);
  const safe = target.getByRole("link", { name: "safe link" });
  await expect(safe).toHaveAttribute("href", "https://example.com/docs");
  await expect(safe).toHaveAttribute("target", "_blank");
  await expect(safe).toHaveAttribute("rel", "noopener noreferrer");

  // Give anything that might run a moment to do so, then look.
  await page.waitForLoadState("load");
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  const timeline = page.getByTestId("timeline");
  await expect(timeline.locator("script, iframe, img[onerror], [onload], [onerror]")).toHaveCount(0);
  await expect(timeline.getByTestId("message-body").locator("svg, img")).toHaveCount(0);
  await expect(page.locator('a[href^="javascript:" i]')).toHaveCount(0);
  await expect(target.getByText("js", { exact: true })).toBeVisible();
  await expect(target.getByRole("link", { name: "js", exact: true })).toHaveCount(0);
});
