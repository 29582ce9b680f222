/**
 * The three Reflect metadata functions tsyringe (under @peculiar/x509) looks for at load time. The
 * `reflect-metadata` package is not a dependency; this is all of it that certificate generation touches. Imported
 * before @peculiar/x509; leaves an existing polyfill alone.
 */
type Key = unknown;
const metadata = new WeakMap<object, Map<string | symbol | undefined, Map<Key, unknown>>>();

function own(target: object, property: string | symbol | undefined, create: boolean): Map<Key, unknown> | undefined {
  let byProperty = metadata.get(target);
  if (!byProperty) {
    if (!create) return undefined;
    byProperty = new Map();
    metadata.set(target, byProperty);
  }
  let entries = byProperty.get(property);
  if (!entries && create) {
    entries = new Map();
    byProperty.set(property, entries);
  }
  return entries;
}

interface ReflectMetadata {
  getMetadata?: unknown;
}

if (typeof (Reflect as ReflectMetadata).getMetadata !== 'function') {
  const getOwnMetadata = (key: Key, target: object, property?: string | symbol): unknown => own(target, property, false)?.get(key);
  const getMetadata = (key: Key, target: object, property?: string | symbol): unknown => {
    for (let t: object | null = target; t; t = Object.getPrototypeOf(t) as object | null) {
      const found = own(t, property, false);
      if (found?.has(key)) return found.get(key);
    }
    return undefined;
  };
  const defineMetadata = (key: Key, value: unknown, target: object, property?: string | symbol): void => {
    own(target, property, true)!.set(key, value);
  };
  Object.assign(Reflect, { getOwnMetadata, getMetadata, defineMetadata });
}

export {};
