package resource

// Klasteris: FerretDB's leak detector (Track) records a pprof sample with a full stack trace and
// sets a finalizer for every iterator it creates, one per document and array read: about a fifth
// of the CPU of reading 5,000 cards (profiled). In a release a forgotten Untrack only panics from a
// finalizer, which would take the database down. patches/03-untracked-resources.diff makes Track
// and Untrack return right after checking their arguments while this is true.

// klasterisUntracked turns lifetime tracking off.
const klasterisUntracked = true
