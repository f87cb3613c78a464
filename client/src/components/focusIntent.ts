/**
 * Whether the person has acted since a moment: pressed a key (other than a lone modifier) or
 * a pointer button. Parts of a page that render after their data arrives (the page heading
 * after a navigation, a thread opened by `?thread=`) move the focus only when the person has
 * not acted since the navigation or request that asked for it. Otherwise a late render would
 * pull them back from where they went meanwhile (the bell, the search box, the text).
 *
 * Only presses count, not focus events: the app moves the focus itself (a menu handing it back
 * to its button when it closes), and that is no choice of the person's.
 */
const modifiers = new Set(['Alt', 'AltGraph', 'CapsLock', 'Control', 'Fn', 'Meta', 'NumLock', 'OS', 'Shift']);

let actedAt = Number.NEGATIVE_INFINITY;
let navigatedAt = 0;

function acted(): void {
  actedAt = performance.now();
}

if (typeof document !== 'undefined') {
  // Capture phase: a handler that stops the event (a menu, the editor) does not hide it.
  document.addEventListener('pointerdown', acted, true);
  document.addEventListener(
    'keydown',
    (e) => {
      // A screen reader's own keys (Control to stop speech) are no move of the focus.
      if (!modifiers.has(e.key)) acted();
    },
    true,
  );
}

/** A moment to compare with later (`performance.now()`). */
export function now(): number {
  return performance.now();
}

/** True when the person pressed a key or pointer button after `since`. */
export function actedSince(since: number): boolean {
  return actedAt > since;
}

/** Called by the router when the path changes. */
export function noteNavigation(): void {
  navigatedAt = performance.now();
}

/** True when the person acted after the last change of path. */
export function actedSinceNavigation(): boolean {
  return actedSince(navigatedAt);
}
