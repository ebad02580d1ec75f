package api

import (
	"context"
	"errors"
	"time"

	"github.com/alexedwards/scs/v2"
	"github.com/redis/go-redis/v9"
)

// RedisSessions is an scs store on go-redis, so that sessions survive a
// restart and are shared by every instance. Its keys carry SHA-256 of the
// tokens (the session manager hashes them), never the tokens.
type RedisSessions struct {
	C      redis.UniversalClient
	Prefix string
}

var _ scs.CtxStore = RedisSessions{}

func (r RedisSessions) key(token string) string { return r.Prefix + "session:" + token }

// FindCtx returns a session's data.
func (r RedisSessions) FindCtx(ctx context.Context, token string) ([]byte, bool, error) {
	b, err := r.C.Get(ctx, r.key(token)).Bytes()
	if errors.Is(err, redis.Nil) {
		return nil, false, nil
	}
	return b, err == nil, err
}

// CommitCtx saves a session until expiry.
func (r RedisSessions) CommitCtx(ctx context.Context, token string, b []byte, expiry time.Time) error {
	return r.C.Set(ctx, r.key(token), b, time.Until(expiry)).Err()
}

// DeleteCtx removes a session.
func (r RedisSessions) DeleteCtx(ctx context.Context, token string) error {
	return r.C.Del(ctx, r.key(token)).Err()
}

// Find implements scs.Store.
func (r RedisSessions) Find(token string) ([]byte, bool, error) {
	return r.FindCtx(context.Background(), token)
}

// Commit implements scs.Store.
func (r RedisSessions) Commit(token string, b []byte, expiry time.Time) error {
	return r.CommitCtx(context.Background(), token, b, expiry)
}

// Delete implements scs.Store.
func (r RedisSessions) Delete(token string) error { return r.DeleteCtx(context.Background(), token) }
