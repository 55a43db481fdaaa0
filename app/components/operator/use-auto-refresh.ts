// Reloads the page's data every `everyMs` while `active` (a run or an import in
// progress), and only while the tab is visible and no reload is already under way.
import { useRevalidator } from "@remix-run/react";
import { useEffect } from "react";

export function useAutoRefresh(active: boolean, everyMs = 2000) {
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle" && document.visibilityState === "visible") revalidator.revalidate();
    }, everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs, revalidator]);
}
