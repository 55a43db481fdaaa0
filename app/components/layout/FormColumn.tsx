// A form (or other reading matter) kept to two thirds of the width on large
// screens, where a full-width line would be hard to follow.
import type { ReactNode } from "react";

export function FormColumn({ children }: { children: ReactNode }) {
  return (
    <div className="row">
      <div className="col-12 col-lg-8">{children}</div>
    </div>
  );
}
