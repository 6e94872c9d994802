// A tiny memo for values that are costly to build and few in practice (ICU
// formatters, resolved language tags): kept in a Map that is simply emptied
// when it reaches `max`, so hostile input cannot grow it without bound.

export function remember<V>(map: Map<string, V>, key: string, make: () => V, max = 500): V {
  let value = map.get(key);
  if (value === undefined) {
    if (map.size >= max) map.clear();
    value = make();
    map.set(key, value);
  }
  return value;
}
