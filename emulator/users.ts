/**
 * Demo users of the emulator's sign-in page: fixed, loopback-only identities. App roles are
 * what Entra ID puts in the ID token's `roles` claim for users (or groups) assigned to the
 * app registration's roles; a user without an assignment gets no `roles` claim at all.
 */
export interface DemoUser {
  /** Short key used by the sign-in form. */
  readonly key: string;
  readonly name: string;
  readonly username: string;
  readonly oid: string;
  readonly roles: readonly string[];
  /** How the sign-in page describes the user, e.g. "approver". */
  readonly label: string;
}

export const demoUsers: readonly DemoUser[] = [
  {
    key: "aaron",
    name: "Aaron Approver",
    username: "aaron@contoso.onmicrosoft.com",
    oid: "3f1e2d4c-5b6a-4798-8a9b-0c1d2e3f4a5b",
    roles: ["Approver"],
    label: "approver",
  },
  {
    key: "vera",
    name: "Vera Viewer",
    username: "vera@contoso.onmicrosoft.com",
    oid: "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d",
    roles: [],
    label: "viewer",
  },
];

export function findDemoUser(key: string): DemoUser | undefined {
  return demoUsers.find((user) => user.key === key);
}
