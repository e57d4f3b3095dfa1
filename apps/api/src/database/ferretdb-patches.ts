import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KLASTERIS_DECODE_GO, KLASTERIS_INDEX_GO, KLASTERIS_PUSHDOWN_GO } from './ferretdb-go-sources';

/**
 * The patches our embedded FerretDB v1.24.2 build applies to its source before `go build` (see
 * embedded-ferretdb.ts, which bumps BUILD_TAG whenever they change). A patch that no longer
 * finds the code it changes throws, so a different FerretDB version fails the build loudly.
 */
export function applyKlasterisPatches(sourceDir: string): void {
  patchAtomicWrites(sourceDir);
  patchFilterPushdown(sourceDir);
  patchResourceTracking(sourceDir);
  patchDocumentDecoding(sourceDir);
}

/**
 * FerretDB's leak detector (`resource.Track`) records a pprof sample with a full stack trace and
 * sets a finalizer for every iterator it creates — one per document and array read, so about a
 * fifth of the CPU of reading 5,000 cards (profiled). In a release a forgotten `Untrack` only
 * panics from a finalizer, which would take the database down; our build turns both into no-ops.
 */
function patchResourceTracking(sourceDir: string): void {
  const file = join(sourceDir, 'internal', 'util', 'resource', 'resource.go');
  const src = readFileSync(file, 'utf8');
  const heads = ['func Track(obj any, token *Token) {\n\tcheckArgs(obj, token)\n', 'func Untrack(obj any, token *Token) {\n\tcheckArgs(obj, token)\n'];
  if (!heads.every((h) => src.split(h).length === 2)) throw new Error('Cannot apply the resource-tracking patch to FerretDB: its source changed.');
  writeFileSync(file, heads.reduce((out, h) => out.replace(h, `${h}\n\tif klasterisUntracked {\n\t\treturn\n\t}\n`), src) + '\n// klasterisUntracked turns lifetime tracking off (Klasteris build).\nconst klasterisUntracked = true\n');
}

/**
 * FerretDB 1.24 runs `update`, `findAndModify` and `delete` as "query, then write the whole
 * document back" with no lock or transaction around the pair. Measured here: 100 concurrent
 * `$inc`s left the counter at 12, and 12 of 50 conditional updates (`{ _id, state: 0 }` →
 * `state: 1`) all "won". MongoDB guarantees single-document atomicity, and our concurrency design
 * (counters, compare-and-set on versions and states) relies on it. Our embedded build therefore
 * serialises write commands inside FerretDB with one mutex — SQLite admits a single writer at a
 * time anyway, so this costs little — which restores per-document atomicity. Reads stay concurrent.
 */
function patchAtomicWrites(sourceDir: string): void {
  const file = join(sourceDir, 'internal', 'clientconn', 'conn.go');
  const src = readFileSync(file, 'utf8');
  const dispatch = 'if cmd := c.h.Commands()[command]; cmd != nil && cmd.Handler != nil {\n\t\treturn cmd.Handler(connCtx, msg)\n\t}';
  if (!src.includes(dispatch) || !src.includes('\t"sync/atomic"\n')) {
    throw new Error('Cannot apply the atomic-writes patch to FerretDB: its source changed.');
  }
  const patched = src
    .replace('\t"sync/atomic"\n', '\t"sync"\n\t"sync/atomic"\n')
    .replace(
      dispatch,
      [
        'if cmd := c.h.Commands()[command]; cmd != nil && cmd.Handler != nil {',
        '\t\tswitch command {',
        '\t\tcase "insert", "update", "delete", "findAndModify", "findandmodify":',
        '\t\t\tklasterisWriteMu.Lock()',
        '\t\t\tdefer klasterisWriteMu.Unlock()',
        '\t\t}',
        '\t\treturn cmd.Handler(connCtx, msg)',
        '\t}',
      ].join('\n'),
    )
    .concat('\n// klasterisWriteMu serialises write commands so that each is atomic (see Klasteris embedded-ferretdb.ts).\nvar klasterisWriteMu sync.Mutex\n');
  writeFileSync(file, patched);
}

/**
 * FerretDB 1.24's SQLite backend pushes only a lone `_id` equality down to SQL (and with an
 * expression its `_id` index does not match): every other query reads and decodes the whole
 * collection in Go, so a channel's messages or a board's cards cost a scan of all of them. Our
 * build answers from SQLite indexes instead:
 *
 * - beside every index FerretDB creates, a JSON-type index per key and, for a compound index, one
 *   with its last key as an SQL value (so numeric ranges such as `seq` can use it);
 * - updates and deletes, which find rows by `_id`, use FerretDB's `_id` index (the stock build
 *   spells the expression differently from the index, so each write read the whole table);
 * - a filter's top-level conditions on indexed fields — equality or `$in` on strings and ObjectIds,
 *   equality or ranges on numbers — become `(all of them exactly) OR <field> is an array …`. That
 *   is a superset of what MongoDB matches (an array matches by any element, so arrays always pass;
 *   other types cannot match these conditions), answered by a multi-index OR; `$or` and `$and` of
 *   such filters combine the same way (an `$or` only when every branch has such a condition).
 *   FerretDB still applies the complete filter, sort and limit to what SQLite returns, so results
 *   are unchanged (apps/api/test/database-queries.int-spec.ts pins the matching rules).
 */
function patchFilterPushdown(sourceDir: string): void {
  const file = join(sourceDir, 'internal', 'backends', 'sqlite', 'collection.go');
  const src = readFileSync(file, 'utf8');
  const idOnly = [
    '\tif params.Filter.Len() == 1 {',
    '\t\tv, _ := params.Filter.Get("_id")',
    '\t\tswitch v.(type) {',
    '\t\tcase string, types.ObjectID:',
    '\t\t\twhereClause = fmt.Sprintf(` WHERE %s = ?`, metadata.IDColumn)',
    '\t\t\targs = []any{string(must.NotFail(sjson.MarshalSingleValue(v)))}',
    '\t\t}',
    '\t}',
    '',
    '\tq += whereClause',
  ].join('\n');
  if (!src.includes(idOnly)) throw new Error('Cannot apply the filter-pushdown patch to FerretDB: its source changed.');
  writeFileSync(file, src.replace(idOnly, '\twhereClause, args = klasterisWhere(params.Filter, meta.Settings.Indexes)\n\n\tq += whereClause'));
  writeFileSync(join(sourceDir, 'internal', 'backends', 'sqlite', 'klasteris_pushdown.go'), KLASTERIS_PUSHDOWN_GO);

  const registry = join(sourceDir, 'internal', 'backends', 'sqlite', 'metadata', 'registry.go');
  const reg = readFileSync(registry, 'utf8');
  const loop = '\tfor _, index := range indexes {\n\t\tif slices.ContainsFunc(c.Settings.Indexes, func(i IndexInfo) bool { return index.Name == i.Name }) {\n';
  if (reg.split(loop).length !== 2) throw new Error('Cannot apply the helper-index patch to FerretDB: its source changed.');
  // for existing indexes too, so databases made by an older build get them at the next start
  const helpers = [
    '\tfor _, index := range indexes {',
    '\t\tfor _, kq := range klasterisHelperIndexes(c.TableName, index) {',
    '\t\t\tif _, err := db.ExecContext(ctx, kq); err != nil {',
    '\t\t\t\t_ = r.indexesDrop(ctx, dbName, collectionName, created)',
    '\t\t\t\treturn lazyerrors.Error(err)',
    '\t\t\t}',
    '\t\t}',
    '',
    '\t\tif slices.ContainsFunc(c.Settings.Indexes, func(i IndexInfo) bool { return index.Name == i.Name }) {',
    '',
  ].join('\n');
  writeFileSync(registry, reg.replace(loop, helpers));
  writeFileSync(join(sourceDir, 'internal', 'backends', 'sqlite', 'metadata', 'klasteris_index.go'), KLASTERIS_INDEX_GO);

  // Updates and deletes find their rows by _id with this expression; written as FerretDB's own
  // _id index is (col->"_id"), SQLite uses that index instead of reading the whole table.
  const metadataGo = join(sourceDir, 'internal', 'backends', 'sqlite', 'metadata', 'metadata.go');
  const meta = readFileSync(metadataGo, 'utf8');
  const idColumn = 'IDColumn = DefaultColumn + "->\'$._id\'"';
  if (!meta.includes(idColumn)) throw new Error('Cannot apply the _id-column patch to FerretDB: its source changed.');
  writeFileSync(metadataGo, meta.replace(idColumn, 'IDColumn = DefaultColumn + "->\\"_id\\""'));
}

/**
 * Reading a stored document (`sjson.Unmarshal`) made a fresh `json.Decoder` — a 512-byte buffer
 * and a reflection pass — for every single value, and decoded the document's type schema again for
 * every row, though the rows of a collection share a handful of schemas. That was half of
 * FerretDB's CPU when reading 5,000 cards (profiled). Our build decodes each value in one call,
 * with direct paths for plain strings, integers and booleans, and caches decoded schemas by their
 * text. Reading 5,000 cards went from 1.2 s to 0.3 s (with GOGC=400, see embedded-ferretdb.ts).
 * The same documents decode to the same values, and what FerretDB refused it still refuses: on the
 * patched package FerretDB's own sjson tests (`go test ./internal/handler/sjson/`) pass, apart from
 * seven that pin the wording of an error for truncated or trailing input ("unexpected end of
 * JSON input" where the stream decoder said "unexpected EOF").
 */
function patchDocumentDecoding(sourceDir: string): void {
  const dir = join(sourceDir, 'internal', 'handler', 'sjson');
  const scalar = /\tr := bytes\.NewReader\(data\)\n\tdec := json\.NewDecoder\(r\)\n(?:\tdec\.DisallowUnknownFields\(\)\n)?\n\tvar (\w+) (string|bool|int32|int64|float64|\[\]json\.RawMessage|map\[string\]json\.RawMessage)\n\tif err := dec\.Decode\(&\1\); err != nil \{\n\t\treturn lazyerrors\.Error\(err\)\n\t\}\n\n\tif err := checkConsumed\(dec, r\); err != nil \{\n\t\treturn lazyerrors\.Error\(err\)\n\t\}\n/;
  for (const name of ['array', 'bool', 'datetime', 'document', 'double', 'int32', 'int64', 'object_id', 'string']) {
    const file = join(dir, `${name}.go`);
    const src = readFileSync(file, 'utf8');
    if (!scalar.test(src)) throw new Error(`Cannot apply the decoding patch to FerretDB's sjson/${name}.go: its source changed.`);
    writeFileSync(file, src.replace(scalar, '\tvar $1 $2\n\tif err := klasterisUnmarshal(data, &$1); err != nil {\n\t\treturn lazyerrors.Error(err)\n\t}\n'));
  }
  const file = join(dir, 'sjson.go');
  const src = readFileSync(file, 'utf8');
  const top = [
    '\tvar v map[string]json.RawMessage',
    '\tr := bytes.NewReader(data)',
    '\tdec := json.NewDecoder(r)',
    '',
    '\terr := dec.Decode(&v)',
    '\tif err != nil {',
    '\t\treturn nil, lazyerrors.Error(err)',
    '\t}',
    '',
    '\tif err = checkConsumed(dec, r); err != nil {',
    '\t\treturn nil, lazyerrors.Error(err)',
    '\t}',
    '',
  ].join('\n');
  const schema = [
    '\tvar sch schema',
    '\tr = bytes.NewReader(jsch)',
    '\tdec = json.NewDecoder(r)',
    '\tdec.DisallowUnknownFields()',
    '',
    '\tif err := dec.Decode(&sch); err != nil {',
    '\t\treturn nil, lazyerrors.Error(err)',
    '\t}',
    '',
    '\tif err := checkConsumed(dec, r); err != nil {',
    '\t\treturn nil, lazyerrors.Error(err)',
    '\t}',
    '',
  ].join('\n');
  if (src.split(top).length !== 2 || src.split(schema).length !== 2) throw new Error("Cannot apply the decoding patch to FerretDB's sjson/sjson.go: its source changed.");
  writeFileSync(
    file,
    src
      .replace(top, '\tvar v map[string]json.RawMessage\n\tif err := klasterisUnmarshal(data, &v); err != nil {\n\t\treturn nil, lazyerrors.Error(err)\n\t}\n')
      .replace(schema, '\tsch, err := klasterisSchema(jsch)\n\tif err != nil {\n\t\treturn nil, lazyerrors.Error(err)\n\t}\n'),
  );
  writeFileSync(join(dir, 'klasteris_decode.go'), KLASTERIS_DECODE_GO);
}
