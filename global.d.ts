import type { Locale } from "@/i18n/locales";
import type { Messages } from "@/messages";

// Typed next-intl: a key that is not in the English catalogue does not compile.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
