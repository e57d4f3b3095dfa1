package sqlite

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

// klasterisWhere (Klasteris, see patches/02-filter-pushdown.diff) turns the top-level conditions of a
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
	return fmt.Sprintf(`%s->"%s" IN (%s)`, metadata.DefaultColumn, k, placeholders), args
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
		parts[i] = fmt.Sprintf(`%s->>'$.%s' %s ?`, metadata.DefaultColumn, k, op)
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
