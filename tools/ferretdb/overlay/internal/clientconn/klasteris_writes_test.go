package clientconn

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestKlasterisSerialisedCommands(t *testing.T) {
	for _, c := range []string{"insert", "update", "delete", "findAndModify", "findandmodify"} {
		if !klasterisSerialised(c) {
			t.Errorf("%s must be serialised", c)
		}
	}

	for _, c := range []string{"find", "aggregate", "count", "getMore", "hello", "createIndexes", "listIndexes"} {
		if klasterisSerialised(c) {
			t.Errorf("%s must not be serialised", c)
		}
	}
}

// A read-modify-write done by many writers at once loses nothing under the lock.
func TestKlasterisWritesDoNotInterleave(t *testing.T) {
	const writers = 100

	var counter int

	var inside atomic.Int32

	var wg sync.WaitGroup

	for range writers {
		wg.Add(1)

		go func() {
			defer wg.Done()
			defer klasterisLockWrite("update")()

			if inside.Add(1) != 1 {
				t.Error("two writes ran at once")
			}

			read := counter

			time.Sleep(100 * time.Microsecond)

			counter = read + 1

			inside.Add(-1)
		}()
	}

	wg.Wait()

	if counter != writers {
		t.Fatalf("counter = %d, want %d", counter, writers)
	}
}

// Reads are not held up by a write in progress.
func TestKlasterisReadsRunBesideAWrite(t *testing.T) {
	release := klasterisLockWrite("findAndModify")
	defer release()

	done := make(chan struct{})

	go func() {
		klasterisLockWrite("find")()
		close(done)
	}()

	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("a find waited for the write lock")
	}
}
