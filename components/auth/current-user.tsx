"use client";

import { useTranslations } from "next-intl";
import { createContext, useContext, type ReactNode } from "react";

import { SIGNED_OUT, type CurrentUser } from "@/lib/auth/user";

const CurrentUserContext = createContext<CurrentUser>(SIGNED_OUT);

/** Set once by the root layout from the session cookie (server side); no token reaches the browser. */
export function CurrentUserProvider({ user, children }: { user: CurrentUser; children: ReactNode }) {
  return <CurrentUserContext.Provider value={user}>{children}</CurrentUserContext.Provider>;
}

/**
 * The signed-in user: `{ signedIn, name, username, roles, isApprover, approverRole,
 * actionsDisabledReason, expiresAt }`. Go live / Cancel publish buttons disable themselves
 * unless `isApprover`, and say `actionsDisabledReason`; the API refuses them anyway (403).
 */
export function useCurrentUser(): CurrentUser {
  return useContext(CurrentUserContext);
}

/** Why this user may not Go live / Cancel publish, in the page's language; null for approvers. */
export function useActionsDisabledText(): string | null {
  const t = useTranslations("auth.actionsDisabled");
  const { actionsDisabledReason, approverRole } = useCurrentUser();
  return actionsDisabledReason === null ? null : t(actionsDisabledReason, { role: approverRole });
}
