// Fills the `{name}` marks of a message (messages-pipeline.ts) with values; values are text,
// shown by Preact as text, never as markup.

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
