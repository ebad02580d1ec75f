// Package sessions keeps web sessions in Redis with scs's own goredisstore,
// for deployments that choose `session.store: redis`. (The default keeps
// them in the database, store.Sessions, so a Redis outage signs nobody
// out.) The session manager hashes tokens before they reach any store.
package sessions

import (
	"github.com/alexedwards/scs/goredisstore"
	"github.com/alexedwards/scs/v2"
	"github.com/redis/go-redis/v9"
)

// Redis is a session store under prefix+"session:".
func Redis(c *redis.Client, prefix string) scs.Store {
	return goredisstore.NewWithPrefix(c, prefix+"session:")
}
