// The way back to the list a detail or create page was opened from.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <p>
      <Link to={to} className="back-link">
        {children}
      </Link>
    </p>
  );
}
