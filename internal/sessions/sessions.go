// Package sessions keeps web sessions in Redis with scs's own goredisstore,
// for deployments that choose `session.store: redis`. (The default keeps
// them in the database, store.Sessions, so a Redis outage signs nobody
// out.) The session manager hashes tokens before they reach any store.
package sessions

import (
	"errors"

	"github.com/alexedwards/scs/goredisstore"
	"github.com/alexedwards/scs/v2"
	"github.com/redis/go-redis/v9"
)

// Redis is a session store under prefix+"session:". goredisstore needs a
// single Redis; with a cluster, keep sessions in the database (the default).
func Redis(c redis.UniversalClient, prefix string) (scs.Store, error) {
	one, ok := c.(*redis.Client)
	if !ok {
		return nil, errors.New("session.store redis needs a single Redis address, not a cluster: use session.store database")
	}
	return goredisstore.NewWithPrefix(one, prefix+"session:"), nil
}
