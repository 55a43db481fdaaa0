// DKFDS alerts for what a page has to say about the last thing that happened.
import type { ReactNode } from "react";

/** A success alert, read out once (role="status"); nothing when there is nothing to say. */
export function SuccessNotice({ heading, children }: { heading?: ReactNode; children?: ReactNode }) {
  if (!children) return null;
  return (
    <div className="alert alert-success" role="status">
      {heading ? <strong className="alert-heading">{heading}</strong> : null}
      <p className="alert-text">{children}</p>
    </div>
  );
}

/** An error alert, read out at once (role="alert"). */
export function ErrorNotice({ heading, children }: { heading?: ReactNode; children: ReactNode }) {
  return (
    <div className="alert alert-error" role="alert">
      {heading ? <strong className="alert-heading">{heading}</strong> : null}
      <p className="alert-text">{children}</p>
    </div>
  );
}
