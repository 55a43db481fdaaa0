// Choosing one occupation from the taxonomy: a combobox over
// /soeg/stillingsbetegnelser and a hidden input `name` carrying the chosen id.
// Editing the text after a pick clears the id, so the form never submits an id
// that no longer matches what the user sees. Without JavaScript the typed text
// is submitted as `queryName` (when given) for the server to search.
import { useState, type ReactNode } from "react";
import { Combobox, type PickerOption } from "./Combobox";

export interface OccupationPickerProps {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  defaultValue?: PickerOption | null;
  error?: string | null;
  id?: string;
  queryName?: string;
  /** Text shown when nothing is chosen yet (e.g. what the user searched for without JavaScript). */
  defaultQuery?: string;
  onChange?: (option: PickerOption | null) => void;
}

export function OccupationPicker({ name, label, hint, defaultValue = null, error, id, queryName, defaultQuery, onChange }: OccupationPickerProps) {
  const [chosen, setChosen] = useState<PickerOption | null>(defaultValue);
  return (
    <>
      <input type="hidden" name={name} value={chosen?.id ?? ""} />
      <Combobox
        id={id}
        source="/soeg/stillingsbetegnelser"
        label={label}
        hint={hint}
        error={error}
        queryName={queryName}
        defaultQuery={defaultValue?.label ?? defaultQuery ?? ""}
        onPick={(option) => {
          setChosen(option);
          onChange?.(option);
        }}
        onType={(text) => {
          if (chosen && text !== chosen.label) {
            setChosen(null);
            onChange?.(null);
          }
        }}
      />
    </>
  );
}
