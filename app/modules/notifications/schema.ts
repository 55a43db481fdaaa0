// Form inputs of the notification pages (safe to import in the browser).
import { z } from "zod";

export const NotificationsIntent = z.object({ intent: z.enum(["mark-all-read", "email-on", "email-off"]) });

/** The unsubscribe page's button; a mail client's one-click POST (RFC 8058) sends no intent and means "unsubscribe". */
export const UnsubscribeIntent = z.object({ intent: z.enum(["unsubscribe", "resubscribe"]).default("unsubscribe") });
