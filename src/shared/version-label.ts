import type { PageResult } from './protocol';

/**
 * How a difference names the version it is against: a bundled version by its
 * number (001), a version the reader kept by its outlet (or title) and the
 * day it was read or saved — "user-570e…" means nothing to a reader.
 */
export function versionLabel(r: Pick<PageResult, 'versions'>, id: string): string {
  const v = r.versions.find((x) => x.id === id);
  if (!v?.origin) return id.slice(0, 3);
  const name = v.outlet || v.title.slice(0, 12) || id.slice(5, 11);
  const day = v.readOn ?? v.date;
  return day ? `${name} ${day}` : name;
}
