/**
 * One command at a time in a workflow: update handlers and deadline commands run in the order they arrive, each after
 * the previous one settled (a refused one does not block the next). Deterministic: plain promise chaining.
 */
export function serializer(): <T>(fn: () => Promise<T>) => Promise<T> {
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn);
    queue = run.catch(() => undefined);
    return run;
  };
}
