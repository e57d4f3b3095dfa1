import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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

const KLASTERIS_DECODE_GO = String.raw`package sjson

import (
	"bytes"
	"encoding/json"
	"strconv"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/FerretDB/FerretDB/internal/util/lazyerrors"
)

// klasterisUnmarshal decodes one JSON value in a single call (Klasteris patch): plain strings,
// integers and booleans directly, everything else with json.Unmarshal (which, like the decoder
// it replaces, refuses trailing data).
func klasterisUnmarshal(data []byte, v any) error {
	switch p := v.(type) {
	case *string:
		if n := len(data); n >= 2 && data[0] == '"' && data[n-1] == '"' {
			body := data[1 : n-1]
			plain := utf8.Valid(body) && bytes.IndexByte(body, '\\') < 0 && bytes.IndexByte(body, '"') < 0
			for i := 0; plain && i < len(body); i++ {
				plain = body[i] >= 0x20
			}
			if plain {
				*p = string(body)
				return nil
			}
		}
	case *int64:
		if n, err := strconv.ParseInt(string(data), 10, 64); err == nil && klasterisPlainInt(data) {
			*p = n
			return nil
		}
	case *int32:
		if n, err := strconv.ParseInt(string(data), 10, 32); err == nil && klasterisPlainInt(data) {
			*p = int32(n)
			return nil
		}
	case *bool:
		switch string(data) {
		case "true":
			*p = true
			return nil
		case "false":
			*p = false
			return nil
		}
	case *map[string]json.RawMessage:
		if m, ok := klasterisSplitObject(data); ok {
			*p = m
			return nil
		}
	case *[]json.RawMessage:
		if a, ok := klasterisSplitArray(data); ok {
			*p = a
			return nil
		}
	}
	return json.Unmarshal(data, v)
}

// klasterisSplitObject splits a JSON object into its members' raw values without reflection. The
// values are checked when they are decoded in turn. Anything it does not handle (an escaped key,
// malformed input) answers false, and the caller falls back to json.Unmarshal (and its error).
func klasterisSplitObject(data []byte) (map[string]json.RawMessage, bool) {
	i := klasterisSkipSpace(data, 0)
	if i >= len(data) || data[i] != '{' {
		return nil, false
	}
	out := make(map[string]json.RawMessage, 16)
	i = klasterisSkipSpace(data, i+1)
	if i < len(data) && data[i] == '}' {
		return out, klasterisSkipSpace(data, i+1) == len(data)
	}
	for {
		if i >= len(data) || data[i] != '"' {
			return nil, false
		}
		j := i + 1
		for j < len(data) && data[j] != '"' {
			if data[j] == '\\' || data[j] < 0x20 {
				return nil, false
			}
			j++
		}
		if j >= len(data) || !utf8.Valid(data[i+1:j]) {
			return nil, false
		}
		key := string(data[i+1 : j])
		i = klasterisSkipSpace(data, j+1)
		if i >= len(data) || data[i] != ':' {
			return nil, false
		}
		i = klasterisSkipSpace(data, i+1)
		end, ok := klasterisSkipValue(data, i)
		if !ok {
			return nil, false
		}
		out[key] = json.RawMessage(data[i:end])
		i = klasterisSkipSpace(data, end)
		if i >= len(data) {
			return nil, false
		}
		switch data[i] {
		case ',':
			i = klasterisSkipSpace(data, i+1)
		case '}':
			return out, klasterisSkipSpace(data, i+1) == len(data)
		default:
			return nil, false
		}
	}
}

// klasterisSplitArray is klasterisSplitObject for arrays.
func klasterisSplitArray(data []byte) ([]json.RawMessage, bool) {
	i := klasterisSkipSpace(data, 0)
	if i >= len(data) || data[i] != '[' {
		return nil, false
	}
	out := []json.RawMessage{}
	i = klasterisSkipSpace(data, i+1)
	if i < len(data) && data[i] == ']' {
		return out, klasterisSkipSpace(data, i+1) == len(data)
	}
	for {
		end, ok := klasterisSkipValue(data, i)
		if !ok {
			return nil, false
		}
		out = append(out, json.RawMessage(data[i:end]))
		i = klasterisSkipSpace(data, end)
		if i >= len(data) {
			return nil, false
		}
		switch data[i] {
		case ',':
			i = klasterisSkipSpace(data, i+1)
		case ']':
			return out, klasterisSkipSpace(data, i+1) == len(data)
		default:
			return nil, false
		}
	}
}

func klasterisSkipSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r') {
		i++
	}
	return i
}

// klasterisSkipValue returns where the JSON value starting at i ends: a string, a nested object
// or array (brackets balanced, strings skipped), or a literal up to the next delimiter.
func klasterisSkipValue(data []byte, i int) (int, bool) {
	if i >= len(data) {
		return 0, false
	}
	switch data[i] {
	case '"':
		for j := i + 1; j < len(data); j++ {
			switch data[j] {
			case '\\':
				j++
			case '"':
				return j + 1, true
			}
		}
		return 0, false
	case '{', '[':
		depth := 0
		for j := i; j < len(data); j++ {
			switch data[j] {
			case '"':
				end, ok := klasterisSkipValue(data, j)
				if !ok {
					return 0, false
				}
				j = end - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return j + 1, true
				}
			}
		}
		return 0, false
	default:
		j := i
		for j < len(data) && data[j] != ',' && data[j] != '}' && data[j] != ']' && data[j] != ' ' && data[j] != '\t' && data[j] != '\n' && data[j] != '\r' {
			j++
		}
		return j, j > i
	}
}

// klasterisPlainInt reports whether data is a JSON integer: an optional minus, no leading zero.
func klasterisPlainInt(data []byte) bool {
	if len(data) > 0 && data[0] == '-' {
		data = data[1:]
	}
	return len(data) > 0 && (data[0] != '0' || len(data) == 1)
}

var (
	klasterisSchemas     sync.Map // string(schema JSON) -> *schema, read-only once stored
	klasterisSchemaCount atomic.Int64
)

// klasterisSchema decodes a document's type schema, or returns the one decoded before for the
// same text: the rows of a collection share a few schemas. The cache starts over past 4,096.
func klasterisSchema(raw []byte) (*schema, error) {
	if s, ok := klasterisSchemas.Load(string(raw)); ok {
		return s.(*schema), nil
	}
	r := bytes.NewReader(raw)
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var sch schema
	if err := dec.Decode(&sch); err != nil {
		return nil, lazyerrors.Error(err)
	}
	if err := checkConsumed(dec, r); err != nil {
		return nil, lazyerrors.Error(err)
	}
	if klasterisSchemaCount.Add(1) > 4096 {
		klasterisSchemas.Clear()
		klasterisSchemaCount.Store(1)
	}
	klasterisSchemas.Store(string(raw), &sch)
	return &sch, nil
}
`;

const KLASTERIS_INDEX_GO = String.raw`package metadata

import (
	"fmt"
	"regexp"
	"strings"
)

var klasterisFieldName = regexp.MustCompile(${"`"}^[A-Za-z_][A-Za-z0-9_]*$${"`"})

// KlasterisSimpleField reports whether a top-level field name is safe to embed in SQL (Klasteris patch).
func KlasterisSimpleField(field string) bool {
	return klasterisFieldName.MatchString(field)
}

// KlasterisTypeExpr is the SQL expression of a top-level field's JSON type (Klasteris patch).
func KlasterisTypeExpr(field string) string {
	return fmt.Sprintf(${"`"}json_type(%s, '$.%s')${"`"}, DefaultColumn, field)
}

// KlasterisIndexedFields returns the top-level fields with helper indexes: every simple key of an index.
func KlasterisIndexedFields(indexes []IndexInfo) map[string]bool {
	fields := map[string]bool{"_id": true}
	for _, index := range indexes {
		for _, k := range index.Key {
			if KlasterisSimpleField(k.Field) {
				fields[k.Field] = true
			}
		}
	}
	return fields
}

// klasterisHelperIndexes returns the statements creating the helper indexes of one index
// (Klasteris patch): a JSON-type index per simple key (arrays must always pass a pushed-down
// filter, and this lets SQLite find them by index) and, when every key is simple, a copy of a
// compound index with its last key as an SQL value, for numeric ranges.
func klasterisHelperIndexes(table string, index IndexInfo) []string {
	var out []string
	simple := true
	for _, k := range index.Key {
		if !KlasterisSimpleField(k.Field) {
			simple = false
			continue
		}
		if k.Field != "_id" {
			out = append(out, fmt.Sprintf(${"`"}CREATE INDEX IF NOT EXISTS %q ON %q (%s)${"`"}, table+"_ktype_"+k.Field, table, KlasterisTypeExpr(k.Field)))
		}
	}
	if simple && len(index.Key) >= 2 {
		cols := make([]string, len(index.Key))
		last := len(index.Key) - 1
		for i, k := range index.Key {
			cols[i] = fmt.Sprintf(${"`"}%s->"%s"${"`"}, DefaultColumn, k.Field)
			if i == last {
				cols[i] = fmt.Sprintf(${"`"}%s->>'$.%s'${"`"}, DefaultColumn, k.Field)
			}
		}
		out = append(out, fmt.Sprintf(${"`"}CREATE INDEX IF NOT EXISTS %q ON %q (%s)${"`"}, table+"_"+index.Name+"_knum", table, strings.Join(cols, ", ")))
	}
	return out
}
`;

const KLASTERIS_PUSHDOWN_GO = String.raw`package sqlite

import (
	"fmt"
	"math"
	"strings"

	"github.com/FerretDB/FerretDB/internal/backends/sqlite/metadata"
	"github.com/FerretDB/FerretDB/internal/handler/sjson"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/must"
)

var klasterisComparisons = map[string]string{"$gt": ">", "$gte": ">=", "$lt": "<", "$lte": "<="}

// klasterisWhere (Klasteris patch, see embedded-ferretdb.ts) turns the top-level conditions of a
// filter on indexed fields into "(all of them) OR one of those fields is an array": a superset of
// what MongoDB matches, answered from indexes. $or and $and of such filters combine the same way.
// FerretDB still applies the whole filter.
func klasterisWhere(filter *types.Document, indexes []metadata.IndexInfo) (string, []any) {
	clause, args := klasterisClause(filter, metadata.KlasterisIndexedFields(indexes), 0)
	if clause == "" {
		return "", nil
	}
	return " WHERE " + clause, args
}

// klasterisClause returns a superset condition for one filter document, or "" (anything may match).
func klasterisClause(filter *types.Document, indexed map[string]bool, depth int) (string, []any) {
	var exact, arrays, nested []string
	var args, nestedArgs []any
	keys := filter.Keys()
	values := filter.Values()
	for i, k := range keys {
		if k == "$or" || k == "$and" {
			if cond, condArgs := klasterisLogical(k, values[i], indexed, depth); cond != "" {
				nested = append(nested, cond)
				nestedArgs = append(nestedArgs, condArgs...)
			}
			continue
		}
		if !indexed[k] {
			continue
		}
		cond, condArgs := klasterisNumeric(k, values[i])
		if cond == "" {
			cond, condArgs = klasterisEquality(k, values[i])
		}
		if cond == "" {
			continue
		}
		exact = append(exact, cond)
		args = append(args, condArgs...)
		if k != "_id" {
			arrays = append(arrays, metadata.KlasterisTypeExpr(k)+" = 'array'")
		}
	}
	var parts []string
	if len(exact) > 0 {
		parts = append(parts, "(("+strings.Join(append([]string{strings.Join(exact, " AND ")}, arrays...), ") OR (")+"))")
	}
	parts = append(parts, nested...)
	return strings.Join(parts, " AND "), append(args, nestedArgs...)
}

// klasterisLogical: $or needs a condition for every branch (one unknown branch may match
// anything); $and keeps the branches it can express.
func klasterisLogical(op string, v any, indexed map[string]bool, depth int) (string, []any) {
	arr, ok := v.(*types.Array)
	if !ok || arr.Len() == 0 || arr.Len() > 200 || depth > 3 {
		return "", nil
	}
	var conds []string
	var args []any
	for j := 0; j < arr.Len(); j++ {
		doc, ok := must.NotFail(arr.Get(j)).(*types.Document)
		if !ok {
			return "", nil
		}
		cond, condArgs := klasterisClause(doc, indexed, depth+1)
		if cond == "" {
			if op == "$or" {
				return "", nil
			}
			continue
		}
		conds = append(conds, "("+cond+")")
		args = append(args, condArgs...)
	}
	if len(conds) == 0 {
		return "", nil
	}
	if op == "$or" {
		return "(" + strings.Join(conds, " OR ") + ")", args
	}
	return strings.Join(conds, " AND "), args
}

// klasterisEquality: equality or $in on strings and ObjectIDs, as the JSON text FerretDB's own
// indexes hold (col->"field").
func klasterisEquality(k string, v any) (string, []any) {
	var vals []any
	switch v := v.(type) {
	case string, types.ObjectID:
		vals = []any{v}
	case *types.Document:
		if v.Len() != 1 {
			return "", nil
		}
		in, err := v.Get("$in")
		if err != nil {
			return "", nil
		}
		arr, ok := in.(*types.Array)
		if !ok || arr.Len() == 0 || arr.Len() > 500 {
			return "", nil
		}
		for j := 0; j < arr.Len(); j++ {
			switch e := must.NotFail(arr.Get(j)).(type) {
			case string, types.ObjectID:
				vals = append(vals, e)
			default:
				return "", nil
			}
		}
	default:
		return "", nil
	}
	args := make([]any, len(vals))
	for i, e := range vals {
		args[i] = string(must.NotFail(sjson.MarshalSingleValue(e)))
	}
	placeholders := strings.TrimSuffix(strings.Repeat("?, ", len(vals)), ", ")
	return fmt.Sprintf(${"`"}%s->"%s" IN (%s)${"`"}, metadata.DefaultColumn, k, placeholders), args
}

// klasterisNumeric: equality or a range ({$gt,$gte,$lt,$lte}) with finite numbers, compared as
// SQL values (only JSON numbers can match such a condition in MongoDB, apart from arrays).
func klasterisNumeric(k string, v any) (string, []any) {
	var ops []string
	var args []any
	if n, ok := klasterisNumber(v); ok {
		ops, args = []string{"="}, []any{n}
	} else if d, ok := v.(*types.Document); ok && d.Len() > 0 {
		for _, op := range d.Keys() {
			sqlOp, known := klasterisComparisons[op]
			n, numeric := klasterisNumber(must.NotFail(d.Get(op)))
			if !known || !numeric {
				return "", nil
			}
			ops, args = append(ops, sqlOp), append(args, n)
		}
	} else {
		return "", nil
	}
	parts := make([]string, len(ops))
	for i, op := range ops {
		parts[i] = fmt.Sprintf(${"`"}%s->>'$.%s' %s ?${"`"}, metadata.DefaultColumn, k, op)
	}
	return strings.Join(parts, " AND "), args
}

func klasterisNumber(v any) (any, bool) {
	switch v := v.(type) {
	case int32:
		return int64(v), true
	case int64:
		return v, true
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, false
		}
		return v, true
	}
	return nil, false
}
`;
