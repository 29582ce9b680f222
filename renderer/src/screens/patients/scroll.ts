/**
 * Scrolls the shell's content area (main#main) back to the top: after a long form closes, the message and the
 * list it returns to are at the top, not where the form's buttons were.
 */
export function scrollContentToTop(): void {
  document.getElementById('main')?.scrollTo({ top: 0 });
}
