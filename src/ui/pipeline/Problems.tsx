// Problems of one field, shown next to it and tied to it with aria-describedby.

export function Problems({ list, id }: { list: string[]; id: string }) {
  if (list.length === 0) return null;
  return (
    <ul class="pl-problems" id={id} role="alert">
      {list.map((m) => (
        <li key={m}>{m}</li>
      ))}
    </ul>
  );
}
