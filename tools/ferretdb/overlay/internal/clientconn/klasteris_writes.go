package clientconn

import "sync"

// Klasteris: FerretDB 1.24 runs update, findAndModify and delete as "query, then write the whole
// document back", with no lock or transaction around the pair. Measured on the stock build: 100
// concurrent $inc left a counter at 12, and 12 of 50 conditional updates ({_id, state: 0} to
// state: 1) all "won". MongoDB guarantees single-document atomicity, and the app's concurrency
// design (counters, compare-and-set on versions and states) relies on it. Our build therefore runs
// write commands one at a time (patches/01-serialise-writes.diff calls klasterisLockWrite for every
// command). SQLite admits a single writer at a time anyway, so this costs little; reads stay
// concurrent. apps/api/test/database-conformance.int-spec.ts pins the outcome.

// klasterisWriteMu serialises write commands so that each one is atomic.
var klasterisWriteMu sync.Mutex

// klasterisSerialised reports whether a command is a write that must run alone.
func klasterisSerialised(command string) bool {
	switch command {
	case "insert", "update", "delete", "findAndModify", "findandmodify":
		return true
	default:
		return false
	}
}

// klasterisLockWrite takes the write lock for a write command and returns its release;
// for any other command it takes nothing.
func klasterisLockWrite(command string) func() {
	if !klasterisSerialised(command) {
		return func() {}
	}

	klasterisWriteMu.Lock()

	return klasterisWriteMu.Unlock
}
