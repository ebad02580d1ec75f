// Package redisconn dials Redis, once, for the adapters that keep holds,
// rate limits and sessions there. It is the program's only contact with the
// client library's options; nothing here knows what is stored.
package redisconn

import (
	"time"

	"github.com/redis/go-redis/v9"
)

// Client is the connection the adapters share.
type Client = redis.Client

// Options are the settings of one Redis.
type Options struct {
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
func Dial(o Options) *Client {
	return redis.NewClient(&redis.Options{Addr: o.Addr, Password: o.Password, DB: o.DB, PoolSize: o.PoolSize,
		DialTimeout: o.DialTimeout, ReadTimeout: o.ReadTimeout, WriteTimeout: o.ReadTimeout, ContextTimeoutEnabled: true})
}
