package sqlite

import (
	"database/sql"
	"encoding/hex"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	_ "modernc.org/sqlite"

	"github.com/FerretDB/FerretDB/internal/backends/sqlite/metadata"
	"github.com/FerretDB/FerretDB/internal/handler/common"
	"github.com/FerretDB/FerretDB/internal/handler/sjson"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/must"
)

var klasterisTestIndexes = []metadata.IndexInfo{
	{Name: "_id_", Key: []metadata.IndexKeyPair{{Field: "_id"}}, Unique: true},
	{Name: "a_1", Key: []metadata.IndexKeyPair{{Field: "a"}}},
	{Name: "b_1_n_1", Key: []metadata.IndexKeyPair{{Field: "b"}, {Field: "n"}}},
	{Name: "x.y_1", Key: []metadata.IndexKeyPair{{Field: "x.y"}}},
}

func doc(pairs ...any) *types.Document { return must.NotFail(types.NewDocument(pairs...)) }

func arr(values ...any) *types.Array { return must.NotFail(types.NewArray(values...)) }

// What is pushed down, and what is left to FerretDB.
func TestKlasterisWhereClauses(t *testing.T) {
	const col = metadata.DefaultColumn

	for name, tc := range map[string]struct {
		filter *types.Document
		where  string
		args   []any
	}{
		"empty":         {doc(), "", nil},
		"lone _id":      {doc("_id", "k1"), ` WHERE ((` + col + `->"_id" IN (?)))`, []any{`"k1"`}},
		"string":        {doc("a", "x"), ` WHERE ((` + col + `->"a" IN (?)) OR (json_type(` + col + `, '$.a') = 'array'))`, []any{`"x"`}},
		"$in":           {doc("a", doc("$in", arr("x", "y"))), ` WHERE ((` + col + `->"a" IN (?, ?)) OR (json_type(` + col + `, '$.a') = 'array'))`, []any{`"x"`, `"y"`}},
		"number range":  {doc("n", doc("$gte", int32(2), "$lt", 9.5)), ` WHERE ((` + col + `->>'$.n' >= ? AND ` + col + `->>'$.n' < ?) OR (json_type(` + col + `, '$.n') = 'array'))`, []any{int64(2), 9.5}},
		"unindexed":     {doc("c", "x"), "", nil},
		"dotted key":    {doc("x.y", "x"), "", nil},
		"other op":      {doc("a", doc("$ne", "x")), "", nil},
		"null":          {doc("a", types.Null), "", nil},
		"NaN":           {doc("n", math.NaN()), "", nil},
		"$in of mixed":  {doc("a", doc("$in", arr("x", int32(1)))), "", nil},
		"$or unknown":   {doc("$or", arr(doc("a", "x"), doc("c", "y"))), "", nil},
		"$and partial":  {doc("$and", arr(doc("a", "x"), doc("c", "y"))), ` WHERE (((` + col + `->"a" IN (?)) OR (json_type(` + col + `, '$.a') = 'array')))`, []any{`"x"`}},
		"indexed and c": {doc("a", "x", "c", "y"), ` WHERE ((` + col + `->"a" IN (?)) OR (json_type(` + col + `, '$.a') = 'array'))`, []any{`"x"`}},
	} {
		t.Run(name, func(t *testing.T) {
			where, args := klasterisWhere(tc.filter, klasterisTestIndexes)
			if where != tc.where {
				t.Errorf("where\n got %s\nwant %s", where, tc.where)
			}

			if fmt.Sprint(args) != fmt.Sprint(tc.args) {
				t.Errorf("args got %v, want %v", args, tc.args)
			}
		})
	}
}

// The rule the pushdown rests on: the rows SQLite returns are a superset of the documents the
// filter matches (FerretDB then applies the whole filter to them). Checked on generated documents
// and filters against a real SQLite table holding FerretDB's own encoding.
func TestKlasterisWhereIsASuperset(t *testing.T) {
	db, err := sql.Open("sqlite", "file::memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	db.SetMaxOpenConns(1)

	if _, err = db.Exec(fmt.Sprintf(`CREATE TABLE t (%s TEXT)`, metadata.DefaultColumn)); err != nil {
		t.Fatal(err)
	}

	rng := rand.New(rand.NewPCG(16, 1))
	docs := make([]*types.Document, 400)

	for i := range docs {
		docs[i] = doc("_id", int32(i), "a", klasterisValue(rng, true), "b", klasterisValue(rng, true), "n", klasterisValue(rng, true), "c", klasterisValue(rng, true))
		if _, err = db.Exec(`INSERT INTO t VALUES (?)`, string(must.NotFail(sjson.Marshal(docs[i])))); err != nil {
			t.Fatal(err)
		}
	}

	pushed := 0

	for range 1500 {
		filter := klasterisFilter(rng, 0)

		where, args := klasterisWhere(filter, klasterisTestIndexes)
		if where != "" {
			pushed++
		}

		rows, err := db.Query(`SELECT rowid - 1 FROM t`+where, args...)
		if err != nil {
			t.Fatalf("%s: %v", where, err)
		}

		returned := map[int]bool{}

		for rows.Next() {
			var id int
			if err = rows.Scan(&id); err != nil {
				t.Fatal(err)
			}

			returned[id] = true
		}

		if err = rows.Close(); err != nil {
			t.Fatal(err)
		}

		for i, d := range docs {
			match, err := common.FilterDocument(d, filter)
			if err != nil {
				t.Fatalf("filter %v: %v", filter, err)
			}

			if match && !returned[i] {
				t.Fatalf("document %v matches %v but%s does not return it", d, filter, where)
			}
		}
	}

	if pushed < 500 {
		t.Fatalf("only %d of 1500 filters were pushed down", pushed)
	}
}

var klasterisStrings = []string{"x", "y", "X", "é", "ąčę", `say "hi"`, `back\slash`, "", "1", "line\nbreak"}

var klasterisObjectIDs = []types.ObjectID{{1, 2, 3}, {4, 5, 6}}

// klasterisValue is a random field value: strings, ObjectIDs, the number types, arrays, documents, null.
func klasterisValue(rng *rand.Rand, nest bool) any {
	n := 10
	if nest {
		n = 12
	}

	switch rng.IntN(n) {
	case 0, 1:
		return klasterisStrings[rng.IntN(len(klasterisStrings))]
	case 2:
		return klasterisObjectIDs[rng.IntN(len(klasterisObjectIDs))]
	case 3:
		return int32(rng.IntN(7) - 2)
	case 4:
		return int64(rng.IntN(7) - 2)
	case 5:
		return float64(rng.IntN(14)-4) / 2
	case 6:
		return hex.EncodeToString(klasterisObjectIDs[0][:]) // an ObjectID's hex string is not the ObjectID
	case 7:
		return types.Null
	case 8:
		return rng.IntN(2) == 0
	case 9:
		return int64(math.MaxInt64 - rng.IntN(2))
	case 10:
		return arr(klasterisValue(rng, false), klasterisValue(rng, false))
	default:
		return doc("y", klasterisValue(rng, false))
	}
}

// klasterisFilter is a random filter on the generated fields.
func klasterisFilter(rng *rand.Rand, depth int) *types.Document {
	fields := []string{"_id", "a", "b", "n", "c"}
	f := doc()

	for range 1 + rng.IntN(2) {
		k := fields[rng.IntN(len(fields))]

		switch r := rng.IntN(10); {
		case r < 4:
			v := klasterisValue(rng, false)
			if k == "_id" {
				v = int32(rng.IntN(400))
			}

			f.Set(k, v)
		case r < 6:
			f.Set(k, doc("$in", arr(klasterisValue(rng, false), klasterisValue(rng, false))))
		case r < 8:
			ops := []string{"$gt", "$gte", "$lt", "$lte"}
			cond := doc(ops[rng.IntN(4)], klasterisValue(rng, false))

			if rng.IntN(2) == 0 {
				cond.Set(ops[rng.IntN(4)], klasterisValue(rng, false))
			}

			f.Set(k, cond)
		case depth < 2:
			op := "$or"
			if rng.IntN(2) == 0 {
				op = "$and"
			}

			f.Set(op, arr(klasterisFilter(rng, depth+1), klasterisFilter(rng, depth+1)))
		}
	}

	return f
}
