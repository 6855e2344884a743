// Problems of one form field, shown next to it and tied to it with aria-describedby (`id`): the
// promotion-group editor and the project pipeline's forms use it alike.

export function FieldProblems({ list, id }: { list: string[]; id: string }) {
  if (list.length === 0) return null;
  return (
    <ul class="field-problems" id={id} role="alert">
      {list.map((m) => (
        <li key={m}>{m}</li>
      ))}
    </ul>
  );
}
