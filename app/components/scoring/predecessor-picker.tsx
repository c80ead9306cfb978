import { useId, useState } from "react";
import { unitNameFold } from "#app/scoring/unit-match.ts";

// The previous round's unit(s) a unit replaced: a multi-select of 100+ names is unusable without a
// filter, so a search box narrows the options (with or without diacritics); the units already chosen
// stay listed whatever is typed, so filtering never drops a selection.

export interface PreviousUnitOption {
  id: string;
  name: string;
}

export function PredecessorPicker({
  unitName,
  options,
  defaultValue,
  selectProps,
}: {
  unitName: string;
  options: PreviousUnitOption[];
  defaultValue: string[];
  /** aria-invalid / aria-describedby of the field, from the form. */
  selectProps: Record<string, unknown>;
}) {
  const searchId = useId();
  const [query, setQuery] = useState("");
  const [chosen, setChosen] = useState(() => new Set(defaultValue));
  const key = unitNameFold(query.trim());
  const shown = (o: PreviousUnitOption) => !key || chosen.has(o.id) || unitNameFold(o.name).includes(key);
  return (
    <div className="predecessor-picker">
      <label htmlFor={searchId} className="visually-hidden">
        Tìm đơn vị năm trước của {unitName}
      </label>
      <input
        id={searchId}
        type="search"
        placeholder="Tìm đơn vị năm trước"
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
      />
      <select
        {...selectProps}
        name="predecessorIds"
        multiple
        size={4}
        defaultValue={defaultValue}
        aria-label={`Đơn vị năm trước của ${unitName}`}
        onChange={(e) => setChosen(new Set(Array.from(e.currentTarget.selectedOptions, (o) => o.value)))}
      >
        {options.map((p) => (
          <option key={p.id} value={p.id} hidden={!shown(p)}>
            {p.name}
          </option>
        ))}
      </select>
    </div>
  );
}
