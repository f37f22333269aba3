import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";

import { CATALOGUES } from "@/messages";

import { LOCALE_COOKIE, resolveLocale } from "./locales";

/** Per request: the remembered choice (cookie), else the browser's Accept-Language. */
export default getRequestConfig(async () => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const locale = resolveLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerList.get("accept-language"));
  return { locale, messages: CATALOGUES[locale] };
});
