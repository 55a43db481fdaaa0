// An accessible autocomplete (WAI-ARIA 1.2 combobox with a listbox popup):
// typing fetches suggestions from a JSON endpoint ([{ id, label }]); arrow keys
// move through them, Enter picks, Escape closes (and clears when closed). The
// active option is announced through aria-activedescendant, the number of
// suggestions through a polite live region. Focus never leaves the input.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { FormGroup } from "~/components/form";
import { useLanguage } from "~/lib/use-language";

export interface PickerOption {
  id: string;
  label: string;
  /** "en" when the label is the English fallback of an untranslated concept. */
  lang?: "en";
}

const DEBOUNCE_MS = 200;

export interface ComboboxProps {
  /** The suggestion endpoint, e.g. "/soeg/kompetencer". */
  source: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  /** id of the input, so that an error summary can link to it. */
  id?: string;
  /** Name of the text input, for servers that search for what was typed without JavaScript. */
  queryName?: string;
  defaultQuery?: string;
  /** Ids that are already chosen: left out of the suggestions. */
  exclude?: readonly string[];
  /** Clear the text after a pick (multi-select) or show the picked label (single). */
  clearOnPick?: boolean;
  onPick: (option: PickerOption) => void;
  /** Called when the user edits the text (single choice: the earlier pick no longer holds). */
  onType?: (text: string) => void;
}

export function Combobox({ source, label, hint, error, id, queryName, defaultQuery = "", exclude = [], clearOnPick = false, onPick, onType }: ComboboxProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const generatedId = useId();
  const inputId = id ?? `${generatedId}-input`;
  const listId = `${inputId}-listbox`;
  const statusId = `${inputId}-status`;

  const [text, setText] = useState(defaultQuery);
  const [options, setOptions] = useState<PickerOption[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState("");
  const requestRef = useRef<AbortController | null>(null);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(
    () => () => {
      requestRef.current?.abort();
      if (timerRef.current) clearTimeout(timerRef.current);
    },
    [],
  );

  const excluded = new Set(exclude);
  const visible = options.filter((option) => !excluded.has(option.id));

  function fetchSuggestions(query: string) {
    if (timerRef.current) clearTimeout(timerRef.current);
    requestRef.current?.abort();
    if (query.trim().length < 2) {
      setOptions([]);
      setOpen(false);
      setStatus("");
      return;
    }
    timerRef.current = setTimeout(() => void loadSuggestions(query), DEBOUNCE_MS);
  }

  // Never rejects: a failed or aborted request ends in the status text, not in an unhandled rejection.
  async function loadSuggestions(query: string) {
    const controller = new AbortController();
    requestRef.current = controller;
    try {
      const params = new URLSearchParams({ q: query, lang: language, limit: "15" });
      const response = await fetch(`${source}?${params}`, { signal: controller.signal, headers: { Accept: "application/json" } });
      if (!response.ok) throw new Error(String(response.status));
      const found = (await response.json()) as PickerOption[];
      setOptions(found);
      setActive(-1);
      setOpen(true);
      const shown = found.filter((option) => !excluded.has(option.id)).length;
      setStatus(shown === 0 ? t("company.pickers.noResults") : t("company.pickers.resultCount", { count: shown }));
    } catch (failure) {
      if ((failure as Error).name === "AbortError") return;
      setOptions([]);
      setOpen(false);
      setStatus(t("company.pickers.unavailable"));
    }
  }

  function pick(option: PickerOption) {
    onPick(option);
    setText(clearOnPick ? "" : option.label);
    setOpen(false);
    setActive(-1);
    setOptions([]);
    setStatus(t("company.pickers.picked", { label: option.label }));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!open && visible.length > 0) setOpen(true);
        setActive((index) => (visible.length === 0 ? -1 : (index + 1) % visible.length));
        break;
      case "ArrowUp":
        event.preventDefault();
        if (!open && visible.length > 0) setOpen(true);
        setActive((index) => (visible.length === 0 ? -1 : index <= 0 ? visible.length - 1 : index - 1));
        break;
      case "Enter":
        // Enter picks the active suggestion instead of submitting the form.
        if (open && active >= 0 && visible[active]) {
          event.preventDefault();
          pick(visible[active]);
        } else if (open) {
          event.preventDefault();
        }
        break;
      case "Escape":
        if (open) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (text) {
          event.preventDefault();
          setText("");
          onType?.("");
        }
        break;
      default:
        break;
    }
  }

  const expanded = open && visible.length > 0;
  const describedBy = [hint ? `${inputId}-hint` : null, error ? `${inputId}-error` : null].filter(Boolean).join(" ") || undefined;

  return (
    <FormGroup inputId={inputId} label={label} hint={hint} error={error} className="picker">
      <div className="picker-control">
        <input
          id={inputId}
          name={queryName}
          className="form-input"
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            onType?.(event.target.value);
            fetchSuggestions(event.target.value);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          onFocus={() => {
            if (visible.length > 0) setOpen(true);
          }}
        />
        <ul id={listId} role="listbox" aria-label={typeof label === "string" ? label : undefined} className="picker-listbox" hidden={!expanded}>
          {visible.map((option, index) => (
            <li
              key={option.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={`picker-option${index === active ? " picker-option--active" : ""}`}
              lang={option.lang}
              // mousedown, not click: the input's blur would close the list first.
              onMouseDown={(event) => {
                event.preventDefault();
                pick(option);
              }}
            >
              {option.label}
            </li>
          ))}
        </ul>
      </div>
      <span className="sr-only" role="status" aria-live="polite" id={statusId}>
        {status}
      </span>
    </FormGroup>
  );
}
