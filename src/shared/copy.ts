/**
 * Copy text to the clipboard from a click: the async Clipboard API where the
 * page is a secure context, else a copy event answered with the text (news
 * sites still served over http have no navigator.clipboard). Resolves true
 * when the text was copied.
 */
export async function copyText(text: string): Promise<boolean> {
  if (typeof navigator.clipboard?.writeText === 'function') {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // fall through: denied here, the copy event may still work
    }
  }
  let done = false;
  const onCopy = (e: ClipboardEvent): void => {
    if (!e.clipboardData) return;
    e.clipboardData.setData('text/plain', text);
    e.preventDefault();
    done = true;
  };
  document.addEventListener('copy', onCopy, true);
  try {
    // execCommand is deprecated but is the one way to copy on an insecure page; it needs the user's click.
    document.execCommand('copy');
  } finally {
    document.removeEventListener('copy', onCopy, true);
  }
  return done;
}
