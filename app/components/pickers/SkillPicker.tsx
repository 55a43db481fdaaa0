// Choosing several skills from the taxonomy. Each chosen skill is a chip that is
// a checked checkbox named `name` (value: the skill id), so the form submits the
// chosen ids as `name` repeated, with or without JavaScript, and a chip can be
// taken off (unchecked) and put back before saving even without JavaScript.
// With JavaScript, the combobox below adds skills from /soeg/kompetencer.
import { useId, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { FieldMessages } from "~/components/form";
import { Combobox, type PickerOption } from "./Combobox";

export interface SkillPickerProps {
  /** Form field name; the form receives one `name` entry per chosen skill id. */
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  /** Skills chosen when the page loads (e.g. the stored ones, or what the user sent back). */
  defaultValue?: readonly PickerOption[];
  /** Skills shown as chips but not checked (e.g. proposals the user may add). */
  suggestions?: readonly PickerOption[];
  error?: string | null;
  /** Label of the search field; defaults to "Tilføj kompetence". */
  addLabel?: ReactNode;
  /** id of the search field, for an error summary's link. */
  id?: string;
  onChange?: (chosenIds: string[]) => void;
}

interface Chip extends PickerOption {
  checked: boolean;
}

export function SkillPicker({ name, legend, hint, defaultValue = [], suggestions = [], error, addLabel, id, onChange }: SkillPickerProps) {
  const { t } = useTranslation();
  const baseId = useId();
  const [chips, setChips] = useState<Chip[]>(() => {
    const chosen = new Set(defaultValue.map((o) => o.id));
    return [
      ...defaultValue.map((o) => ({ ...o, checked: true })),
      ...suggestions.filter((o) => !chosen.has(o.id)).map((o) => ({ ...o, checked: false })),
    ];
  });

  function update(next: Chip[]) {
    setChips(next);
    onChange?.(next.filter((c) => c.checked).map((c) => c.id));
  }

  function add(option: PickerOption) {
    const existing = chips.find((c) => c.id === option.id);
    update(existing ? chips.map((c) => (c.id === option.id ? { ...c, checked: true } : c)) : [...chips, { ...option, checked: true }]);
  }

  const chosenCount = chips.filter((c) => c.checked).length;
  const hintId = `${baseId}-hint`;
  const errorId = `${baseId}-error`;

  return (
    <fieldset className={`skill-picker${error ? " form-error" : ""}`} aria-describedby={[hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined}>
      <legend className="form-label">{legend}</legend>
      <FieldMessages hint={hint} hintId={hintId} error={error} errorId={errorId} />
      {chips.length === 0 ? (
        <p className="skill-picker-empty">{t("company.pickers.noneChosen")}</p>
      ) : (
        <ul className="skill-chips nobullet-list" aria-label={t("company.pickers.chosenCount", { count: chosenCount })}>
          {chips.map((chip) => {
            const chipId = `${baseId}-${chip.id}`;
            return (
              <li key={chip.id} className={`skill-chip${chip.checked ? "" : " skill-chip--off"}`}>
                <input
                  className="form-checkbox"
                  type="checkbox"
                  id={chipId}
                  name={name}
                  value={chip.id}
                  checked={chip.checked}
                  onChange={(event) => update(chips.map((c) => (c.id === chip.id ? { ...c, checked: event.target.checked } : c)))}
                />
                <label htmlFor={chipId} lang={chip.lang}>
                  {chip.label}
                </label>
              </li>
            );
          })}
        </ul>
      )}
      <Combobox
        id={id}
        source="/soeg/kompetencer"
        label={addLabel ?? t("company.pickers.addSkill")}
        hint={t("company.pickers.addSkillHint")}
        exclude={chips.filter((c) => c.checked).map((c) => c.id)}
        clearOnPick
        onPick={add}
      />
    </fieldset>
  );
}
