import { HttpParams } from '@angular/common/http';

/** Query params from an object, leaving out empty values (objects are sent as JSON). */
export function toParams(query: object): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query) as [string, unknown][]) {
    if (value === undefined || value === null || value === '') continue;
    params = params.set(key, typeof value === 'object' ? JSON.stringify(value) : String(value as string | number | boolean));
  }
  return params;
}
