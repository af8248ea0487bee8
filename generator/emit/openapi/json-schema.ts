/** A JSON Schema (2020-12, as OpenAPI 3.1 uses it) or OpenAPI object: plain data, serialized as built. */
export type Json = string | number | boolean | null | Json[] | JsonObject
export interface JsonObject {
  [key: string]: Json | undefined
}

/**
 * Sets `key` as an own, enumerable member even when it is `__proto__`: keys come from docs text, and a plain
 * assignment of that one would change the object's prototype instead.
 */
export function setOwn(object: JsonObject, key: string, value: Json | undefined): void {
  if (value === undefined) return
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true })
}

/** An object from entries, with `setOwn`'s safety; entries whose value is undefined are left out. */
export function objectOf(entries: Iterable<readonly [string, Json | undefined]>): JsonObject {
  const object: JsonObject = {}
  for (const [key, value] of entries) setOwn(object, key, value)
  return object
}
