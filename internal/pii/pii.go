// Package pii guards sensitive personal information (PIPL Art. 28): it checks
// phone and ID-card numbers, seals them with AES-256-GCM, derives a keyed
// HMAC index for lookups and masks them for display. It holds no storage.
package pii

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
)

// Box seals and indexes personal data with keys from config.
type Box struct {
	keyID string
	aead  cipher.AEAD
	// older keys stay readable after a rotation
	byID     map[string]cipher.AEAD
	indexKey []byte
}

// KeySize is the length in bytes of both keys.
const KeySize = 32

// NewBox builds a Box from base64 keys; keyID is stored with each sealed value.
func NewBox(keyID, sealKeyB64, indexKeyB64 string) (*Box, error) {
	sealKey, err := decodeKey(sealKeyB64)
	if err != nil {
		return nil, fmt.Errorf("pii key: %w", err)
	}
	indexKey, err := decodeKey(indexKeyB64)
	if err != nil {
		return nil, fmt.Errorf("pii index key: %w", err)
	}
	block, err := aes.NewCipher(sealKey)
	if err != nil {
		return nil, err
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	return &Box{keyID: keyID, aead: aead, byID: map[string]cipher.AEAD{keyID: aead}, indexKey: indexKey}, nil
}

func decodeKey(s string) ([]byte, error) {
	b, err := base64.StdEncoding.DecodeString(strings.TrimSpace(s))
	if err != nil {
		return nil, errors.New("must be base64")
	}
	if len(b) != KeySize {
		return nil, fmt.Errorf("must be %d bytes, got %d", KeySize, len(b))
	}
	return b, nil
}

// Seal encrypts plaintext as "keyID:base64(nonce|ciphertext)".
func (b *Box) Seal(plaintext string) string {
	nonce := make([]byte, b.aead.NonceSize())
	rand.Read(nonce)
	ct := b.aead.Seal(nonce, nonce, []byte(plaintext), []byte(b.keyID))
	return b.keyID + ":" + base64.RawStdEncoding.EncodeToString(ct)
}

// Open decrypts a value made by Seal with any key the Box knows.
func (b *Box) Open(sealed string) (string, error) {
	id, enc, ok := strings.Cut(sealed, ":")
	if !ok {
		return "", errors.New("pii: malformed sealed value")
	}
	aead, ok := b.byID[id]
	if !ok {
		return "", fmt.Errorf("pii: unknown key id %q", id)
	}
	raw, err := base64.RawStdEncoding.DecodeString(enc)
	if err != nil || len(raw) < aead.NonceSize() {
		return "", errors.New("pii: malformed sealed value")
	}
	pt, err := aead.Open(nil, raw[:aead.NonceSize()], raw[aead.NonceSize():], []byte(id))
	if err != nil {
		return "", errors.New("pii: cannot open sealed value")
	}
	return string(pt), nil
}

// Index is a keyed HMAC of a normalised value, hex-free bytes for a UNIQUE
// column; kind separates phones from ID numbers with the same digits.
func (b *Box) Index(kind, value string) string {
	m := hmac.New(sha256.New, b.indexKey)
	m.Write([]byte(kind + "\x00" + value))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// NewKey returns a fresh random base64 key.
func NewKey() string {
	k := make([]byte, KeySize)
	rand.Read(k)
	return base64.StdEncoding.EncodeToString(k)
}
