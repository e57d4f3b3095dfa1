package sjson

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/FerretDB/FerretDB/internal/handler/sjson/stocksjson"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/must"
)

// stockDecode is how stock FerretDB decodes one value: a stream decoder, then a check that nothing follows.
func stockDecode(data []byte, v any) error {
	r := bytes.NewReader(data)
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()

	if err := dec.Decode(v); err != nil {
		return err
	}

	return checkConsumed(dec, r)
}

var klasterisLiterals = []string{
	`""`, `"x"`, `"é ąčę 日本"`, `"a\"b"`, `"a\\b"`, `"\u0041"`, `"\n"`, "\"\x01\"", "\"\xff\"", `"`, `"x`, `x"`, `"x" `, ` "x"`, `"x""y"`,
	`0`, `1`, `-1`, `-0`, `01`, `+1`, `1.0`, `1e3`, `1E3`, `-`, `--1`, `1-`, `0x10`, `1_000`, ` 1`, `1 `, `1 2`,
	`2147483647`, `2147483648`, `-2147483648`, `-2147483649`, `9223372036854775807`, `9223372036854775808`, `-9223372036854775808`,
	`true`, `false`, `True`, `tru`, `truex`, `true `, `null`, `nul`,
	`1.5`, `-0.0`, `1e308`, `1e309`, `.5`, `5.`, `NaN`,
	`{}`, `{ }`, `{"a":1}`, `{"a": 1 , "b" : "x"}`, `{"a":1,}`, `{"a":1`, `{"a"}`, `{a:1}`, `{"a":1}x`, `{"a":1} `, `{"a\"":1}`,
	`{"a":1,"a":2}`, `{"a":{"b":[1,{"c":"}"}]}}`, `{"a":tru}`, `{"a":"x}`, `{"":0}`, "{\"\xff\":1}", `{"a":[1,2}`, `{"a":]}`,
	`[]`, `[ ]`, `[1]`, `[1,]`, `[,1]`, `[1 2]`, `[1,"]",{"a":[]}]`, `[1`, `[[1],[2]]`, `[1]]`, `[tru]`,
}

// The one-pass decoder answers exactly what the stock decoder answers, value and refusal alike, for
// every target type the patched call sites decode into. Containers are split into their members'
// raw text without checking it (each member is decoded in turn, and refused there): so for them,
// "accepted with every member valid JSON" must equal "accepted by the stock decoder".
func TestKlasterisUnmarshalParity(t *testing.T) {
	targets := map[string]func() any{
		"string": func() any { return new(string) }, "bool": func() any { return new(bool) },
		"int32": func() any { return new(int32) }, "int64": func() any { return new(int64) },
		"float64": func() any { return new(float64) },
		"object":  func() any { return new(map[string]json.RawMessage) }, "array": func() any { return new([]json.RawMessage) },
	}

	for _, lit := range klasterisLiterals {
		for name, newTarget := range targets {
			got, want := newTarget(), newTarget()
			gotErr, wantErr := klasterisUnmarshal([]byte(lit), got), stockDecode([]byte(lit), want)
			gotOK := gotErr == nil && klasterisMembersValid(got)

			if gotOK != (wantErr == nil) {
				t.Errorf("%s %q: one-pass error %v, stock error %v", name, lit, gotErr, wantErr)
				continue
			}

			if gotOK && !reflect.DeepEqual(got, want) {
				t.Errorf("%s %q: one-pass %#v, stock %#v", name, lit, got, want)
			}
		}
	}
}

func klasterisMembersValid(v any) bool {
	switch v := v.(type) {
	case *map[string]json.RawMessage:
		for _, m := range *v {
			if !json.Valid(m) {
				return false
			}
		}
	case *[]json.RawMessage:
		for _, m := range *v {
			if !json.Valid(m) {
				return false
			}
		}
	}

	return true
}

// Whole documents: generated ones, as FerretDB stores them, and damaged copies of them decode to
// the same documents (compared by their encoding) or are refused by both decoders.
func TestKlasterisDocumentParity(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 3))
	damaged, refused := 0, 0

	for i := range 3000 {
		d := klasterisDocument(rng, 0)
		data := must.NotFail(Marshal(d))

		if !klasterisSameDecoding(t, data) {
			t.Fatalf("document %d was refused: %s", i, data)
		}

		for range 4 {
			damaged++

			if !klasterisSameDecoding(t, klasterisDamage(rng, data)) {
				refused++
			}
		}
	}

	if refused < damaged/3 {
		t.Fatalf("only %d of %d damaged documents were refused: the damage is too mild to test anything", refused, damaged)
	}
}

// klasterisSameDecoding fails the test unless both decoders refuse data or decode it to the same
// document; it reports whether they decoded it.
func klasterisSameDecoding(t *testing.T, data []byte) bool {
	t.Helper()

	got, gotErr := Unmarshal(data)
	want, wantErr := stocksjson.Unmarshal(data)

	if (gotErr == nil) != (wantErr == nil) {
		t.Fatalf("%q: one-pass error %v, stock error %v", data, gotErr, wantErr)
	}

	if gotErr != nil {
		return false
	}

	if !bytes.Equal(must.NotFail(Marshal(got)), must.NotFail(stocksjson.Marshal(want))) {
		t.Fatalf("%q decoded differently", data)
	}

	return true
}

// The schema cache answers what decoding the schema answers.
func TestKlasterisSchemaCache(t *testing.T) {
	raw := []byte(`{"$k":["a","b"],"p":{"a":{"t":"string"},"b":{"t":"int"}}}`)

	for range 3 {
		got, err := klasterisSchema(raw)
		if err != nil {
			t.Fatal(err)
		}

		var want schema
		if err = stockDecode(raw, &want); err != nil {
			t.Fatal(err)
		}

		if !reflect.DeepEqual(*got, want) {
			t.Fatalf("cached %#v, decoded %#v", *got, want)
		}
	}

	if _, err := klasterisSchema([]byte(`{"$k":[],"unknown":1}`)); err == nil {
		t.Fatal("an unknown schema field was accepted")
	}
}

var klasterisKeys = []string{"a", "b", "channelId", "é", "ąčę", "", "$x", "with space", `q"k`, `back\slash`, "k\tab"}

func klasterisDocument(rng *rand.Rand, depth int) *types.Document {
	d := must.NotFail(types.NewDocument())
	keys := klasterisKeys
	if depth == 0 {
		keys = keys[:8] // FerretDB writes top-level keys unescaped: a quote, backslash or tab there is never read back
	}

	for range rng.IntN(6) {
		d.Set(keys[rng.IntN(len(keys))], klasterisScalarOrNested(rng, depth))
	}

	return d
}

func klasterisScalarOrNested(rng *rand.Rand, depth int) any {
	if depth < 3 {
		switch rng.IntN(12) {
		case 0:
			return klasterisDocument(rng, depth+1)
		case 1:
			a := must.NotFail(types.NewArray())
			for range rng.IntN(4) {
				v := klasterisScalarOrNested(rng, depth+1)
				if _, nested := v.(*types.Array); !nested { // FerretDB 1.x refuses arrays in arrays
					a.Append(v)
				}
			}

			return a
		}
	}

	strs := []string{"", "x", "plain text", "é ąčę 日本 🙂", `quote " and \ backslash`, "line\nbreak\ttab", "\x01\x1f", "\xff\xfe", "</script>", "\u2028"}

	switch rng.IntN(13) {
	case 0, 1:
		return strs[rng.IntN(len(strs))]
	case 2:
		return []int32{0, 1, -1, math.MaxInt32, math.MinInt32}[rng.IntN(5)]
	case 3:
		return []int64{0, 1, -1, math.MaxInt64, math.MinInt64, 1 << 53}[rng.IntN(6)]
	case 4:
		return []float64{0, math.Copysign(0, -1), 1.5, -2.25, 1e300, 5e-324, math.MaxFloat64, 42}[rng.IntN(8)] // sjson cannot store infinities
	case 5:
		return rng.IntN(2) == 0
	case 6:
		return types.ObjectID{byte(rng.IntN(256)), 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}
	case 7:
		return time.UnixMilli(rng.Int64N(1 << 42)).UTC()
	case 8:
		return types.Null
	case 9:
		return types.Binary{B: []byte{1, 2, byte(rng.IntN(256))}, Subtype: types.BinaryGeneric}
	case 10:
		return types.Regex{Pattern: "^a.*b$", Options: "i"}
	case 11:
		return types.NewTimestamp(time.Unix(rng.Int64N(1<<31), 0), uint32(rng.IntN(10)))
	default:
		return int64(rng.IntN(1000) - 500)
	}
}

// klasterisDamage returns a copy of data with one random fault: cut short, a byte replaced, a byte
// removed, white space inserted or something appended.
func klasterisDamage(rng *rand.Rand, data []byte) []byte {
	out := bytes.Clone(data)
	pos := rng.IntN(len(out))
	chars := []byte(`"\{}[],: 01-+e.tfn` + "\x01\xff\t")

	switch rng.IntN(5) {
	case 0:
		return out[:pos]
	case 1:
		out[pos] = chars[rng.IntN(len(chars))]
		return out
	case 2:
		return append(out[:pos], out[pos+1:]...)
	case 3:
		return append(out[:pos], append([]byte(" \n"), data[pos:]...)...)
	default:
		return append(out, chars[rng.IntN(len(chars))])
	}
}
