package metadata

import (
	"fmt"
	"regexp"
	"strings"
)

var klasterisFieldName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// KlasterisSimpleField reports whether a top-level field name is safe to embed in SQL (Klasteris patch).
func KlasterisSimpleField(field string) bool {
	return klasterisFieldName.MatchString(field)
}

// KlasterisTypeExpr is the SQL expression of a top-level field's JSON type (Klasteris patch).
func KlasterisTypeExpr(field string) string {
	return fmt.Sprintf(`json_type(%s, '$.%s')`, DefaultColumn, field)
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
			out = append(out, fmt.Sprintf(`CREATE INDEX IF NOT EXISTS %q ON %q (%s)`, table+"_ktype_"+k.Field, table, KlasterisTypeExpr(k.Field)))
		}
	}
	if simple && len(index.Key) >= 2 {
		cols := make([]string, len(index.Key))
		last := len(index.Key) - 1
		for i, k := range index.Key {
			cols[i] = fmt.Sprintf(`%s->"%s"`, DefaultColumn, k.Field)
			if i == last {
				cols[i] = fmt.Sprintf(`%s->>'$.%s'`, DefaultColumn, k.Field)
			}
		}
		out = append(out, fmt.Sprintf(`CREATE INDEX IF NOT EXISTS %q ON %q (%s)`, table+"_"+index.Name+"_knum", table, strings.Join(cols, ", ")))
	}
	return out
}
