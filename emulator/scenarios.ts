import { APP, CONTAINER, SAAS, VM } from "./catalog";
import type { OfferRecord } from "./model";
import {
  addRun,
  DAY,
  demoDurations,
  finishedAgo,
  goLiveAtStep,
  historicDurations,
  HOUR,
  jitter,
  makeOffer,
  MINUTE,
  mixedDurations,
  startAtSignoff,
  startAtStep,
  type OfferInit,
} from "./offer-factory";
import { createRng } from "./random";

/**
 * The named scenario offers. Their ids and states are stable (tests rely on them) and are
 * listed in README.md; only timestamps' extra digits depend on the seed.
 */

const LEARN = "https://learn.microsoft.com/azure/marketplace";

type Base = Omit<OfferInit, "seed" | "t0" | "publisherId" | "id" | "offerTypeId" | "displayText">;

export function buildScenarioOffers(seed: number, t0: number): OfferRecord[] {
  const offers: OfferRecord[] = [];
  const offer = (publisherId: string, id: string, offerTypeId: string, displayText: string, base: Base = {}) => {
    const record = makeOffer({ seed, t0, publisherId, id, offerTypeId, displayText, baseVersion: 2, ...base });
    offers.push(record);
    return { record, rng: createRng(seed, publisherId, id, "run") };
  };

  // 1. Certification in progress at ~40%, advancing step by step until sign-off.
  {
    const { record, rng } = offer("contoso", "contoso-vm-certifying", VM, "Contoso Ubuntu Hardened Server", {
      pastPreviewed: true,
      pastLive: true,
    });
    const durations = demoDurations(rng, VM);
    addRun(record, { seed, durations, startMs: startAtStep(t0, VM, durations, "displaycertify", 0.4) });
  }

  // 2. Running, sign-off step waiting (derived sign-off), a warning on Certification.
  {
    const { record, rng } = offer("contoso", "contoso-vm-signoff", VM, "Contoso SQL Server 2022 Appliance", {
      stampStyle: 3,
    });
    const durations = mixedDurations(rng, VM);
    addRun(record, {
      seed,
      durations,
      startMs: startAtSignoff(t0, VM, durations, jitter(rng, 3 * HOUR)),
      messages: [
        {
          stepId: "displaycertify",
          level: "warning",
          html: "The VM size recommendation <b>Standard_A2</b> for plan <b>contoso-sql-2022-std</b> is deprecated. Consider recommending a current size.",
          offsetMs: 20 * 1000,
        },
      ],
    });
  }

  // 3. Offer status waitingForPublisherReview; a warning and an error (with a link) earlier.
  {
    const { record, rng } = offer("contoso", "contoso-app-signoff", APP, "Contoso Managed Kubernetes Toolkit", {
      signoffStatus: "waitingForPublisherReview",
      operationLocation: true,
      migrated: true,
    });
    const durations = mixedDurations(rng, APP);
    addRun(record, {
      seed,
      durations,
      startMs: startAtSignoff(t0, APP, durations, jitter(rng, DAY)),
      messages: [
        {
          stepId: "validate-influenced-revenue",
          level: "warning",
          html: "No customer usage attribution GUID was found in the ARM template. Influenced revenue will not be tracked.",
          offsetMs: 15 * 1000,
        },
        {
          stepId: "test-drive-validation",
          level: "error",
          html: `Test Drive deployment exceeded the 60 minute limit on the first attempt. See <a href="${LEARN}/test-drive">Test Drive troubleshooting</a>.`,
          offsetMs: 30 * 1000,
        },
      ],
    });
  }

  // 4. Failed: Certification rejected with two HTML error messages, later steps notStarted.
  {
    const { record, rng } = offer("contoso", "contoso-vm-failed", VM, "Contoso Windows Server Gateway", {
      pastPreviewed: true,
      pastLive: true,
    });
    const durations = historicDurations(rng, VM);
    addRun(record, {
      seed,
      durations,
      startMs: startAtStep(t0 - jitter(rng, 2 * HOUR), VM, durations, "displaycertify", 0.5),
      failure: {
        stepId: "displaycertify",
        afterMs: Math.floor((durations[1] ?? HOUR) * 0.5),
        messages: [
          {
            level: "error",
            html: `<b>Certification failed</b> for plan <b>contoso-gw-2022</b>:<ul><li>The OS disk VHD is not generalized.</li><li>TCP port 3389 is not reachable in the deployed image.</li></ul>See the <a href="${LEARN}/azure-vm-certification-faq">VM certification FAQ</a>.`,
          },
          {
            level: "error",
            html: `The SAS URI of the VHD for plan <b>contoso-gw-2019</b> has expired. <a href="${LEARN}/azure-vm-get-sas-uri">Generate a new SAS URI</a> and publish again.`,
          },
        ],
      },
    });
  }

  // 5. Canceled during Certification.
  {
    const { record, rng } = offer("contoso", "contoso-saas-canceled", SAAS, "Contoso Expense Insights");
    const durations = historicDurations(rng, SAAS);
    const cancelMs = t0 - jitter(rng, 30 * MINUTE);
    addRun(record, {
      seed,
      durations,
      startMs: startAtStep(cancelMs, SAAS, durations, "certification", 0.3),
      cancelMs,
    });
  }

  // 6. Live: succeeded, all steps complete, live links.
  {
    const { record, rng } = offer("contoso", "contoso-container-live", CONTAINER, "Contoso Edge Cache", {
      migrated: true,
      zeroProgressQuirk: true,
    });
    const durations = historicDurations(rng, CONTAINER);
    addRun(record, { seed, durations, ...finishedAgo(t0, CONTAINER, durations, jitter(rng, 5 * DAY), 2 * HOUR) });
  }

  // 7. Live, listed as "published" (outside the documented enum); status doc "succeeded".
  {
    const { record, rng } = offer("contoso", "contoso-vm-published", VM, "Contoso Secure Bastion", {
      liveAlias: "published",
      zeroProgressQuirk: true,
      baseVersion: 4,
    });
    const durations = historicDurations(rng, VM);
    addRun(record, { seed, durations, ...finishedAgo(t0, VM, durations, jitter(rng, 40 * DAY), 6 * HOUR) });
  }

  // 8. Never published. 9. New, not started.
  offer("contoso", "contoso-app-draft", APP, "Contoso Data Lake Starter", { baseVersion: 1 });
  offer("contoso", "contoso-saas-new", SAAS, "Contoso Field Service Planner", {
    baseVersion: 1,
    baseStatus: "notStarted",
    createdAgoMs: 2 * DAY,
  });

  // 10. Delisted (portal-only state): a live run, then removed from the marketplace.
  {
    const { record, rng } = offer("contoso", "contoso-vm-delisted", VM, "Contoso Legacy ERP Server", {
      delisted: true,
    });
    const durations = historicDurations(rng, VM);
    addRun(record, { seed, durations, ...finishedAgo(t0, VM, durations, jitter(rng, 90 * DAY), DAY) });
  }

  // 11. Running, vulnerability scan blocked with a warning and an error.
  {
    const { record, rng } = offer("contoso", "contoso-container-blocked", CONTAINER, "Contoso Event Router");
    const durations = mixedDurations(rng, CONTAINER);
    addRun(record, {
      seed,
      durations,
      startMs: startAtStep(t0 - jitter(rng, 45 * MINUTE), CONTAINER, durations, "vulnerability-scan", 0),
      holds: { "vulnerability-scan": { status: "blocked", progress: 35 } },
      messages: [
        {
          stepId: "vulnerability-scan",
          level: "warning",
          html: "Image <code>contoso/event-router:1.4</code> has 3 medium severity vulnerabilities.",
          offsetMs: 5 * MINUTE,
        },
        {
          stepId: "vulnerability-scan",
          level: "error",
          html: `Image <code>contoso/event-router-worker:2.0</code> contains a critical vulnerability (CVE-2024-3094). Rebuild the image and <a href="${LEARN}/azure-container-technical-assets">update the technical configuration</a>.`,
          offsetMs: 6 * MINUTE,
        },
      ],
    });
  }

  // 12. Running after go live: Microsoft review waitingForApproval.
  {
    const { record, rng } = offer("contoso", "contoso-app-approval", APP, "Contoso Identity Bridge", {
      migrated: true,
    });
    const durations = historicDurations(rng, APP);
    const goLiveMs = goLiveAtStep(t0 - jitter(rng, 2 * HOUR), APP, durations, "microsoft-review", 0);
    addRun(record, {
      seed,
      durations,
      goLiveMs,
      startMs: startAtSignoff(goLiveMs, APP, durations, jitter(rng, 4 * HOUR)),
      holds: { "microsoft-review": { status: "waitingForApproval", progress: 0 } },
    });
  }

  // 13. Values outside every enum: offer underReview, a step paused, a verbose message.
  {
    const { record, rng } = offer("contoso", "contoso-vm-mystery", VM, "Contoso Quantum Workbench");
    const durations = historicDurations(rng, VM);
    addRun(record, {
      seed,
      durations,
      startMs: startAtStep(t0 - jitter(rng, HOUR), VM, durations, "displayprovision", 0),
      statusAlias: "underReview",
      holds: { displayprovision: { status: "paused", progress: 50 } },
      messages: [
        {
          stepId: "displaycertify",
          level: "verbose",
          html: "Diagnostic trace: certification worker cert-eus2-07 finished 14 checks.",
          offsetMs: 10 * 1000,
        },
      ],
    });
  }

  // 14. Overdue: "< 15 min" step in progress since 3 hours before the clock's start.
  {
    const { record, rng } = offer("contoso", "contoso-vm-overdue", VM, "Contoso Backup Appliance", { stampStyle: 3 });
    const durations = demoDurations(rng, VM);
    durations[0] = 5 * HOUR;
    addRun(record, { seed, durations, startMs: t0 - 3 * HOUR - 1234 });
  }

  // 15. PascalCase values everywhere and processPercentage instead of progressPercentage.
  {
    const { record, rng } = offer("contoso", "contoso-app-pascal", APP, "Contoso Billing Connector", {
      casing: "pascal",
    });
    const durations = demoDurations(rng, APP);
    addRun(record, { seed, durations, startMs: startAtStep(t0, APP, durations, "certification", 0.6) });
  }

  // 16. Awaiting sign-off (running + step waiting); tests go live with it.
  {
    const { record, rng } = offer("contoso", "contoso-saas-golive", SAAS, "Contoso Contract Analyzer", {
      migrated: true,
      signoffEta: false,
    });
    const durations = mixedDurations(rng, SAAS);
    addRun(record, { seed, durations, startMs: startAtSignoff(t0, SAAS, durations, jitter(rng, 20 * MINUTE)) });
  }

  // 17. Running, certification in progress; tests cancel it.
  {
    const { record, rng } = offer("contoso", "contoso-container-cancel", CONTAINER, "Contoso Log Shipper", {
      migrated: true,
    });
    const durations = demoDurations(rng, CONTAINER);
    addRun(record, { seed, durations, startMs: startAtStep(t0, CONTAINER, durations, "certification", 0.3) });
  }

  // 18. Fabrikam, awaiting sign-off (offer status waitingForPublisherReview).
  {
    const { record, rng } = offer("fabrikam", "fabrikam-vm-signoff", VM, "Fabrikam Render Farm Node", {
      signoffStatus: "waitingForPublisherReview",
      operationLocation: true,
      migrated: true,
      signoffEta: false,
    });
    const durations = mixedDurations(rng, VM);
    addRun(record, { seed, durations, startMs: startAtSignoff(t0, VM, durations, jitter(rng, 2 * HOUR)) });
  }

  return offers;
}
