package resource

import (
	"runtime/pprof"
	"testing"
)

type klasterisTracked struct {
	token *Token
}

func TestKlasterisTrackingIsOff(t *testing.T) {
	obj := &klasterisTracked{token: NewToken()}

	Track(obj, obj.token)

	if p := pprof.Lookup(profileName(obj)); p != nil {
		t.Fatalf("Track created the profile %s", p.Name())
	}

	Untrack(obj, obj.token) // stock: panics, as the object's profile does not exist
}

func TestKlasterisArgumentsAreStillChecked(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("Track(nil) did not panic")
		}
	}()

	Track(nil, NewToken())
}
