/** Offer types and their publishing steps, worded in the style of the CPP docs. */

export interface StepDef {
  readonly id: string;
  readonly stepName: string;
  readonly description: string;
  readonly estimatedTimeFrame: string;
}

export const SIGNOFF_STEP_ID = "publisher-signoff";
export const LIVE_STEP_ID = "live";

export const VM = "microsoft-azure-virtualmachines";
export const CORE_VM = "microsoft-azure-corevm";
export const APP = "microsoft-azure-applications";
export const CONTAINER = "microsoft-azure-container";
export const SAAS = "microsoft-azure-saas";
export const IOT_EDGE = "microsoft-azure-iotedge";

const signoff: StepDef = {
  id: SIGNOFF_STEP_ID,
  stepName: "Publisher signoff",
  description: "Offer is available to preview. Ensure that everything looks good before making your offer live.",
  estimatedTimeFrame: "< 1 hour",
};

const live: StepDef = {
  id: LIVE_STEP_ID,
  stepName: "Live",
  description: "Offer is publicly visible and is available for purchase.",
  estimatedTimeFrame: "~2-5 days",
};

const validatePrerequisites: StepDef = {
  id: "validate-prerequisites",
  stepName: "Validate prerequisites",
  description: "Offer settings provided are validated.",
  estimatedTimeFrame: "< 15 min",
};

const vmSteps: readonly StepDef[] = [
  {
    id: "displaydummycertify",
    stepName: "Validate Pre-Requisites",
    description: "Offer settings provided are validated.",
    estimatedTimeFrame: "< 15 min",
  },
  {
    id: "displaycertify",
    stepName: "Certification",
    description: "Your offer is analyzed by our certification systems for issues.",
    estimatedTimeFrame: "~2-3 days",
  },
  {
    id: "displayprovision",
    stepName: "Provisioning",
    description: "Your virtual machine is being replicated in our production systems.",
    estimatedTimeFrame: "< 1 day",
  },
  {
    id: "displaypackage",
    stepName: "Packaging and Lead Generation Registration",
    description:
      "Your virtual machine is being packaged for customers. Additionally, lead systems are being configured and set up.",
    estimatedTimeFrame: "< 1 hour",
  },
  signoff,
  live,
];

const appSteps: readonly StepDef[] = [
  validatePrerequisites,
  {
    id: "validate-influenced-revenue",
    stepName: "Validate influenced revenue settings",
    description: "Your customer usage attribution (influenced revenue) settings are validated.",
    estimatedTimeFrame: "< 1 hour",
  },
  {
    id: "certification",
    stepName: "Certification",
    description:
      "Your solution template or managed application package is analyzed by our certification systems for issues.",
    estimatedTimeFrame: "< 5 day",
  },
  {
    id: "test-drive-validation",
    stepName: "Test Drive validation",
    description: "Your Test Drive is deployed and validated end to end.",
    estimatedTimeFrame: "< 1 day",
  },
  {
    id: "packaging",
    stepName: "Packaging and lead generation registration",
    description:
      "Your application is being packaged for customers. Additionally, lead systems are being configured and set up.",
    estimatedTimeFrame: "< 1 hour",
  },
  signoff,
  {
    id: "microsoft-review",
    stepName: "Microsoft review",
    description: "Microsoft reviews your offer before it is made available to customers.",
    estimatedTimeFrame: "~7-14 days",
  },
  live,
];

const containerSteps: readonly StepDef[] = [
  validatePrerequisites,
  {
    id: "vulnerability-scan",
    stepName: "Vulnerability scan",
    description: "Your container images are scanned for known vulnerabilities and malware.",
    estimatedTimeFrame: "< 1 hour",
  },
  {
    id: "certification",
    stepName: "Certification",
    description: "Your container offer is analyzed by our certification systems for issues.",
    estimatedTimeFrame: "~2-3 days",
  },
  {
    id: "packaging",
    stepName: "Packaging",
    description: "Your container images are replicated to the Marketplace registry and packaged for customers.",
    estimatedTimeFrame: "< 1 day",
  },
  signoff,
  live,
];

const saasSteps: readonly StepDef[] = [
  validatePrerequisites,
  {
    id: "lead-generation-registration",
    stepName: "Lead Generation Registration",
    description: "Lead systems are being configured and set up for your offer.",
    estimatedTimeFrame: "< 1 hour",
  },
  {
    id: "certification",
    stepName: "Certification",
    description: "Your SaaS listing and technical configuration are reviewed for issues.",
    estimatedTimeFrame: "~2-3 days",
  },
  signoff,
  live,
];

const iotEdgeSteps: readonly StepDef[] = [
  validatePrerequisites,
  {
    id: "certification",
    stepName: "Certification",
    description: "Your IoT Edge module is analyzed by our certification systems for issues.",
    estimatedTimeFrame: "< 5 day",
  },
  signoff,
  live,
];

const stepsByType: Readonly<Record<string, readonly StepDef[]>> = {
  [VM]: vmSteps,
  [CORE_VM]: vmSteps,
  [APP]: appSteps,
  [CONTAINER]: containerSteps,
  [SAAS]: saasSteps,
  [IOT_EDGE]: iotEdgeSteps,
};

export function stepsFor(offerTypeId: string): readonly StepDef[] {
  return stepsByType[offerTypeId] ?? vmSteps;
}

export function stepIndex(offerTypeId: string, stepId: string): number {
  return stepsFor(offerTypeId).findIndex((step) => step.id === stepId);
}

/** Words for generated offer names ("Contoso Analytics Gateway"). */
export const NAME_FIRST = [
  "Analytics",
  "Secure",
  "Cloud",
  "Data",
  "Edge",
  "Identity",
  "Insight",
  "Stream",
  "Vault",
  "Fleet",
  "Quantum",
  "Nimbus",
  "Harbor",
  "Beacon",
  "Atlas",
  "Pulse",
  "Vector",
  "Summit",
  "Ledger",
  "Sentinel",
  "Cobalt",
  "Orbit",
  "Relay",
  "Prism",
] as const;

export const NAME_SECOND = [
  "Gateway",
  "Firewall",
  "Connector",
  "Suite",
  "Platform",
  "Hub",
  "Manager",
  "Studio",
  "Monitor",
  "Backup",
  "Router",
  "Workbench",
  "Pipeline",
  "Appliance",
  "Portal",
  "Engine",
  "Server",
  "Toolkit",
  "Cluster",
  "Service",
] as const;

export const REGIONS = [
  "US",
  "CA",
  "GB",
  "DE",
  "FR",
  "NL",
  "SE",
  "NO",
  "JP",
  "AU",
  "IN",
  "BR",
  "SG",
  "KR",
  "TW",
  "CH",
  "DZ",
  "AR",
] as const;

export const TYPE_LABELS: Readonly<Record<string, string>> = {
  [VM]: "Virtual Machine",
  [CORE_VM]: "Core Virtual Machine",
  [APP]: "Azure Application",
  [CONTAINER]: "Container",
  [SAAS]: "SaaS",
  [IOT_EDGE]: "IoT Edge Module",
};
