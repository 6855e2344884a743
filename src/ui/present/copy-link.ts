// Copying a link for the presenter: the clipboard where the browser allows it (https,
// localhost), else the link is shown selected so it can be copied by hand (a plain-http
// intranet page has no clipboard API).

export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission, no focus): fall through to the manual copy.
  }
  return false;
}

/** The full address of a view whose query string is `search`. */
export function linkOf(search: string): string {
  return `${location.origin}${location.pathname}${search}`;
}
