package sjson

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/FerretDB/FerretDB/internal/util/lazyerrors"
)

// Klasteris: reading a stored document made a fresh json.Decoder (a 512-byte buffer and a
// reflection pass) for every single value and decoded the document's type schema again for every
// row, though the rows of a collection share a handful of schemas: half of FerretDB's CPU when
// reading 5,000 cards (profiled). patches/04-one-pass-decoding.diff routes those decodes here.
// The same input decodes to the same value, and what the stock decoder refuses is still refused
// (klasteris_decode_test.go compares both); only the wording of some errors differs.

// klasterisUnmarshal decodes one JSON value in a single call (Klasteris patch): plain strings,
// integers and booleans directly, everything else with json.Unmarshal. Like the stream decoder it
// replaces, it refuses anything after the value, white space included.
func klasterisUnmarshal(data []byte, v any) error {
	if n := len(data); n > 0 && klasterisSkipSpace(data, n-1) == n {
		return klasterisErrTrailingSpace
	}

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

// klasterisPlainInt reports whether data, which strconv.ParseInt accepted, is a JSON integer: an
// optional minus (no plus), then digits without a leading zero.
func klasterisPlainInt(data []byte) bool {
	if len(data) > 0 && data[0] == '-' {
		data = data[1:]
	}
	return len(data) > 0 && data[0] >= '0' && data[0] <= '9' && (data[0] != '0' || len(data) == 1)
}

// klasterisErrTrailingSpace is what the stream decoder's checkConsumed refuses: white space after the value.
var klasterisErrTrailingSpace = errors.New("sjson: white space after the JSON value")

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
