package account

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"
)

// Argon2id parameters: OWASP's minimum for argon2id (19 MiB, t=2, p=1).
const (
	argonMemory  = 19 * 1024
	argonTime    = 2
	argonThreads = 1
	argonKeyLen  = 32
)

// HashPassword returns a PHC-format argon2id hash.
func HashPassword(password string) string {
	salt := make([]byte, 16)
	rand.Read(salt)
	key := argon2.IDKey([]byte(password), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, argonMemory, argonTime, argonThreads, b64.EncodeToString(salt), b64.EncodeToString(key))
}

// The bounds a stored hash's parameters must keep: a hash from a bad row
// or a tampered backup must not make one sign-in allocate gigabytes, spin
// for minutes, or compare against an empty key.
const (
	maxMemory  = 256 * 1024 // KiB
	maxTime    = 10
	maxThreads = 16
	minKeyLen  = 16
	maxKeyLen  = 64
	minSaltLen = 8
	maxSaltLen = 64
)

var errHashFormat = errors.New("password hash: not a valid argon2id hash")

// CheckPassword reports whether password matches the PHC hash.
func CheckPassword(hash, password string) (bool, error) {
	m, t, p, salt, want, err := parseHash(hash)
	if err != nil {
		return false, err
	}
	got := argon2.IDKey([]byte(password), salt, t, m, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}

// parseHash reads $argon2id$v=19$m=…,t=…,p=…$salt$key and checks every
// part against its bounds before any work is done.
func parseHash(hash string) (m, t uint32, p uint8, salt, key []byte, err error) {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" || parts[2] != fmt.Sprintf("v=%d", argon2.Version) {
		return 0, 0, 0, nil, nil, errHashFormat
	}
	var rest string
	if n, _ := fmt.Sscanf(parts[3]+"|", "m=%d,t=%d,p=%d%s", &m, &t, &p, &rest); n != 4 || rest != "|" {
		return 0, 0, 0, nil, nil, errHashFormat
	}
	if m < 8*uint32(p) || m > maxMemory || t < 1 || t > maxTime || p < 1 || p > maxThreads {
		return 0, 0, 0, nil, nil, fmt.Errorf("password hash: parameters m=%d,t=%d,p=%d out of bounds", m, t, p)
	}
	b64 := base64.RawStdEncoding
	salt, err1 := b64.DecodeString(parts[4])
	key, err2 := b64.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(salt) < minSaltLen || len(salt) > maxSaltLen || len(key) < minKeyLen || len(key) > maxKeyLen {
		return 0, 0, 0, nil, nil, errHashFormat
	}
	return m, t, p, salt, key, nil
}

// dummyHash lets a login for an unknown phone cost as much as a real one.
var dummyHash = HashPassword("legaldesk-timing-equaliser")
