// One instance per process for pools, registries and servers, shared by the
// custom server and Next's separately bundled route handlers (and surviving
// dev reloads), by keeping it on globalThis under a registered symbol.
export function globalSingleton<T>(key: string, create: () => T): T {
  const store = globalThis as unknown as Record<symbol, unknown>;
  const symbol = Symbol.for(`vigil.${key}`);
  if (!(symbol in store)) store[symbol] = create();
  return store[symbol] as T;
}

export function setGlobal<T>(key: string, value: T): T {
  (globalThis as unknown as Record<symbol, unknown>)[Symbol.for(`vigil.${key}`)] = value;
  return value;
}

export function getGlobal<T>(key: string): T | undefined {
  return (globalThis as unknown as Record<symbol, unknown>)[Symbol.for(`vigil.${key}`)] as T | undefined;
}
