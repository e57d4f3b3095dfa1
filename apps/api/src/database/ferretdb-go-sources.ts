/**
 * The Go files our FerretDB build adds to its source (see ferretdb-patches.ts, which writes them
 * next to the code they serve). Kept as text so the launcher needs nothing but Go to build.
 */

export const KLASTERIS_DECODE_GO = String.raw`package sjson

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

export const KLASTERIS_INDEX_GO = String.raw`package metadata

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

export const KLASTERIS_PUSHDOWN_GO = String.raw`package sqlite

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
