import { cookies } from "next/headers";

import { THEME_COOKIE, parseTheme } from "@/lib/preferences";

import { PreferenceControls } from "./preferences";

/** Language and theme, starting from the theme the server rendered (the same cookie). */
export async function PreferenceBar({ collapsible = false }: { collapsible?: boolean }) {
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return <PreferenceControls theme={theme} collapsible={collapsible} />;
}
