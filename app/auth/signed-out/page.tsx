import type { Metadata } from "next";
import Link from "next/link";

import { AuthCard, SignInLink } from "@/components/auth/auth-card";
import { getCurrentUser } from "@/lib/server/auth/current-user";

export const metadata: Metadata = { title: "Signed out" };

// Where Entra ID's sign-out brings the browser back (post_logout_redirect_uri).
export default async function SignedOutPage() {
  const user = await getCurrentUser();
  if (user.signedIn) {
    return (
      <AuthCard
        title="You are signed in"
        action={
          <Link href="/" className="text-brand-700 font-medium underline">
            Open the dashboard
          </Link>
        }
      >
        <p>
          Signed in as {user.name} ({user.username}).
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="You have signed out" action={<SignInLink>Sign in again</SignInLink>}>
      <p>Your dashboard session has ended and you were signed out of Entra ID.</p>
    </AuthCard>
  );
}
