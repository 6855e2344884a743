// Toggle chips for a multi-value filter: none selected means “all”.

export interface ChipOption {
  value: string;
  label: string;
}

export function Chips(props: { name: string; options: ChipOption[]; selected: string[]; onChange: (v: string[]) => void }) {
  const { options, selected, onChange } = props;
  const toggle = (v: string) =>
    onChange(selected.includes(v) ? selected.filter((x) => x !== v) : [...selected, v]);
  return (
    <div class="chips" data-filter={props.name}>
      {options.map((o) => (
        <button
          key={o.value}
          class={selected.includes(o.value) ? 'chip on' : 'chip'}
          aria-pressed={selected.includes(o.value)}
          data-value={o.value}
          onClick={() => toggle(o.value)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
