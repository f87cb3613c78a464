/**
 * Dense ordering among siblings: positions are always 0..n-1. Every reorder rewrites the
 * positions of the whole sibling list, which also heals a list that was ever left sparse.
 */

/** `ids` in order with `movingId` taken out (if present) and put at `index` (clamped). */
export function placeAt(ids: readonly string[], movingId: string, index: number | undefined): string[] {
  const rest = ids.filter((id) => id !== movingId);
  const at = index === undefined ? rest.length : Math.max(0, Math.min(index, rest.length));
  rest.splice(at, 0, movingId);
  return rest;
}

/** The rows whose stored position differs from their index in `order`. */
export function positionChanges(order: readonly string[], current: ReadonlyMap<string, number>): Array<{ id: string; position: number }> {
  const out: Array<{ id: string; position: number }> = [];
  order.forEach((id, position) => {
    if (current.get(id) !== position) out.push({ id, position });
  });
  return out;
}
