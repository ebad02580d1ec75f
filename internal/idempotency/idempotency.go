// Package idempotency is the contract between the API's Idempotency-Key
// handling and the table that keeps the first answers: a record type and
// the store interface, nothing else (bookings keep theirs inside their own
// transaction).
package idempotency

import "context"

// Record is a stored answer; Status is 0 while the first request runs.
type Record struct {
	Route  string `db:"route"`
	Hash   string `db:"request_hash"`
	Status int    `db:"status"`
	Body   []byte `db:"body"`
}

// Store claims a key before the request runs and keeps its answer after.
type Store interface {
	// ClaimIdempotency records that a request with this key is running;
	// false when the key was seen before, with what was recorded.
	ClaimIdempotency(ctx context.Context, userID int64, key, route, hash string) (bool, Record, error)
	// FinishIdempotency stores a successful answer, or forgets the claim of
	// a failed request so that it can be retried.
	FinishIdempotency(ctx context.Context, userID int64, key string, status int, body []byte) error
}
