/**
 * The signed-in user as the browser sees it: what the header and the action buttons need,
 * nothing more (no token, no claim the UI does not use).
 */
export interface CurrentUser {
  signedIn: boolean;
  /** Display name ("Aaron Approver"); empty when signed out. */
  name: string;
  /** Sign-in name or e-mail ("aaron@contoso.onmicrosoft.com"); empty when signed out. */
  username: string;
  /** App roles from the ID token's `roles` claim. */
  roles: readonly string[];
  /** Whether the user holds APPROVER_ROLE: may Go live and Cancel publish. */
  isApprover: boolean;
  /** The configured approver role value (APPROVER_ROLE), for messages. */
  approverRole: string;
  /**
   * Why Go live / Cancel publish are not available to this user, as a code the page words in
   * its own language (`auth.actionsDisabled`, with `approverRole`); null for approvers.
   */
  actionsDisabledReason: ActionsDisabledReason | null;
  /** When the session ends (ISO time); null when signed out. */
  expiresAt: string | null;
}

export type ActionsDisabledReason = "approver_only" | "signed_out";

/** The API's 403 in English (its envelope's fallback words; pages word the `forbidden` code themselves). */
export function approverOnlyMessage(approverRole: string): string {
  return `Only approvers (role '${approverRole}') can take offers live or cancel publishing.`;
}

export const SIGNED_OUT: CurrentUser = {
  signedIn: false,
  name: "",
  username: "",
  roles: [],
  isApprover: false,
  approverRole: "Approver",
  actionsDisabledReason: "signed_out",
  expiresAt: null,
};
