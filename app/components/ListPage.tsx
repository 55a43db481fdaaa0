// The frame of a list page: the title, the lead, a confirmation after a change
// (?done=… and the like), the page's main actions, then the list itself.
import type { ReactNode } from "react";
import { SuccessNotice } from "./notices";

export function ListPage({ title, lead, notice, actions, children }: { title: ReactNode; lead?: ReactNode; notice?: ReactNode; actions?: ReactNode; children: ReactNode }) {
  return (
    <>
      <h1>{title}</h1>
      {lead ? <p className="font-lead">{lead}</p> : null}
      <SuccessNotice>{notice}</SuccessNotice>
      {actions ? <p>{actions}</p> : null}
      {children}
    </>
  );
}
