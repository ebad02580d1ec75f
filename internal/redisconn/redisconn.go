// Package redisconn dials Redis, once, for the adapters that keep holds,
// rate limits and sessions there. It is the program's only contact with the
// client library's options; nothing here knows what is stored.
package redisconn

import (
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
)

// Client is the connection the adapters share: one Redis, or a Redis
// Cluster when several addresses are given.
type Client = redis.UniversalClient

// Options are the settings of one Redis.
type Options struct {
	// Addr is one address, or several separated by commas for a cluster.
	Addr        string
	Password    string
	DB          int
	PoolSize    int
	DialTimeout time.Duration
	ReadTimeout time.Duration
}

// Dial returns a client; it connects lazily, so a Redis that is down at
// start is not an error here (the readiness check reports it). Context
// deadlines are honoured, so a stalled Redis cannot hold a request.
func Dial(o Options) Client {
	addrs := strings.Split(o.Addr, ",")
	for i := range addrs {
		addrs[i] = strings.TrimSpace(addrs[i])
	}
	// Several addresses make a cluster client, whose slots the hold keys'
	// hash tags keep each script on one node.
	return redis.NewUniversalClient(&redis.UniversalOptions{Addrs: addrs, Password: o.Password, DB: o.DB, PoolSize: o.PoolSize,
		DialTimeout: o.DialTimeout, ReadTimeout: o.ReadTimeout, WriteTimeout: o.ReadTimeout, ContextTimeoutEnabled: true})
}
