import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { safeRedirectPath } from "~/modules/auth/home";
import { setUserLocale } from "~/modules/auth/repository.server";
import { isLanguage } from "~/i18n/config";
import { getOptionalUser } from "~/modules/auth/guards.server";
import { serializeLanguageCookie } from "~/lib/language.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const lang = form.get("lang");
  const back = safeRedirectPath(form.get("redirectTo")) ?? "/";
  if (!isLanguage(lang)) return redirect(back);
  const user = await getOptionalUser(request);
  // Remembered on the user too, so that e-mails reach them in the same language.
  if (user && user.locale !== lang) await setUserLocale(context.db, user.id, lang);
  return redirect(back, { headers: { "Set-Cookie": await serializeLanguageCookie(lang) } });
}

export function loader() {
  return redirect("/");
}
