/**
 * Strongly connected components (Tarjan, iterative so long chains cannot overflow the stack).
 * Returns only components that contain a cycle (more than one node, or a self-loop).
 */
export function cyclicComponents(
  ids: readonly string[],
  successors: (id: string) => readonly string[],
): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result: string[][] = [];
  let counter = 0;
  for (const root of ids) {
    if (index.has(root)) continue;
    const work: { id: string; i: number }[] = [{ id: root, i: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (!frame) break;
      const succ = successors(frame.id);
      if (frame.i < succ.length) {
        const next = succ[frame.i++];
        if (next === undefined) continue;
        if (!index.has(next)) {
          index.set(next, counter);
          low.set(next, counter++);
          stack.push(next);
          onStack.add(next);
          work.push({ id: next, i: 0 });
        } else if (onStack.has(next)) {
          low.set(frame.id, Math.min(low.get(frame.id) ?? 0, index.get(next) ?? 0));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id) ?? 0, low.get(frame.id) ?? 0));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        for (;;) {
          const top = stack.pop();
          if (top === undefined) break;
          onStack.delete(top);
          component.push(top);
          if (top === frame.id) break;
        }
        const first = component[0];
        if (component.length > 1 || (first !== undefined && successors(first).includes(first)))
          result.push(component);
      }
    }
  }
  return result;
}
