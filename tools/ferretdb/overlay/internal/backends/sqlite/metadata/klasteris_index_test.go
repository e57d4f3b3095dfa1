package metadata

import (
	"slices"
	"testing"
)

func TestKlasterisHelperIndexes(t *testing.T) {
	for name, tc := range map[string]struct {
		index IndexInfo
		want  []string
	}{
		"_id": {
			IndexInfo{Name: "_id_", Key: []IndexKeyPair{{Field: "_id"}}},
			nil,
		},
		"one key": {
			IndexInfo{Name: "a_1", Key: []IndexKeyPair{{Field: "a"}}},
			[]string{`CREATE INDEX IF NOT EXISTS "t_ktype_a" ON "t" (json_type(_ferretdb_sjson, '$.a'))`},
		},
		"compound": {
			IndexInfo{Name: "a_1_seq_1", Key: []IndexKeyPair{{Field: "a"}, {Field: "seq", Descending: true}}},
			[]string{
				`CREATE INDEX IF NOT EXISTS "t_ktype_a" ON "t" (json_type(_ferretdb_sjson, '$.a'))`,
				`CREATE INDEX IF NOT EXISTS "t_ktype_seq" ON "t" (json_type(_ferretdb_sjson, '$.seq'))`,
				`CREATE INDEX IF NOT EXISTS "t_a_1_seq_1_knum" ON "t" (_ferretdb_sjson->"a", _ferretdb_sjson->>'$.seq')`,
			},
		},
		"dotted key": {
			IndexInfo{Name: "a_1_x.y_1", Key: []IndexKeyPair{{Field: "a"}, {Field: "x.y"}}},
			[]string{`CREATE INDEX IF NOT EXISTS "t_ktype_a" ON "t" (json_type(_ferretdb_sjson, '$.a'))`},
		},
	} {
		t.Run(name, func(t *testing.T) {
			if got := klasterisHelperIndexes("t", tc.index); !slices.Equal(got, tc.want) {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestKlasterisSimpleField(t *testing.T) {
	for field, want := range map[string]bool{
		"a": true, "_id": true, "channelId": true, "seq2": true,
		"x.y": false, "$a": false, "a'b": false, `a"b`: false, "2a": false, "": false, "ą": false,
	} {
		if KlasterisSimpleField(field) != want {
			t.Errorf("KlasterisSimpleField(%q) = %v", field, !want)
		}
	}
}

func TestKlasterisIndexedFields(t *testing.T) {
	got := KlasterisIndexedFields([]IndexInfo{
		{Name: "a_1_x.y_1", Key: []IndexKeyPair{{Field: "a"}, {Field: "x.y"}}},
		{Name: "b_1", Key: []IndexKeyPair{{Field: "b"}}},
	})
	if len(got) != 3 || !got["_id"] || !got["a"] || !got["b"] {
		t.Errorf("got %v", got)
	}
}
